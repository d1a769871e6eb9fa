/** What an audit event changed, as `field : before → after` lines, leaving out bookkeeping fields. */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt']);

type State = Record<string, unknown> | null;

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function auditChanges(before: State, after: State): string[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .filter((field) => !BOOKKEEPING.has(field) && show(before?.[field]) !== show(after?.[field]))
    .map((field) =>
      before ? `${field} : ${show(before[field])} → ${show(after?.[field])}` : `${field} : ${show(after?.[field])}`,
    );
}
