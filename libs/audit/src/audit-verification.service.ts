import { Injectable, Logger } from '@nestjs/common';
import { Actor, found, JobQueue, withTimeout } from '@app/core';
import { AuditErrorCode } from './audit.errors';
import { auditPolicy } from './audit.policy';
import { AuditService } from './audit.service';
import { AuditVerificationRepository, AuditVerificationRow } from './audit-verification.repository';
import { AuditVerificationRunDto, QueuedAuditVerificationDto } from './dto/audit-event.dto';

/** How the newest finished verification ended. */
export const AUDIT_VERIFICATION_OUTCOMES = ['ok', 'broken', 'failed'] as const;
export type AuditVerificationOutcome = (typeof AUDIT_VERIFICATION_OUTCOMES)[number];

/** How long a claim holds a run: a million events take about a minute on a loaded machine; ten is ample. */
const LEASE_SECONDS = 600;
/** A queued run younger than this is still on its way to the queue: leave it to the api. */
const QUEUED_GRACE_MS = 10_000;
const ENQUEUE_WAIT_MS = 1000;
const RECONCILE_BATCH = 100;

/**
 * The chain's verification as a job (issue 16): a million events take longer to walk than a request
 * may wait. A run is recorded (one pending at a time), walked by the worker's `audit.verify`, and its
 * result kept in `audit_verification` for whoever polls it. PostgreSQL is the truth, the queue a cache:
 * `reconcile` re-queues runs the queue lost.
 */
@Injectable()
export class AuditVerificationService {
  private readonly logger = new Logger(AuditVerificationService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly runs: AuditVerificationRepository,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * Records a run and queues it after commit, audited as `audit_verification.request`; a run already
   * queued or running is returned instead (and nothing is audited: nothing was requested anew).
   */
  async request(actor: Actor): Promise<QueuedAuditVerificationDto> {
    auditPolicy.assert(actor, 'verify');
    const run = await this.audit.write(actor, async (tx) => {
      await this.runs.lockRequests(tx);
      const pending = await this.runs.findPending(tx);
      if (pending) return { result: { row: pending, created: false }, audit: [] };
      const row = await this.runs.insert(tx, actor.id);
      return {
        result: { row, created: true },
        audit: {
          action: 'audit_verification.request',
          entityType: 'audit_verification',
          entityId: row.id,
          after: { status: row.status },
        },
      };
    });
    if (run.created) await this.enqueue(run.row.id);
    return { id: run.row.id, status: run.row.status };
  }

  async get(actor: Actor, id: string): Promise<AuditVerificationRunDto> {
    auditPolicy.assert(actor, 'verify');
    return toDto(found(await this.runs.findById(id), AuditErrorCode.AuditVerificationNotFound, id));
  }

  /** The newest run, whatever its status; 404 before the first. */
  async latest(actor: Actor): Promise<AuditVerificationRunDto> {
    auditPolicy.assert(actor, 'verify');
    return toDto(found(await this.runs.latest(), AuditErrorCode.AuditVerificationNotFound));
  }

  /**
   * The newest run that ended, for the operations' metrics (no person asks: no actor): when it ended and
   * its outcome — the chain intact (`ok`), broken somewhere (`broken`), or the walk itself failed.
   */
  async lastOutcome(): Promise<{ finishedAt: Date; outcome: AuditVerificationOutcome } | null> {
    const run = await this.runs.latestFinished();
    if (!run?.finishedAt) return null;
    const outcome = run.status === 'failed' ? 'failed' : run.ok ? 'ok' : 'broken';
    return { finishedAt: run.finishedAt, outcome };
  }

  /**
   * The `audit.verify` job: claims the run (a conditional UPDATE, so a duplicate delivery or a retry
   * after a crash finds it taken or finished and does nothing), walks the chain, records the result if
   * the claim still holds. A failure gives the claim back for the queue's retry.
   */
  async run(id: string): Promise<void> {
    const attempts = await this.runs.claim(id, LEASE_SECONDS);
    if (attempts === null) {
      this.logger.log(`Verification ${id} is finished or held by another worker: nothing to do`);
      return;
    }
    try {
      const result = await this.audit.inspectChain();
      if (!(await this.runs.markDone(id, attempts, result))) {
        this.logger.warn(`Verification ${id} was taken over before it finished: its result is not kept`);
      }
    } catch (error) {
      await this.runs.release(id, attempts);
      throw error;
    }
  }

  /** After the job's last attempt, the run says why it failed instead of staying pending forever. */
  async fail(id: string, error: Error): Promise<void> {
    await this.runs.markFailed(id, error.message.slice(0, 1000));
  }

  /**
   * Re-queues runs queued in PostgreSQL but unknown to Redis (flushed, or the api could not reach it),
   * and running ones whose worker died; the job id is the run id, so a run still queued is not queued twice.
   */
  async reconcile(): Promise<number> {
    const ids = await this.runs.findAbandoned(new Date(Date.now() - QUEUED_GRACE_MS), RECONCILE_BATCH);
    for (const id of ids) await this.jobs.enqueue('audit.verify', { verificationId: id }, id);
    if (ids.length > 0) this.logger.log(`Re-queued ${ids.length} verification run(s)`);
    return ids.length;
  }

  /** Queue failures are not the requester's problem: the run stays queued and the reconciler queues it. */
  private async enqueue(id: string): Promise<void> {
    try {
      await withTimeout(this.jobs.enqueue('audit.verify', { verificationId: id }, id), ENQUEUE_WAIT_MS, 'enqueue');
    } catch (error) {
      this.logger.warn(
        `Verification ${id} recorded but not queued (${(error as Error).message}); the reconciler will queue it`,
      );
    }
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const num = (v: string | null) => (v === null ? null : Number(v));

function toDto(r: AuditVerificationRow): AuditVerificationRunDto {
  return {
    id: r.id,
    status: r.status,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    ok: r.ok,
    checked: num(r.checked),
    firstBrokenId: num(r.firstBrokenId),
    sealsChecked: r.sealsChecked,
    lastSealedEventId: num(r.lastSealedEventId),
    brokenSeals: r.brokenSeals,
    lastEventId: num(r.lastEventId),
    error: r.error,
  };
}
