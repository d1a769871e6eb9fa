import { STALE_AFTER_DAYS, type ActionStatus } from './roadmap.constants';

export interface AttentionInput {
  status: ActionStatus;
  /** YYYY-MM-DD, or null when the action has no end date. */
  endsOn: string | null;
  /** The latest accepted update, or the creation when there is none. */
  lastUpdatedAt: Date;
}

export interface Attention {
  /** Unfinished after its end date. */
  overdue: boolean;
  /** Unfinished and without any update for STALE_AFTER_DAYS days. */
  stale: boolean;
}

/**
 * What a referent must look at first. `today` is the calendar day in Europe/Paris; the repository's
 * "attention first" ordering applies the same two rules in SQL, with the same day and cut-off.
 */
export function attentionOf(action: AttentionInput, today: string, now: Date): Attention {
  if (action.status === 'done') return { overdue: false, stale: false };
  return {
    overdue: action.endsOn !== null && action.endsOn < today,
    stale: action.lastUpdatedAt.getTime() < staleBefore(now).getTime(),
  };
}

/** Updates older than this instant make an unfinished action stale. */
export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - STALE_AFTER_DAYS * 86_400_000);
}
