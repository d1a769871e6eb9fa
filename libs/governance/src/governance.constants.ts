/** Enumerations and state machines of the commission, as data (DESIGN.md, "Governance"). */
export const BODY_KINDS = ['plenary', 'bureau', 'working_group', 'scientific_committee'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const COLLEGES = ['health_actors', 'users', 'elected', 'institutional', 'qualified_person'] as const;
export type College = (typeof COLLEGES)[number];

export const COLLEGE_LABELS: Record<College, string> = {
  health_actors: 'Acteurs de santé',
  users: 'Usagers',
  elected: 'Élus',
  institutional: 'Institutions',
  qualified_person: 'Personnalités qualifiées',
};

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  plenary: 'Assemblée plénière',
  bureau: 'Bureau',
  working_group: 'Groupe thématique',
  scientific_committee: 'Comité d’appui scientifique',
};

export const POSITION_ROLES = ['president', 'vice_president', 'secretary'] as const;
export type PositionRole = (typeof POSITION_ROLES)[number];

export const ATTENDANCE_STATUSES = ['present', 'represented', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'présent',
  represented: 'représenté (suppléant)',
  excused: 'excusé',
  absent: 'absent',
};

export const MEETING_STATUSES = ['planned', 'held', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ['held'],
  held: ['closed'],
  closed: [],
};

export const MINUTES_STATUSES = ['draft', 'approved', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
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
