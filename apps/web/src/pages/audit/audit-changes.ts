/** What an audit event changed, as `field : before → after` lines, leaving out bookkeeping fields. */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt']);

type State = Record<string, unknown> | null;

/** Words for the fields (`status` → `Statut`) and, per field, for their coded values. */
export interface AuditVocabulary {
  fields?: Record<string, string>;
  values?: Record<string, Record<string, string>>;
}

function show(value: unknown, words?: Record<string, string>): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return words?.[String(value)] ?? String(value);
}

export function auditChanges(before: State, after: State, vocabulary: AuditVocabulary = {}): string[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .filter((field) => !BOOKKEEPING.has(field) && show(before?.[field]) !== show(after?.[field]))
    .map((field) => {
      const words = vocabulary.values?.[field];
      const name = vocabulary.fields?.[field] ?? field;
      const now = show(after?.[field], words);
      return before ? `${name} : ${show(before[field], words)} → ${now}` : `${name} : ${now}`;
    });
}
