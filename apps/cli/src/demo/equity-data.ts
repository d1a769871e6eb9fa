import type { ParticipationLevel } from '@app/vocabulary';

/**
 * How far the people concerned take part in each demo project, by title: peer-support and community
 * projects co-led or co-designed with them, outreach and screening mostly informing them, professional
 * coordination without them — a spread like the one the mission's reviews describe, for the equity
 * figures to group. A title not listed takes no participation.
 */
export const DEMO_PROJECT_PARTICIPATION: Record<string, ParticipationLevel> = {
  'Habitat indigne : repérer et accompagner les ménages': 'consulted',
  'Urbanisme favorable à la santé dans un quartier prioritaire': 'co_designed',
  'Qualité de l’air intérieur chez les familles précaires': 'informed',
  'Accueil écoute jeunes après la crise sanitaire': 'consulted',
  'Pair-aidance en santé mentale pour les personnes à la rue': 'co_led',
  'Bus santé dans les villages du Gers': 'informed',
  'Médiation en santé pour les gens du voyage': 'co_designed',
  'Lutter contre le non-recours aux droits de santé': 'consulted',
  'Accès aux soins des personnes exilées': 'consulted',
  'Compétences psychosociales dès l’école maternelle': 'informed',
  'Littératie en santé des femmes isolées': 'co_designed',
  'Ateliers santé des jeunes en insertion': 'consulted',
  'Parents et enfants : renforcer les compétences psychosociales': 'co_designed',
  'Camion santé dans les quartiers nord de Toulouse': 'consulted',
  'Maraudes santé à Montpellier': 'co_designed',
  'Dépistage itinérant en zone de montagne': 'informed',
  'Ateliers littératie dans les médiathèques': 'consulted',
  'Formation d’ambassadeurs santé': 'co_led',
  'Jeunes et santé mentale : ateliers pairs': 'co_led',
};

/** The same for the 2022 roadmap's actions. */
export const DEMO_ACTION_PARTICIPATION: Record<string, ParticipationLevel> = {
  'Visites à domicile des familles en grande précarité': 'consulted',
  'Premiers secours en santé mentale pour les étudiants': 'informed',
  'Accès à la contraception des femmes isolées': 'co_designed',
  '« Aller vers » les personnes âgées isolées': 'consulted',
  'Continuité des parcours à la sortie de prison': 'co_designed',
};

/** Said in the indicators' `source`, and shown by the screen beside the figures. */
export const DEMO_VALUES_NOTICE = 'valeurs fictives de démonstration';

/**
 * A poverty rate by department, of the order of INSEE's published rates for Occitanie (Filosofi), but
 * illustrative: no deprivation data set is reachable from here. The README says how to load real ones.
 */
export const DEMO_POVERTY_RATE = {
  code: 'taux_pauvrete_dep',
  label: 'Taux de pauvreté monétaire (seuil à 60 % du niveau de vie médian)',
  unit: '%',
  source: `INSEE, Filosofi — ${DEMO_VALUES_NOTICE}, d’un ordre de grandeur proche des taux publiés`,
  year: 2021,
  level: 'department' as const,
  higherIsWorse: true,
  isRate: true,
  values: {
    '09': 18.6,
    '11': 21.4,
    '12': 14.1,
    '30': 19.8,
    '31': 13.5,
    '32': 14.9,
    '34': 19.3,
    '46': 15.2,
    '48': 15.0,
    '65': 15.7,
    '66': 21.0,
    '81': 16.3,
    '82': 17.2,
  } as Record<string, number>,
};

/** A social deprivation index by EPCI (as the regional health observatory publishes one), illustrative. */
export const DEMO_DEPRIVATION_INDEX = {
  code: 'indice_defavorisation_epci',
  label: 'Indice de défavorisation sociale (type FDep) par EPCI',
  unit: 'indice',
  source: `ORS Occitanie (indice de défavorisation) — ${DEMO_VALUES_NOTICE}`,
  year: 2019,
  level: 'epci' as const,
  higherIsWorse: true,
  isRate: false,
};
