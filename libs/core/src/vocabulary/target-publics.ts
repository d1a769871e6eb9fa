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
