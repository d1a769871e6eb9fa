import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import { JOBS_QUEUE } from '../jobs/job-registry';

/** One worker's registry, as prom-client's `getMetricsAsJSON()` gives it. */
export type MetricsSnapshot = MetricObjectWithValues<MetricValue<string>>[];

/** One field per worker: its id → `{ expiresAt, snapshot }`. */
const WORKERS_KEY = 'iss:metrics:workers';

interface Entry {
  /** Milliseconds since the epoch: past it, the worker is taken for dead and its metrics dropped. */
  expiresAt: number;
  snapshot: MetricsSnapshot;
}

/**
 * Where the workers leave their metrics for the api's scrape (Redis, beside the queue they already
 * share, through the queue's own connection): one hash field per worker, each with its expiry, so that
 * a worker that died drops out of the sums once its last snapshot is older than its time to live.
 * Counters are per worker process since it started; the api adds them up (prom-client's
 * AggregatorRegistry), so a worker that stops makes the totals drop, which Prometheus's rate() takes
 * for a counter reset, as it does for any restarted process.
 */
@Injectable()
export class WorkerMetricsStore {
  constructor(@InjectQueue(JOBS_QUEUE) private readonly queue: Queue) {}

  async publish(workerId: string, snapshot: MetricsSnapshot, ttlMs: number): Promise<void> {
    const entry: Entry = { expiresAt: Date.now() + ttlMs, snapshot };
    await (await this.redis()).hset(WORKERS_KEY, { [workerId]: JSON.stringify(entry) });
  }

  /** A worker stopping cleanly takes its snapshot away at once. */
  async remove(workerId: string): Promise<void> {
    await (await this.redis()).hdel(WORKERS_KEY, workerId);
  }

  /** The snapshots of the workers alive now; those of dead workers are deleted on the way. */
  async readAll(): Promise<MetricsSnapshot[]> {
    const redis = await this.redis();
    const now = Date.now();
    const entries = Object.entries(await redis.hgetall(WORKERS_KEY)).map(
      ([id, json]) => [id, JSON.parse(json) as Entry] as const,
    );
    const expired = entries.filter(([, entry]) => entry.expiresAt <= now).map(([id]) => id);
    if (expired.length > 0) await redis.hdel(WORKERS_KEY, ...expired);
    return entries.filter(([, entry]) => entry.expiresAt > now).map(([, entry]) => entry.snapshot);
  }

  private redis() {
    return this.queue.getBackend().client;
  }
}
