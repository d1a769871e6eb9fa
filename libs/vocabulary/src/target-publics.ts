/** The controlled list of target publics, shared by projects (calls) and roadmap actions. */
export const TARGET_PUBLICS = [
  'early_childhood',
  'young_people',
  'women',
  'people_in_precarity',
  'people_with_disabilities',
  'older_people',
  'travellers_roma',
  'lgbtq_people',
  'people_with_migration_background',
  'people_in_detention',
  'rural_population',
  'general_population',
] as const;
export type TargetPublic = (typeof TARGET_PUBLICS)[number];

export const TARGET_PUBLIC_LABELS: Record<TargetPublic, string> = {
  early_childhood: 'Petite enfance',
  young_people: 'Jeunes',
  women: 'Femmes',
  people_in_precarity: 'Personnes en situation de précarité',
  people_with_disabilities: 'Personnes en situation de handicap',
  older_people: 'Personnes âgées',
  travellers_roma: 'Gens du voyage et Roms',
  lgbtq_people: 'Personnes LGBTQI+',
  people_with_migration_background: 'Personnes migrantes',
  people_in_detention: 'Personnes détenues',
  rural_population: 'Population rurale',
  general_population: 'Population générale',
};
