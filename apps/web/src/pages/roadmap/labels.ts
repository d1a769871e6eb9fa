import { ACTION_STATUS_LABELS, labelOf, PARTICIPATION_LEVEL_LABELS } from '@app/vocabulary';
import type { ActionDto } from '../../api/client';

const FIELD_LABELS: Record<string, string> = {
  status: 'État',
  progressPercent: 'Avancement',
  participation: 'Participation des personnes concernées',
};

/** One change of an update's history in words: "Avancement : 40 % → 60 %". */
export function describeChange(field: string, change: { from: unknown; to: unknown }): string {
  const label = field.startsWith('indicator:') ? field.slice('indicator:'.length) : (FIELD_LABELS[field] ?? field);
  const value = (v: unknown) => {
    if (v === null || v === undefined) return '—';
    if (field === 'status') return labelOf(ACTION_STATUS_LABELS, String(v));
    if (field === 'progressPercent') return `${String(v)} %`;
    if (field === 'participation') return labelOf(PARTICIPATION_LEVEL_LABELS, String(v));
    return String(v);
  };
  return `${label} : ${value(change.from)} → ${value(change.to)}`;
}

/** Where an action runs: the whole region, or its departments named by `list` (useDepartmentLabels). */
export function actionTerritory(
  action: Pick<ActionDto, 'regionWide' | 'departmentCodes'>,
  list: (codes: readonly string[]) => string,
): string {
  return action.regionWide ? 'Toute la région' : list(action.departmentCodes);
}
