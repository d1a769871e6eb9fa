import { Injectable, Logger } from '@nestjs/common';
import { AggregatorRegistry, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AUDIT_VERIFICATION_OUTCOMES, AuditVerificationService } from '@app/audit';
import {
  Database,
  JOBS_QUEUE,
  JobQueue,
  QUEUE_STATES,
  registerDatabasePoolGauges,
  withTimeout,
  WorkerMetricsStore,
} from '@app/core';
import { HTTP_LABELS } from './http-metrics';

/** A scrape does not wait longer than this for Redis: without it, the api's own metrics still answer. */
const REDIS_WAIT_MS = 1500;

/**
 * What `GET /metrics` exports. The api's registry: its HTTP answers, its process (Node's default
 * metrics, unprefixed: the scraped process is the api), its database pool, and what it reads at scrape
 * time — the queue's depth and the audit chain's last verification, through their owners' services.
 * The workers' metrics (report jobs, their pools and processes) come from Redis, added up over the
 * workers alive (see WorkerMetricsStore). Those and the queue are the whole deployment's, the same
 * from every api instance; the rest is this instance's.
 */
@Injectable()
export class ApiMetrics {
  private readonly logger = new Logger(ApiMetrics.name);
  private readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status code',
    labelNames: HTTP_LABELS,
    registers: [this.registry],
  });

  constructor(
    jobs: JobQueue,
    database: Database,
    verifications: AuditVerificationService,
    private readonly workers: WorkerMetricsStore,
  ) {
    collectDefaultMetrics({ register: this.registry });
    registerDatabasePoolGauges(this.registry, 'iss_', database);
    this.gaugeReadAtScrape(
      {
        name: 'iss_queue_jobs',
        help: 'Jobs of the queue by state (waiting, active, delayed for a retry, failed for good)',
        labelNames: ['queue', 'state'],
      },
      async (gauge) => {
        const counts = await withTimeout(jobs.counts(), REDIS_WAIT_MS, 'Redis');
        for (const state of QUEUE_STATES) gauge.set({ queue: JOBS_QUEUE, state }, counts[state]);
      },
    );
    this.gaugeReadAtScrape(
      {
        name: 'iss_audit_verification_last_timestamp_seconds',
        help: 'When the newest finished verification of the audit chain ended (Unix time; 0: never)',
      },
      async (gauge) => {
        const last = await verifications.lastOutcome();
        if (last) gauge.set(last.finishedAt.getTime() / 1000);
      },
    );
    this.gaugeReadAtScrape(
      {
        name: 'iss_audit_verification_last_outcome',
        help: 'Outcome of the newest finished verification of the audit chain: 1 for its outcome (ok, broken, failed), 0 for the others',
        labelNames: ['outcome'],
      },
      async (gauge) => {
        const last = await verifications.lastOutcome();
        if (!last) return;
        for (const outcome of AUDIT_VERIFICATION_OUTCOMES) gauge.set({ outcome }, outcome === last.outcome ? 1 : 0);
      },
    );
  }

  /**
   * A gauge whose value is read from its source at each scrape. A source out of reach (Redis, PostgreSQL)
   * leaves the gauge without a figure — never a stale one — and the rest of the scrape answers.
   */
  private gaugeReadAtScrape(
    options: { name: string; help: string; labelNames?: string[] },
    read: (gauge: Gauge) => Promise<void>,
  ): void {
    const logger = this.logger;
    new Gauge({
      ...options,
      registers: [this.registry],
      async collect() {
        try {
          await read(this);
        } catch (error) {
          this.reset();
          logger.warn(`${options.name} not measured: ${(error as Error).message}`);
        }
      },
    });
  }

  /**
   * The Prometheus text of the api's metrics and the workers' sums, read at once (a Redis out of reach
   * costs one wait, not two). Their names never meet (the workers' process metrics are prefixed), so
   * the two expositions follow each other.
   */
  async scrape(): Promise<string> {
    const [own, workers] = await Promise.all([this.registry.metrics(), this.workersMetrics()]);
    return own + workers;
  }

  private async workersMetrics(): Promise<string> {
    try {
      const snapshots = await withTimeout(this.workers.readAll(), REDIS_WAIT_MS, 'Redis');
      return snapshots.length === 0 ? '' : await AggregatorRegistry.aggregate(snapshots).metrics();
    } catch (error) {
      this.logger.warn(`Workers' metrics not read: ${(error as Error).message}`);
      return '';
    }
  }
}
