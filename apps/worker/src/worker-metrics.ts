import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Database, registerDatabasePoolGauges, withTimeout, WorkerMetricsStore } from '@app/core';
import { REPORT_JOB_OUTCOMES, ReportRendererService, type ReportJobOutcome } from '@app/reports';
import { REPORT_KINDS, type ReportKind } from '@app/vocabulary';
import { ThreadRenderPool } from './render/thread-render-pool';

/** How often a worker refreshes its snapshot in Redis (also after reports end, see below), and how long one lives. */
const PUBLISH_INTERVAL_MS = 15_000;
/**
 * A report that ends refreshes the snapshot this long after, once for every report ending meanwhile: a
 * snapshot (the whole registry as JSON, one Redis write) per report cost a tenth of a small report's time.
 */
const AFTER_REPORT_MS = 1000;
const SNAPSHOT_TTL_MS = 60_000;
const REDIS_WAIT_MS = 2000;

/**
 * This worker's metrics, for the api's `/metrics` (which adds up every worker's): report jobs by kind
 * and outcome with their durations, its database pool and its rendering threads, and its process's own
 * (Node's default metrics, prefixed `iss_worker_` so they never mix with the api process's).
 *
 * Why the workers publish their counts rather than the api counting the `report` table at scrape time:
 * a table count is not a counter (rows expire and are deleted, so totals would fall), it cannot see a
 * failed attempt that BullMQ retried nor a rendering superseded by another worker, and it knows no
 * durations of attempts; it would also cost the scrape a scan of a growing table.
 */
@Injectable()
export class WorkerMetrics implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerMetrics.name);
  private readonly registry = new Registry();
  private readonly id = `${hostname()}:${process.pid}`;
  private timer?: NodeJS.Timeout;
  private afterReport?: NodeJS.Timeout;
  private readonly jobs = new Counter({
    name: 'iss_report_jobs_total',
    help: 'Report renderings ended by the workers, by report kind and outcome (done, failed, lease_lost)',
    labelNames: ['kind', 'outcome'],
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'iss_report_job_duration_seconds',
    help: 'Time from a report claim to its end (collect, draw, store), by report kind',
    labelNames: ['kind'],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });

  constructor(
    private readonly store: WorkerMetricsStore,
    private readonly renderer: ReportRendererService,
    database: Database,
    pool: ThreadRenderPool,
  ) {
    // Every kind and outcome from 0, so that the first failure is an increase Prometheus sees, not a new series.
    for (const kind of REPORT_KINDS) for (const outcome of REPORT_JOB_OUTCOMES) this.jobs.inc({ kind, outcome }, 0);
    collectDefaultMetrics({ register: this.registry, prefix: 'iss_worker_' });
    registerDatabasePoolGauges(this.registry, 'iss_worker_', database);
    new Gauge({
      name: 'iss_worker_render_pool_threads',
      help: 'Rendering threads of the workers (piscina), by state (threads: started; queued: drawings waiting)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const usage = pool.usage();
        this.set({ state: 'threads' }, usage.threads);
        this.set({ state: 'queued' }, usage.queued);
      },
    });
    new Gauge({
      name: 'iss_worker_render_pool_utilization',
      help: 'Share of the rendering threads’ time spent drawing since they started (0–1), summed over workers',
      registers: [this.registry],
      collect() {
        this.set(pool.usage().utilization);
      },
    });
  }

  onModuleInit(): void {
    this.renderer.observeJobs((kind, outcome, seconds) => this.recordReportJob(kind, outcome, seconds));
    this.timer = setInterval(() => void this.publish(), PUBLISH_INTERVAL_MS).unref();
    void this.publish();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.afterReport);
    await withTimeout(this.store.remove(this.id), REDIS_WAIT_MS, 'metrics').catch(() => undefined);
  }

  private recordReportJob(kind: ReportKind, outcome: ReportJobOutcome, seconds: number): void {
    this.jobs.inc({ kind, outcome });
    this.durations.observe({ kind }, seconds);
    this.afterReport ??= setTimeout(() => {
      this.afterReport = undefined;
      void this.publish();
    }, AFTER_REPORT_MS).unref();
  }

  /** Never fails the caller: metrics that cannot reach Redis now are published at the next tick. */
  private async publish(): Promise<void> {
    try {
      const snapshot = await this.registry.getMetricsAsJSON();
      await withTimeout(this.store.publish(this.id, snapshot, SNAPSHOT_TTL_MS), REDIS_WAIT_MS, 'metrics');
    } catch (error) {
      this.logger.warn(`Metrics not published to Redis: ${(error as Error).message}`);
    }
  }
}
