import { lifecycle, SYSTEM_MOVE } from '@app/core/lifecycle/lifecycle';
import { REPORT_STATUSES, type ReportStatus } from '@app/vocabulary';

export { REPORT_KINDS, REPORT_STATUSES, type ReportKind, type ReportStatus } from '@app/vocabulary';

/**
 * The report lifecycle: every move is the worker's (`SYSTEM_MOVE`), none a person's. `running → running`
 * is a retry after a crash (the lease ran out); `running → queued` does not exist: a retried job claims
 * the row again from `running`. The conditional UPDATEs match on `reportLifecycle.leadingTo(to)`.
 */
export const reportLifecycle = lifecycle<ReportStatus>(REPORT_STATUSES, {
  queued: { running: SYSTEM_MOVE, failed: SYSTEM_MOVE },
  running: { running: SYSTEM_MOVE, done: SYSTEM_MOVE, failed: SYSTEM_MOVE },
  done: { expired: SYSTEM_MOVE },
  failed: {},
  expired: {},
});

/** Within this window, the same request on the same data returns the existing report. */
export const DEDUPE_WINDOW_MS = 5 * 60 * 1000;
