/** Local health contracts (DESIGN.md, "Local health contracts"). */
export const CONTRACT_STATUSES = ['in_preparation', 'signed', 'renewal', 'expired'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  in_preparation: 'En préparation',
  signed: 'Signé',
  renewal: 'En renouvellement',
  expired: 'Échu',
};
