/** Generated documents (PDF reports) and their jobs. */
export const REPORT_KINDS = [
  'roadmap',
  'funding',
  'minutes',
  'directory',
  'notice',
  'attendance_sheet',
  'equity',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The documents by name, as their PDFs title them. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  roadmap: 'Feuille de route',
  funding: 'Financements',
  minutes: 'Procès-verbal',
  directory: 'Annuaire des référents départementaux ISS',
  notice: 'Convocation',
  attendance_sheet: 'Feuille d’émargement',
  equity: 'Équité territoriale des financements',
};

export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  queued: 'En file d’attente',
  running: 'En cours de génération',
  done: 'Prêt',
  failed: 'Échec',
  expired: 'Expiré',
};
