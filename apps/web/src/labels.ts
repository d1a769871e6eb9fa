import type { HolderDto, OpinionDto, PaymentDto, ProjectDto } from './api/client';

/** The API's codes as the people using the app say them. */

export const PROJECT_STATUS_LABELS: Record<ProjectDto['status'], string> = {
  draft: 'Brouillon',
  submitted: 'Déposé',
  under_review: 'En instruction',
  returned_for_changes: 'Renvoyé pour correction',
  selected: 'Retenu',
  rejected: 'Refusé',
  withdrawn: 'Retiré',
  agreement_signed: 'Convention signée',
  in_progress: 'En cours',
  closed: 'Clôturé',
};

/** What a button moving a project to that status says. */
export const PROJECT_TRANSITION_LABELS: Record<ProjectDto['status'], string> = {
  draft: 'Remettre en brouillon',
  submitted: 'Déposer',
  under_review: 'Mettre en instruction',
  returned_for_changes: 'Renvoyer pour correction',
  selected: 'Retenir',
  rejected: 'Refuser',
  withdrawn: 'Retirer',
  agreement_signed: 'Convention signée',
  in_progress: 'Démarrer',
  closed: 'Clôturer',
};

export const TARGET_PUBLIC_LABELS: Record<string, string> = {
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

export const HOLDER_KIND_LABELS: Record<HolderDto['kind'], string> = {
  association: 'Association',
  local_authority: 'Collectivité territoriale',
  hospital: 'Établissement de santé',
  health_centre: 'Centre de santé',
  public_body: 'Établissement public',
  cooperative: 'Coopérative',
  company: 'Entreprise',
  other: 'Autre',
};

export const OPINION_LABELS: Record<OpinionDto['opinion'], string> = {
  favorable: 'Favorable',
  reserved: 'Réservé',
  unfavorable: 'Défavorable',
};

export const PAYMENT_KIND_LABELS: Record<PaymentDto['kind'], string> = {
  advance: 'Avance',
  installment: 'Acompte',
  balance: 'Solde',
};

export const LEVER_LABELS: Record<number, string> = {
  1: 'Déterminants sociaux, intersectorialité',
  2: 'Parcours de vie, périodes sensibles',
  3: 'Universalisme proportionné, « aller vers »',
};
