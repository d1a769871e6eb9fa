/** A message of the outbox (issue 17): waiting to be sent, sent, given up, or not sendable (no address). */
export const MAIL_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  pending: 'À envoyer',
  sent: 'Envoyé',
  failed: 'Échec',
  skipped: 'Non envoyé (pas d’adresse)',
};

/** What a message is about. */
export const MAIL_KINDS = [
  'convocation',
  'meeting_update',
  'minutes_published',
  'weekly_digest',
  'report_due',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  convocation: 'Convocation',
  meeting_update: 'Séance modifiée',
  minutes_published: 'Procès-verbal publié',
  weekly_digest: 'Récapitulatif hebdomadaire',
  report_due: 'Bilan attendu',
};
