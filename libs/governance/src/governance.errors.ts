/** The codes the governance lib's errors carry (`code` in every HTTP error body); the web app maps them. */
export const GovernanceErrorCode = {
  AttendanceDuplicate: 'attendance.duplicate',
  AttendanceNotSitting: 'attendance.not_sitting',
  BodyNotFound: 'body.not_found',
  BodyUnknown: 'body.unknown',
  DatesOrder: 'dates.order',
  DecisionAgendaItemUnknown: 'decision.agenda_item_unknown',
  MeetingClosed: 'meeting.closed',
  MeetingNoQuorum: 'meeting.no_quorum',
  MeetingNotFound: 'meeting.not_found',
  MeetingTransitionForbidden: 'meeting.transition_forbidden',
  MemberNotFound: 'member.not_found',
  MemberUnknown: 'member.unknown',
  MinutesNotDraft: 'minutes.not_draft',
  MinutesNotFound: 'minutes.not_found',
  MinutesStaleVersion: 'minutes.stale_version',
  MinutesTransitionForbidden: 'minutes.transition_forbidden',
  MinutesVersionRequired: 'minutes.version_required',
  SeatAlternateIsHolder: 'seat.alternate_is_holder',
  SeatEndsBeforeStart: 'seat.ends_before_start',
  SeatNotFound: 'seat.not_found',
  SeatOccupied: 'seat.occupied',
  SeatVacant: 'seat.vacant',
} as const;

export type GovernanceErrorCode = (typeof GovernanceErrorCode)[keyof typeof GovernanceErrorCode];
