import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig, JOBS_QUEUE } from '@app/core';
import { ReportRendererService } from '@app/reports';
import { JobHandlerRegistry } from './job-handlers';

/** Dispatches each job to its handler; no work is done here. */
@Processor(JOBS_QUEUE, { lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 2 })
export class JobsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(JobsProcessor.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly renderer: ReportRendererService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY');
  }

  async process(job: Job): Promise<void> {
    const handler = this.registry.handlerFor(job.name);
    if (!handler) throw new Error(`Unknown job ${job.name}`);
    await handler(job.data);
  }

  /** After the last attempt, the report says why it failed instead of staying queued forever. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    this.logger.warn(`Job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
    const finalAttempt = job.attemptsMade >= (job.opts.attempts ?? 1);
    if (finalAttempt && job.name === 'report.render') {
      await this.renderer.fail((job.data as { reportId: string }).reportId, error.message);
    }
  }
}
