import type { College } from '@app/governance';

/**
 * The commission as the mission described it in 2022 (../shared/reference): the plenary installed on
 * 2021-12-10 with its five colleges, the bureau, thematic working groups and the scientific support
 * committee. Organisations are real kinds of bodies; every person is fictional.
 */
export interface DemoMember {
  key: string;
  name: string;
  organization: string;
  college: College;
  designatingBody?: string;
}

export interface DemoSeat {
  college: College;
  label?: string;
  holder: string;
  alternate?: string;
  /** A mandate ended on this day and not filled again: the seat shows vacant. */
  endedOn?: string;
}

const m = (
  key: string,
  name: string,
  college: College,
  organization: string,
  designatingBody?: string,
): DemoMember => ({
  key,
  name,
  college,
  organization,
  designatingBody,
});

export const MEMBERS: DemoMember[] = [
  m('urps', 'Dr Pierre Gaubert', 'health_actors', 'URPS Médecins libéraux Occitanie', 'CRSA'),
  m('urps-s', 'Dr Lina Mercadier', 'health_actors', 'URPS Médecins libéraux Occitanie', 'CRSA'),
  m('chu', 'Catherine Roussel', 'health_actors', 'CHU de Toulouse', 'CRSA'),
  m('medsoc', 'Yanis Benali', 'health_actors', 'Fédération des établissements médico-sociaux', 'CRSA'),
  m('ireps', 'Mathilde Carrère', 'health_actors', 'IREPS Occitanie (prévention)', 'CRSA'),
  m('ireps-s', 'Olivier Py', 'health_actors', 'IREPS Occitanie (prévention)', 'CRSA'),
  m('fas-sante', 'Sylvie Azéma', 'users', 'France Assos Santé Occitanie', 'CRSA'),
  m('unafam', 'Bernard Coste', 'users', 'UNAFAM Occitanie', 'CRSA'),
  m('atd', 'Marc Olivier', 'users', 'ATD Quart Monde', 'CRSA'),
  m('atd-s', 'Fatou Diallo', 'users', 'ATD Quart Monde', 'CRSA'),
  m('secours', 'Jeanne Albert', 'users', 'Secours populaire français', 'CRSA'),
  m('fas', 'Nicolas Ferrand', 'users', 'Fédération des acteurs de la solidarité Occitanie', 'CRSA'),
  m('uriopss', 'Agnès Vernhes', 'users', 'URIOPSS Occitanie', 'CRSA'),
  m('depute', 'Laurent Baylac', 'elected', 'Assemblée nationale'),
  m('region', 'Christine Estève', 'elected', 'Conseil régional d’Occitanie'),
  m('cd31', 'Michel Sarda', 'elected', 'Conseil départemental de la Haute-Garonne'),
  m('metropole', 'Aurélie Campan', 'elected', 'Toulouse Métropole'),
  m('urbaine', 'Hugo Lafforgue', 'elected', 'Ville de Montpellier'),
  m('rurale', 'Denise Bories', 'elected', 'Commune rurale de l’Aveyron'),
  m('pauvrete', 'Stéphane Lamy', 'institutional', 'Commissaire à la lutte contre la pauvreté'),
  m('dreets', 'Valérie Poujol', 'institutional', 'DREETS Occitanie'),
  m('rectorat', 'Thierry Massat', 'institutional', 'Rectorat de Toulouse'),
  m('dcgdr', 'Isabelle Granier', 'institutional', 'Assurance maladie — DCGDR Occitanie'),
  m('caf', 'Sébastien Rouquette', 'institutional', 'CAF de l’Hérault'),
  m('msa', 'Muriel Castel', 'institutional', 'MSA Midi-Pyrénées Nord'),
  m('qp1', 'Pr Anne Delpierre', 'qualified_person', 'Université de Montpellier — santé publique'),
  m('qp2', 'Dr Julien Marcoux', 'qualified_person', 'Observatoire régional de la santé'),
  m('qp3', 'Élise Fontanel', 'qualified_person', 'Sociologue, Université Toulouse Jean-Jaurès'),
];

