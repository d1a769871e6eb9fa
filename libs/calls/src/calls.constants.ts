import type { Role } from '@app/core/auth/actor';
import { lifecycle, type TransitionTable } from '@app/core/lifecycle/lifecycle';
import { CALL_STATUSES, PROJECT_STATUSES, type CallStatus, type ProjectStatus } from '@app/vocabulary';

/** Enumerations (in the vocabulary) and the call and project lifecycles of DESIGN.md ("Calls for interest and funding"), as data. */
export {
  CALL_STATUSES,
  HOLDER_KINDS,
  ISS_LEVERS,
  OPINIONS,
  PAYMENT_KINDS,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  TARGET_PUBLICS,
  type CallStatus,
  type HolderKind,
  type Opinion,
  type PaymentKind,
  type ProjectSort,
  type ProjectStatus,
  type TargetPublic,
} from '@app/vocabulary';

/** The regional team: it enters calls and applications, instructs them, and pays. */
export const TEAM: readonly Role[] = ['regional_delegate', 'mission_officer'];
/** The regional delegate: it decides and commits the money. */
export const DELEGATE: readonly Role[] = ['regional_delegate'];

/**
 * A call opens for applications, closes, then is decided once the commission's choices are made. Reopening
 * a closed call lets applications and grants in again: the delegate does it, and says why.
 */
export const CALL_TRANSITIONS: TransitionTable<CallStatus> = {
  draft: { open: { roles: TEAM } },
  open: { closed: { roles: TEAM } },
  closed: { decided: { roles: TEAM }, open: { roles: DELEGATE, commentRequired: true } },
  decided: {},
};

/** What a call lets happen in each of its states. */
export interface CallStatusRule {
  /** New applications are entered and first submitted (until the closing date too). */
  applications: boolean;
  /** Money is committed to its selected projects. */
  grants: boolean;
  /** Its title, dates, envelope and axes change. */
  edit: boolean;
}

/**
 * Applications come in while the call is open; once it is closed, nothing is committed until the
 * commission has decided or the delegate has reopened it; a decided call is settled and no longer edited.
 */
export const CALL_STATUS_RULES: Record<CallStatus, CallStatusRule> = {
  draft: { applications: false, grants: false, edit: true },
  open: { applications: true, grants: true, edit: true },
  closed: { applications: false, grants: false, edit: true },
  decided: { applications: false, grants: true, edit: false },
};

/** from → to → move. Withdrawal is possible from every state before a decision; the delegate decides. */
export const PROJECT_TRANSITIONS: TransitionTable<ProjectStatus> = {
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

export const CALL_LIFECYCLE = lifecycle(CALL_STATUSES, CALL_TRANSITIONS);
export const PROJECT_LIFECYCLE = lifecycle(PROJECT_STATUSES, PROJECT_TRANSITIONS);

/** States in which departmental opinions are given. */
export const OPINION_OPEN_STATUSES: readonly ProjectStatus[] = ['submitted', 'under_review', 'returned_for_changes'];

/** States in which the application itself (its title, holder, departments, budget…) may still change. */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['draft', 'returned_for_changes'];
