import type { Role } from '@app/core/auth/actor';

import type { CallStatus, ProjectStatus } from '@app/vocabulary';

/** Enumerations (in the vocabulary) and the project lifecycle of DESIGN.md ("Calls for interest and funding"), as data. */
export {
  CALL_STATUSES,
  HOLDER_KINDS,
  ISS_LEVERS,
  OPINIONS,
  PAYMENT_KINDS,
  PROJECT_STATUSES,
  TARGET_PUBLICS,
  type CallStatus,
  type HolderKind,
  type Opinion,
  type PaymentKind,
  type ProjectStatus,
  type TargetPublic,
} from '@app/vocabulary';

/** A call opens for applications, closes, then is decided once the commission's choices are made. */
export const CALL_TRANSITIONS: Record<CallStatus, readonly CallStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['decided', 'open'],
  decided: [],
};

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
