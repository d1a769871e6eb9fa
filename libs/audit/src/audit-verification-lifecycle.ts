import { lifecycle, SYSTEM_MOVE } from '@app/core/lifecycle/lifecycle';
import { AUDIT_VERIFICATION_STATUSES, type AuditVerificationStatus } from '@app/vocabulary';

/**
 * A verification run: every move is the worker's. `running → running` is a claim taken again after
 * the worker died (its lease ran out); the conditional UPDATEs match on `leadingTo(to)`.
 */
export const auditVerificationLifecycle = lifecycle<AuditVerificationStatus>(AUDIT_VERIFICATION_STATUSES, {
  queued: { running: SYSTEM_MOVE, failed: SYSTEM_MOVE },
  running: { running: SYSTEM_MOVE, done: SYSTEM_MOVE, failed: SYSTEM_MOVE },
  done: {},
  failed: {},
});
