import { ACTION_STATUSES, type ActionStatus } from './roadmap.constants';

export interface ProgressInput {
  status: ActionStatus;
  progressPercent: number;
}

/** What a roll-up gives: how many actions, their mean progress, how many in each status. */
export interface RollUp {
  actions: number;
  progressPercent: number;
  byStatus: Record<ActionStatus, number>;
}

/**
 * The roll-up rule: the plain mean of the actions' progress (each action weighs the same, whatever
 * its size: the roadmap does not size actions), rounded to a whole percent, with the count per status.
 */
export function rollUp(actions: readonly ProgressInput[]): RollUp {
  return rollUpTallies(actions.map((a) => ({ status: a.status, actions: 1, progressSum: a.progressPercent })));
}

/** rollUp over actions already counted and summed by status (several tallies may share one). */
export function rollUpTallies(
  tallies: readonly { status: ActionStatus; actions: number; progressSum: number }[],
): RollUp {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  let actions = 0;
  let progressSum = 0;
  for (const t of tallies) {
    byStatus[t.status] += t.actions;
    actions += t.actions;
    progressSum += t.progressSum;
  }
  return { actions, progressPercent: actions === 0 ? 0 : Math.round(progressSum / actions), byStatus };
}
