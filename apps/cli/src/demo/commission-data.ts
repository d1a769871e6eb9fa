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

const USERS_HEALTH = 'Représentant des usagers — approche santé (CRSA)';
const USERS_PRECARITY = 'Représentant des usagers — approche précarité (CRPA)';

/** The plenary's seats, labelled as the commission's composition names them. */
export const PLENARY_SEATS: DemoSeat[] = [
  { college: 'health_actors', label: 'URPS — médecins et infirmiers libéraux', holder: 'urps', alternate: 'urps-s' },
  { college: 'health_actors', label: 'Acteurs hospitaliers publics et privés', holder: 'chu' },
  { college: 'health_actors', label: 'Acteurs médico-sociaux', holder: 'medsoc' },
  { college: 'health_actors', label: 'Acteurs de la prévention', holder: 'ireps', alternate: 'ireps-s' },
  { college: 'users', label: USERS_HEALTH, holder: 'fas-sante' },
  { college: 'users', label: USERS_HEALTH, holder: 'unafam' },
  { college: 'users', label: USERS_PRECARITY, holder: 'atd', alternate: 'atd-s' },
  { college: 'users', label: USERS_PRECARITY, holder: 'secours' },
  { college: 'users', label: 'Association gestionnaire — FAS', holder: 'fas' },
  { college: 'users', label: 'Association gestionnaire — URIOPSS', holder: 'uriopss' },
  { college: 'elected', label: 'Parlementaire', holder: 'depute' },
  { college: 'elected', label: 'Conseil régional d’Occitanie', holder: 'region' },
  { college: 'elected', label: 'Conseil départemental de la Haute-Garonne', holder: 'cd31' },
  { college: 'elected', label: 'Représentant des EPCI ou des métropoles', holder: 'metropole' },
  { college: 'elected', label: 'Représentant d’une commune urbaine', holder: 'urbaine' },
  { college: 'elected', label: 'Représentant d’une commune rurale', holder: 'rurale', endedOn: '2026-03-31' },
  {
    college: 'institutional',
    label: 'Commissaire à la prévention et à la lutte contre la pauvreté',
    holder: 'pauvrete',
  },
  { college: 'institutional', label: 'DREETS Occitanie', holder: 'dreets' },
  { college: 'institutional', label: 'Rectorat (Montpellier-Toulouse)', holder: 'rectorat' },
  { college: 'institutional', label: 'Assurance maladie — CPAM et DCGDR', holder: 'dcgdr' },
  { college: 'institutional', label: 'Caisse d’allocations familiales', holder: 'caf' },
  { college: 'institutional', label: 'Mutualité sociale agricole', holder: 'msa' },
  { college: 'qualified_person', label: 'Coordinatrice du Comité d’appui scientifique', holder: 'qp1' },
  { college: 'qualified_person', label: 'Personnalité qualifiée — observation en santé', holder: 'qp2' },
];

/** The bureau: one seat per college, each speaking for its college. */
export const BUREAU_SEATS: DemoSeat[] = [
  { college: 'health_actors', label: 'Représentant du collège des acteurs de santé', holder: 'chu' },
  { college: 'users', label: 'Représentant du collège des usagers', holder: 'atd' },
  { college: 'elected', label: 'Représentant du collège des élus', holder: 'region' },
  { college: 'institutional', label: 'Représentant du collège des acteurs institutionnels', holder: 'pauvrete' },
  { college: 'qualified_person', label: 'Présidente de la commission', holder: 'qp1' },
];

export const WORKING_GROUPS: { name: string; seats: DemoSeat[] }[] = [
  {
    name: 'Groupe thématique — Santé mentale des jeunes',
    seats: [
      { college: 'users', label: 'Représentant des usagers et des familles', holder: 'unafam' },
      { college: 'institutional', label: 'Éducation nationale', holder: 'rectorat' },
      { college: 'health_actors', label: 'Psychiatrie de l’enfant et de l’adolescent', holder: 'chu' },
      { college: 'qualified_person', label: 'Sociologue', holder: 'qp3' },
    ],
  },
  {
    name: 'Groupe thématique — Petite enfance et 1 000 premiers jours',
    seats: [
      { college: 'institutional', label: 'Caisse d’allocations familiales', holder: 'caf' },
      { college: 'health_actors', label: 'Acteurs de la prévention', holder: 'ireps' },
      { college: 'users', label: 'Représentant des usagers — approche précarité', holder: 'secours' },
      { college: 'elected', label: 'Conseil départemental de la Haute-Garonne (PMI)', holder: 'cd31' },
    ],
  },
];

export const SCIENTIFIC_SEATS: DemoSeat[] = [
  { college: 'qualified_person', label: 'Coordinatrice du comité', holder: 'qp1' },
  { college: 'qualified_person', label: 'Épidémiologie et observation en santé', holder: 'qp2' },
  { college: 'qualified_person', label: 'Sciences sociales', holder: 'qp3' },
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
