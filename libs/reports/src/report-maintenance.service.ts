import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AppConfig, FileStorage, JobQueue, SYSTEM_ACTOR } from '@app/core';
import { ReportsRepository } from './reports.repository';

const BATCH = 500;
/** A queued report younger than this is still on its way to the queue: leave it to the api. */
const QUEUED_GRACE_MS = 10_000;

/** Keeps PostgreSQL (the truth) and the queue (a cache of work) in step, and applies file retention. */
@Injectable()
export class ReportMaintenanceService {
  private readonly logger = new Logger(ReportMaintenanceService.name);

  constructor(
    private readonly reports: ReportsRepository,
    private readonly jobs: JobQueue,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Re-queues reports that are queued in PostgreSQL but may be unknown to Redis (flushed, or the api
   * could not reach it), and running reports whose worker died. The job id is the report id, so a
   * report still known to the queue is not queued twice.
   */
  async reconcile(): Promise<number> {
    const ids = await this.reports.findAbandoned(new Date(Date.now() - QUEUED_GRACE_MS), BATCH);
    for (const reportId of ids) await this.jobs.enqueue('report.render', { reportId }, reportId);
    if (ids.length > 0) this.logger.log(`Re-queued ${ids.length} report(s)`);
    return ids.length;
  }

  /** Deletes files past retention; the row stays, `expired`, with its hashes for the record. */
  async expire(): Promise<number> {
    const days = this.config.get('REPORT_RETENTION_DAYS');
    const due = await this.reports.findExpirable(new Date(Date.now() - days * 86_400_000), BATCH);
    for (const report of due) {
      const expired = await this.audit.write(SYSTEM_ACTOR, async (tx) => {
        if (!(await this.reports.markExpired(tx, report.id))) return { result: false, audit: [] };
        return {
          result: true,
          audit: {
            action: 'report.expired',
            entityType: 'report',
            entityId: report.id,
            before: { status: 'done', fileKey: report.fileKey },
            after: { status: 'expired' },
          },
        };
      });
      // After commit: a crash here leaves an orphan file, never a row pointing at nothing.
      if (expired && report.fileKey) await this.storage.remove(report.fileKey);
    }
    return due.length;
  }
}
