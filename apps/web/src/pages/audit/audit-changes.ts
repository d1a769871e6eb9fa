import { auditChangeLines, type AuditFormats } from '@app/vocabulary';
import { formatDate, formatDateTime, formatEuros } from '../../format';

const WEB_FORMATS: AuditFormats = { euros: formatEuros, day: formatDate, instant: formatDateTime };

type State = Record<string, unknown> | null;

/** What an audit event changed, in the screen's words and formats. */
export function auditChanges(entityType: string, before: State, after: State): string[] {
  return auditChangeLines(entityType, before, after, WEB_FORMATS);
}
