/** The codes the contracts lib's errors carry (`code` in every HTTP error body); the web app maps them. */
export const ContractsErrorCode = {
  ContractDates: 'contract.dates',
  ContractTerritoryRepeated: 'contract.territory_repeated',
  ContractUnknownEpci: 'contract.unknown_epci',
  ContractTerritoriesMissing: 'contract.territories_missing',
  LocalHealthContractNotFound: 'local_health_contract.not_found',
  LocalHealthContractStaleVersion: 'local_health_contract.stale_version',
} as const;

export type ContractsErrorCode = (typeof ContractsErrorCode)[keyof typeof ContractsErrorCode];
