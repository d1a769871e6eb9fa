import type { Role } from '@app/core/auth/actor';
import { lifecycle, type TransitionTable } from '@app/core/lifecycle/lifecycle';
import { MEETING_STATUSES, MINUTES_STATUSES, type MeetingStatus, type MinutesStatus } from '@app/vocabulary';

/** Enumerations (in the vocabulary) and state machines of the commission, as data (DESIGN.md, "Governance"). */
export {
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  COLLEGES,
  DECISION_SUBJECT_TYPES,
  MEETING_STATUSES,
  MINUTES_STATUSES,
  POSITION_ROLES,
  type AttendanceStatus,
  type BodyKind,
  type College,
  type DecisionSubjectType,
  type MeetingStatus,
  type MinutesStatus,
  type PositionRole,
} from '@app/vocabulary';

/** Who runs the commission (DESIGN.md): the mission officer and the regional delegate. */
export const COMMISSION_MANAGERS: readonly Role[] = ['regional_delegate', 'mission_officer'];

/** planned → held → closed; recording the attendance also marks a planned meeting held. */
export const MEETING_TRANSITIONS: TransitionTable<MeetingStatus> = {
  planned: { held: { roles: COMMISSION_MANAGERS } },
  held: { closed: { roles: COMMISSION_MANAGERS } },
  closed: {},
};

/** draft → approved → published; only a draft's text changes. */
export const MINUTES_TRANSITIONS: TransitionTable<MinutesStatus> = {
  draft: { approved: { roles: COMMISSION_MANAGERS } },
  approved: { published: { roles: COMMISSION_MANAGERS } },
  published: {},
};

export const MEETING_LIFECYCLE = lifecycle(MEETING_STATUSES, MEETING_TRANSITIONS);
export const MINUTES_LIFECYCLE = lifecycle(MINUTES_STATUSES, MINUTES_TRANSITIONS);

/** Meetings still to come (from now on) or already begun, whatever their status. */
export const MEETING_PERIODS = ['upcoming', 'past'] as const;
export type MeetingPeriod = (typeof MEETING_PERIODS)[number];

/** Meetings on which attendance and decisions may still be recorded. */
export const MEETING_OPEN_FOR_RECORDS: readonly MeetingStatus[] = ['planned', 'held'];

/** Minutes whose text may still change. */
export const MINUTES_EDITABLE: readonly MinutesStatus[] = ['draft'];
