import type { ContractSummaryDto, OpinionDto, ProjectDto } from '../../api/client';

export const OPINION_LABELS: Record<OpinionDto['opinion'], string> = {
  favorable: 'Favorable',
  reserved: 'Réservé',
  unfavorable: 'Défavorable',
};

export const CONTRACT_STATUS_LABELS: Record<ContractSummaryDto['status'], string> = {
  in_preparation: 'En préparation',
  signed: 'Signé',
  renewal: 'En renouvellement',
  expired: 'Échu',
};

export const PROJECT_STATUS_LABELS: Partial<Record<ProjectDto['status'], string>> = {
  submitted: 'Déposé',
  under_review: 'En instruction',
  returned_for_changes: 'Renvoyé au porteur pour correction',
};
