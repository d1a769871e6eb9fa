/** The codes the territory lib's errors carry (`code` in every HTTP error body); the web app maps them. */
export const TerritoryErrorCode = {
  TerritoryUnknownCommune: 'territory.unknown_commune',
  TerritoryUnknownDepartment: 'territory.unknown_department',
} as const;

export type TerritoryErrorCode = (typeof TerritoryErrorCode)[keyof typeof TerritoryErrorCode];
