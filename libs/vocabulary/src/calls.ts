/** Calls for interest, projects and their funding (DESIGN.md, "Calls for interest and funding"). */
export const CALL_STATUSES = ['draft', 'open', 'closed', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  draft: 'Brouillon',
  open: 'Ouvert',
  closed: 'Clos',
  decided: 'Décidé',
};

export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'returned_for_changes',
  'selected',
  'rejected',
  'withdrawn',
  'agreement_signed',
  'in_progress',
  'closed',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
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
export const PROJECT_TRANSITION_LABELS: Record<ProjectStatus, string> = {
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

/** What the button says for the move from `from` to `to`: an application corrected is deposited again. */
export function projectMoveLabel(from: ProjectStatus, to: ProjectStatus): string {
  return from === 'returned_for_changes' && to === 'submitted' ? 'Redéposer' : PROJECT_TRANSITION_LABELS[to];
}

/** What the button says for a call's move from `from` to `to`: a closed call is reopened, not opened. */
export function callMoveLabel(from: CallStatus, to: CallStatus): string {
  if (to === 'open') return from === 'closed' ? 'Rouvrir l’appel' : 'Ouvrir l’appel';
  return to === 'closed' ? 'Clore l’appel' : to === 'decided' ? 'Marquer l’appel comme décidé' : CALL_STATUS_LABELS[to];
}

/** The orders of the project list. */
export const PROJECT_SORTS = ['recent', 'score'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export const PROJECT_SORT_LABELS: Record<ProjectSort, string> = {
  recent: 'Les plus récents d’abord',
  score: 'Meilleure note pondérée d’abord',
};

/** A move that ends an application's chances: shown after the others, never as the primary action. */
export function isDestructiveProjectMove(to: ProjectStatus): boolean {
  return to === 'rejected' || to === 'withdrawn';
}

export const OPINIONS = ['favorable', 'reserved', 'unfavorable'] as const;
export type Opinion = (typeof OPINIONS)[number];

export const OPINION_LABELS: Record<Opinion, string> = {
  favorable: 'Favorable',
  reserved: 'Réservé',
  unfavorable: 'Défavorable',
};

export const PAYMENT_KINDS = ['advance', 'installment', 'balance'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  advance: 'Avance',
  installment: 'Acompte',
  balance: 'Solde',
};

/** The activity reports (bilans) a grant's holder owes. */
export const GRANT_REPORT_KINDS = ['progress', 'final'] as const;
export type GrantReportKind = (typeof GRANT_REPORT_KINDS)[number];

export const GRANT_REPORT_KIND_LABELS: Record<GrantReportKind, string> = {
  progress: 'Bilan intermédiaire',
  final: 'Bilan final',
};

/** Where a planned tranche of a grant's schedule stands against the payments. */
export const TRANCHE_STATE_LABELS = {
  paid: 'Versée',
  overdue: 'En retard',
  upcoming: 'À venir',
} as const;

/** A ledger line's payment kind in words; a balance still to pay has none. */
export const paymentKindLabel = (kind: PaymentKind | null): string => (kind ? PAYMENT_KIND_LABELS[kind] : '');

export const HOLDER_KINDS = [
  'association',
  'local_authority',
  'hospital',
  'health_centre',
  'public_body',
  'cooperative',
  'company',
  'other',
] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export const HOLDER_KIND_LABELS: Record<HolderKind, string> = {
  association: 'Association',
  local_authority: 'Collectivité territoriale',
  hospital: 'Établissement de santé',
  health_centre: 'Centre de santé',
  public_body: 'Établissement public',
  cooperative: 'Coopérative',
  company: 'Entreprise',
  other: 'Autre',
};

/** The three levers of the regional strategy against social inequalities in health. */
export const ISS_LEVERS = [1, 2, 3] as const;
export type IssLever = (typeof ISS_LEVERS)[number];

export const LEVER_LABELS: Record<IssLever, string> = {
  1: 'Déterminants sociaux, intersectorialité',
  2: 'Parcours de vie, périodes sensibles',
  3: 'Universalisme proportionné, « aller vers »',
};