export const PLENARY_SEATS: DemoSeat[] = [
  { college: 'health_actors', label: 'médecine libérale', holder: 'urps', alternate: 'urps-s' },
  { college: 'health_actors', label: 'établissements de santé', holder: 'chu' },
  { college: 'health_actors', label: 'médico-social', holder: 'medsoc' },
  { college: 'health_actors', label: 'prévention', holder: 'ireps', alternate: 'ireps-s' },
  { college: 'users', label: 'approche santé', holder: 'fas-sante' },
  { college: 'users', label: 'approche santé', holder: 'unafam' },
  { college: 'users', label: 'approche précarité', holder: 'atd', alternate: 'atd-s' },
  { college: 'users', label: 'approche précarité', holder: 'secours' },
  { college: 'users', label: 'associations gestionnaires', holder: 'fas' },
  { college: 'users', label: 'associations gestionnaires', holder: 'uriopss' },
  { college: 'elected', label: 'parlementaire', holder: 'depute' },
  { college: 'elected', label: 'conseil régional', holder: 'region' },
  { college: 'elected', label: 'conseils départementaux', holder: 'cd31' },
  { college: 'elected', label: 'EPCI / métropole', holder: 'metropole' },
  { college: 'elected', label: 'commune urbaine', holder: 'urbaine' },
  { college: 'elected', label: 'commune rurale', holder: 'rurale', endedOn: '2026-03-31' },
  { college: 'institutional', label: 'lutte contre la pauvreté', holder: 'pauvrete' },
  { college: 'institutional', label: 'DREETS', holder: 'dreets' },
  { college: 'institutional', label: 'Éducation nationale', holder: 'rectorat' },
  { college: 'institutional', label: 'Assurance maladie', holder: 'dcgdr' },
  { college: 'institutional', label: 'CAF', holder: 'caf' },
  { college: 'institutional', label: 'MSA', holder: 'msa' },
  { college: 'qualified_person', holder: 'qp1' },
  { college: 'qualified_person', holder: 'qp2' },
];

export const BUREAU_SEATS: DemoSeat[] = [
  { college: 'health_actors', holder: 'chu' },
  { college: 'users', holder: 'atd' },
  { college: 'elected', holder: 'region' },
  { college: 'institutional', holder: 'pauvrete' },
  { college: 'qualified_person', holder: 'qp1' },
];

export const WORKING_GROUPS: { name: string; seats: DemoSeat[] }[] = [
  {
    name: 'Groupe thématique — Santé mentale des jeunes',
    seats: [
      { college: 'users', holder: 'unafam' },
      { college: 'institutional', holder: 'rectorat' },
      { college: 'health_actors', holder: 'chu' },
      { college: 'qualified_person', holder: 'qp3' },
    ],
  },
  {
    name: 'Groupe thématique — Petite enfance et 1 000 premiers jours',
    seats: [
      { college: 'institutional', holder: 'caf' },
      { college: 'health_actors', holder: 'ireps' },
      { college: 'users', holder: 'secours' },
      { college: 'elected', holder: 'cd31' },
    ],
  },
];

export const SCIENTIFIC_SEATS: DemoSeat[] = [
  { college: 'qualified_person', holder: 'qp1' },
  { college: 'qualified_person', holder: 'qp2' },
  { college: 'qualified_person', holder: 'qp3' },
];

/** Who came to the held plenary; every other full member is excused. */
export const HELD_PLENARY_PRESENT = [
  'urps',
  'chu',
  'ireps',
  'fas-sante',
  'atd-s',
  'secours',
  'fas',
  'region',
  'cd31',
  'metropole',
  'pauvrete',
  'dreets',
  'dcgdr',
  'caf',
  'qp1',
];
export const HELD_PLENARY_REPRESENTED = ['atd'];

export const MINUTES_TEXT = `La séance est ouverte par la présidente, qui rappelle que la commission réunit les cinq collèges pour « rien pour nous sans nous ».

La mission ISS présente le bilan de l’appel à manifestation d’intérêt 2021 (1,7 M€, 16 projets) et les actions engagées sur la feuille de route.

Après échanges, la commission rend un avis favorable sur les orientations de la feuille de route 2026. Le collège des usagers demande un point d’étape sur l’« aller vers » dans les territoires ruraux.

La séance est levée à 17 h 10.`;
