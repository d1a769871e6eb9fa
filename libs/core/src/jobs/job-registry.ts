/**
 * Every background job, by name, with its payload. Payloads carry ids only; the worker maps
 * each name to a handler and refuses to start if one is missing (see apps/worker).
 */
export interface JobPayloads {
  'report.render': { reportId: string };
  'reports.reconcile': Record<string, never>;
  'reports.expire': Record<string, never>;
  /** Expired token revocations and session activity, login failures past the throttle's window. */
  'auth.purge': Record<string, never>;
  'audit.seal': Record<string, never>;
  /** A run of the chain's verification, recorded in audit_verification before it is queued. */
  'audit.verify': { verificationId: string };
  /** One message of the outbox (libs/mail), queued after the commit that wrote it. */
  'mail.send': { messageId: string };
  /** The outbox's due messages: lost enqueues and retries after a failed try. */
  'mail.sweep': Record<string, never>;
  /** This week's digests to the referents, once due (keyed per referent and week). */
  'mail.digest': Record<string, never>;
  /** Reminders to the mission of activity reports due soon or past due (once per report and due date). */
  'mail.reminders': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = [
  'report.render',
  'reports.reconcile',
  'reports.expire',
  'auth.purge',
  'audit.seal',
  'audit.verify',
  'mail.send',
  'mail.sweep',
  'mail.digest',
  'mail.reminders',
];

/** One queue carries every job; workers scale out on it. */
export const JOBS_QUEUE = 'jobs';

export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<void> };

/** The worker refuses to start when a registered job name has no handler. */
export function assertEveryJobHandled(handlers: Partial<Record<JobName, unknown>>): void {
  const missing = JOB_NAMES.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
}
