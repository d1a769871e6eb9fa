import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnModuleInit } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { Job } from 'bullmq';
import { AppConfig, JOBS_QUEUE } from '@app/core';
import { AuditVerificationService } from '@app/audit';
import { ReportRendererService } from '@app/reports';
import { JobHandlerRegistry } from './job-handlers';

/** Dispatches each job to its handler; no work is done here. */
// A job whose worker died is taken up again once its lock lapses (≤ lockDuration + stalledInterval).
@Processor(JOBS_QUEUE, { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 })
export class JobsProcessor extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsProcessor.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly renderer: ReportRendererService,
    private readonly verifications: AuditVerificationService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY');
  }

  /**
   * Before anything closes (the database pool first of all): stop taking jobs and let the running
   * ones finish, within the grace period. Past it, their reports are given back (their lease ends, so
   * another worker renders them at once) and the process exits: a job cannot be interrupted midway.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const graceSeconds = this.config.get('WORKER_SHUTDOWN_GRACE_SECONDS');
    const closed = this.worker.close().then(() => true);
    if (await Promise.race([closed, delay(graceSeconds * 1000, false, { ref: false })])) {
      this.logger.log(`Worker stopped (${signal ?? 'close'}): no job in flight`);
      return;
    }
    const released = await this.renderer.releaseInFlight();
    this.logger.warn(
      `Worker stopped (${signal ?? 'close'}) after its ${graceSeconds} s grace period: ${released} report(s) given back`,
    );
    process.exit(1);
  }

  async process(job: Job): Promise<void> {
    const handler = this.registry.handlerFor(job.name);
    if (!handler) throw new Error(`Unknown job ${job.name}`);
    await handler(job.data);
  }

  /** After the last attempt, the report (or verification run) says why it failed instead of staying queued forever. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    this.logger.warn(`Job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
    const finalAttempt = job.attemptsMade >= (job.opts.attempts ?? 1);
    if (finalAttempt && job.name === 'report.render') {
      await this.renderer.fail((job.data as { reportId: string }).reportId, error);
    }
    if (finalAttempt && job.name === 'audit.verify') {
      await this.verifications.fail((job.data as { verificationId: string }).verificationId, error);
    }
  }
}
