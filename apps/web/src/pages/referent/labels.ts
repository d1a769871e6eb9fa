import type { ContractSummaryDto } from '../../api/client';

export const CONTRACT_STATUS_LABELS: Record<ContractSummaryDto['status'], string> = {
  in_preparation: 'En préparation',
  signed: 'Signé',
  renewal: 'En renouvellement',
  expired: 'Échu',
};
