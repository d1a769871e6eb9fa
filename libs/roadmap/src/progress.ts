import { ACTION_STATUSES, type ActionStatus } from './roadmap.constants';

export interface ProgressInput {
  status: ActionStatus;
  progressPercent: number;
}

/**
 * The roll-up rule: the plain mean of the actions' progress (each action weighs the same, whatever
 * its size: the roadmap does not size actions), rounded to a whole percent, with the count per status.
 */
export function rollUp(actions: readonly ProgressInput[]): {
  actions: number;
  progressPercent: number;
  byStatus: Record<ActionStatus, number>;
} {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const a of actions) byStatus[a.status] += 1;
  const progressPercent =
    actions.length === 0 ? 0 : Math.round(actions.reduce((s, a) => s + a.progressPercent, 0) / actions.length);
  return { actions: actions.length, progressPercent, byStatus };
}
