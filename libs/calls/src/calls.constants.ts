import type { Role } from '@app/core/auth/actor';

/** Enumerations and the project lifecycle of DESIGN.md ("Calls for interest and funding"), as data. */
export const CALL_STATUSES = ['draft', 'open', 'closed', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** A call opens for applications, closes, then is decided once the commission's choices are made. */
export const CALL_TRANSITIONS: Record<CallStatus, readonly CallStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['decided', 'open'],
  decided: [],
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

export interface TransitionRule {
  /** Who may make the move. */
  roles: readonly Role[];
  /** A comment is required: the reason of a rejection, what to correct when returned. */
  commentRequired?: boolean;
}

const TEAM: Role[] = ['regional_delegate', 'mission_officer'];
const DELEGATE: Role[] = ['regional_delegate'];

/** from → to → rule. Withdrawal is possible from every state before a decision; the delegate decides. */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, Partial<Record<ProjectStatus, TransitionRule>>> = {
  draft: { submitted: { roles: TEAM }, withdrawn: { roles: TEAM } },
  submitted: { under_review: { roles: TEAM }, withdrawn: { roles: TEAM } },
  under_review: {
    selected: { roles: DELEGATE },
    rejected: { roles: DELEGATE, commentRequired: true },
    returned_for_changes: { roles: TEAM, commentRequired: true },
    withdrawn: { roles: TEAM },
  },
  returned_for_changes: { submitted: { roles: TEAM }, withdrawn: { roles: TEAM } },
  selected: { agreement_signed: { roles: TEAM } },
  agreement_signed: { in_progress: { roles: TEAM } },
  in_progress: { closed: { roles: TEAM } },
  rejected: {},
  withdrawn: {},
  closed: {},
};

/** States in which departmental opinions are given. */
export const OPINION_OPEN_STATUSES: readonly ProjectStatus[] = ['submitted', 'under_review', 'returned_for_changes'];

export const OPINIONS = ['favorable', 'reserved', 'unfavorable'] as const;
export type Opinion = (typeof OPINIONS)[number];

export const PAYMENT_KINDS = ['advance', 'installment', 'balance'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

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

export { TARGET_PUBLICS, type TargetPublic } from '@app/core/vocabulary/target-publics';

export const ISS_LEVERS = [1, 2, 3] as const;

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: 'brouillon',
  submitted: 'déposé',
  under_review: 'en instruction',
  returned_for_changes: 'renvoyé pour correction',
  selected: 'retenu',
  rejected: 'non retenu',
  withdrawn: 'retiré',
  agreement_signed: 'convention signée',
  in_progress: 'en cours',
  closed: 'clos',
};
