import { REPORT_STATUSES, type ReportStatus } from '@app/vocabulary';

export { REPORT_KINDS, REPORT_STATUSES, type ReportKind, type ReportStatus } from '@app/vocabulary';

/**
 * The report lifecycle as data. `running → running` is a retry after a crash (the lease ran out);
 * `running → queued` does not exist: a retried job claims the row again from `running`.
 */
export const REPORT_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  queued: ['running', 'failed'],
  running: ['running', 'done', 'failed'],
  done: ['expired'],
  failed: [],
  expired: [],
};

/** Statuses from which a given status can be reached: what the conditional UPDATEs match on. */
export function statusesLeadingTo(target: ReportStatus): ReportStatus[] {
  return REPORT_STATUSES.filter((from) => REPORT_TRANSITIONS[from].includes(target));
}

/** Within this window, the same request on the same data returns the existing report. */
export const DEDUPE_WINDOW_MS = 5 * 60 * 1000;
