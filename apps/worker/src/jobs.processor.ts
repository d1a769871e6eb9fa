import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig, JOBS_QUEUE } from '@app/core';
import { ReportRendererService } from '@app/reports';
import { JobHandlerRegistry } from './job-handlers';

/** Dispatches each job to its handler; no work is done here. */
// A job whose worker died is taken up again once its lock lapses (≤ lockDuration + stalledInterval).
@Processor(JOBS_QUEUE, { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 })
export class JobsProcessor extends WorkerHost implements OnModuleInit, OnApplicationShutdown {
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

  /** Runs after @nestjs/bullmq has closed the worker, i.e. once in-flight jobs have finished. */
  onApplicationShutdown(signal?: string): void {
    this.logger.log(`Worker stopped (${signal ?? 'close'}): no job in flight`);
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
