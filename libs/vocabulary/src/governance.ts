/** The commission: its bodies, members and meetings (DESIGN.md, "Governance"). */
export const BODY_KINDS = ['plenary', 'bureau', 'working_group', 'scientific_committee'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  plenary: 'Assemblée plénière',
  bureau: 'Bureau',
  working_group: 'Groupe thématique',
  scientific_committee: 'Comité d’appui scientifique',
};

export const COLLEGES = ['health_actors', 'users', 'elected', 'institutional', 'qualified_person'] as const;
export type College = (typeof COLLEGES)[number];

export const COLLEGE_LABELS: Record<College, string> = {
  health_actors: 'Acteurs de santé',
  users: 'Usagers',
  elected: 'Élus',
  institutional: 'Institutions',
  qualified_person: 'Personnalités qualifiées',
};

export const POSITION_ROLES = ['president', 'vice_president', 'secretary'] as const;
export type PositionRole = (typeof POSITION_ROLES)[number];

export const POSITION_LABELS: Record<PositionRole, string> = {
  president: 'Présidence',
  vice_president: 'Vice-présidence',
  secretary: 'Secrétariat',
};

export const ATTENDANCE_STATUSES = ['present', 'represented', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Présent',
  represented: 'Représenté (suppléant)',
  excused: 'Excusé',
  absent: 'Absent',
};

export const MEETING_STATUSES = ['planned', 'held', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Prévue',
  held: 'Tenue',
  closed: 'Close',
};

export const MINUTES_STATUSES = ['draft', 'approved', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  draft: 'Brouillon',
  approved: 'Approuvé',
  published: 'Publié',
};

/** The button that moves minutes to each status. */
export const MINUTES_TRANSITION_LABELS: Record<MinutesStatus, string> = {
  draft: 'Remettre en brouillon',
  approved: 'Approuver le procès-verbal',
  published: 'Publier le procès-verbal',
};

/** What a decision decides, for the domain that owns it: a roadmap's validation, a call's selection list, a contract's approval. */
export const DECISION_SUBJECT_TYPES = ['roadmap', 'call_selection', 'contract'] as const;
export type DecisionSubjectType = (typeof DECISION_SUBJECT_TYPES)[number];

export const DECISION_SUBJECT_LABELS: Record<DecisionSubjectType, string> = {
  roadmap: 'Validation de la feuille de route',
  call_selection: 'Liste de sélection d’un appel',
  contract: 'Approbation d’un contrat local de santé',
};
