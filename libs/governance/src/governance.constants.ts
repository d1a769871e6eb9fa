import type { MeetingStatus, MinutesStatus } from '@app/vocabulary';

/** Enumerations (in the vocabulary) and state machines of the commission, as data (DESIGN.md, "Governance"). */
export {
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  COLLEGES,
  MEETING_STATUSES,
  MINUTES_STATUSES,
  POSITION_ROLES,
  type AttendanceStatus,
  type BodyKind,
  type College,
  type MeetingStatus,
  type MinutesStatus,
  type PositionRole,
} from '@app/vocabulary';

export const MEETING_TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ['held'],
  held: ['closed'],
  closed: [],
};

export const MINUTES_TRANSITIONS: Record<MinutesStatus, readonly MinutesStatus[]> = {
  draft: ['approved'],
  approved: ['published'],
  published: [],
};

/** Meetings still to come (from now on) or already begun, whatever their status. */
export const MEETING_PERIODS = ['upcoming', 'past'] as const;
export type MeetingPeriod = (typeof MEETING_PERIODS)[number];

/** Meetings on which attendance, decisions and minutes may still be recorded. */
export const MEETING_OPEN_FOR_RECORDS: readonly MeetingStatus[] = ['planned', 'held'];
