/** Occitanie's thirteen departments, in code order: what the reference data must hold. */
export const OCCITANIE_DEPARTMENT_CODES = [
  '09',
  '11',
  '12',
  '30',
  '31',
  '32',
  '34',
  '46',
  '48',
  '65',
  '66',
  '81',
  '82',
] as const;
