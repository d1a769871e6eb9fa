import type { ActionDto, RoadmapDto } from '../../api/client';

/** The roadmap's words, as the mission and the referents say them. */
export const ACTION_STATUS_LABELS: Record<ActionDto['status'], string> = {
  planned: 'Prévue',
  in_progress: 'En cours',
  done: 'Terminée',
  blocked: 'Bloquée',
};

export const ROADMAP_STATUS_LABELS: Record<RoadmapDto['status'], string> = {
  draft: 'Brouillon',
  submitted: 'Soumise à la commission',
  validated: 'Validée par la commission',
};

const FIELD_LABELS: Record<string, string> = { status: 'État', progressPercent: 'Avancement' };

/** One change of an update's history in words: "Avancement : 40 % → 60 %". */
export function describeChange(field: string, change: { from: unknown; to: unknown }): string {
  const label = field.startsWith('indicator:') ? field.slice('indicator:'.length) : (FIELD_LABELS[field] ?? field);
  const value = (v: unknown) => {
    if (v === null || v === undefined) return '—';
    if (field === 'status') return ACTION_STATUS_LABELS[v as ActionDto['status']] ?? String(v);
    if (field === 'progressPercent') return `${String(v)} %`;
    return String(v);
  };
  return `${label} : ${value(change.from)} → ${value(change.to)}`;
}
