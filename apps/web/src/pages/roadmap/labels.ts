import { ACTION_STATUS_LABELS, labelOf } from '@app/vocabulary';

const FIELD_LABELS: Record<string, string> = { status: 'État', progressPercent: 'Avancement' };

/** One change of an update's history in words: "Avancement : 40 % → 60 %". */
export function describeChange(field: string, change: { from: unknown; to: unknown }): string {
  const label = field.startsWith('indicator:') ? field.slice('indicator:'.length) : (FIELD_LABELS[field] ?? field);
  const value = (v: unknown) => {
    if (v === null || v === undefined) return '—';
    if (field === 'status') return labelOf(ACTION_STATUS_LABELS, String(v));
    if (field === 'progressPercent') return `${String(v)} %`;
    return String(v);
  };
  return `${label} : ${value(change.from)} → ${value(change.to)}`;
}
