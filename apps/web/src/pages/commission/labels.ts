import type { AttendanceDto, BodyDto, MeetingDto, MemberDto, MinutesDto, PositionDto } from '../../api/client';

/** The commission's words (the same as in its PDF documents). */
export const BODY_KIND_LABELS: Record<BodyDto['kind'], string> = {
  plenary: 'Assemblée plénière',
  bureau: 'Bureau',
  working_group: 'Groupe thématique',
  scientific_committee: 'Comité d’appui scientifique',
};

export const COLLEGE_LABELS: Record<MemberDto['college'], string> = {
  health_actors: 'Acteurs de santé',
  users: 'Usagers',
  elected: 'Élus',
  institutional: 'Institutions',
  qualified_person: 'Personnalités qualifiées',
};

export const ATTENDANCE_LABELS: Record<AttendanceDto['status'], string> = {
  present: 'Présent',
  represented: 'Représenté (suppléant)',
  excused: 'Excusé',
  absent: 'Absent',
};

export const MEETING_STATUS_LABELS: Record<MeetingDto['status'], string> = {
  planned: 'Prévue',
  held: 'Tenue',
  closed: 'Close',
};

export const MINUTES_STATUS_LABELS: Record<MinutesDto['status'], string> = {
  draft: 'Brouillon',
  approved: 'Approuvé',
  published: 'Publié',
};

export const POSITION_LABELS: Record<PositionDto['role'], string> = {
  president: 'Présidence',
  vice_president: 'Vice-présidence',
  secretary: 'Secrétariat',
};
