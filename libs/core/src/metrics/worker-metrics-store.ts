import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import { JOBS_QUEUE } from '../jobs/job-registry';

/** One worker's registry, as prom-client's `getMetricsAsJSON()` gives it. */
export type MetricsSnapshot = MetricObjectWithValues<MetricValue<string>>[];

/** Workers alive: member = worker id, score = when its snapshot expires (ms since the epoch). */
const WORKERS_KEY = 'iss:metrics:workers';
const snapshotKey = (workerId: string) => `iss:metrics:worker:${workerId}`;

/**
 * Where the workers leave their metrics for the api's scrape (Redis, beside the queue they already
 * share): one key per worker, expiring, so that a worker that died drops out of the sums once its
 * last snapshot is older than its time to live. Counters are per worker process since it started; the
 * api adds them up (prom-client's AggregatorRegistry), so a worker that stops makes the totals drop,
 * which Prometheus's rate() takes for a counter reset, as it does for any restarted process.
 */
@Injectable()
export class WorkerMetricsStore {
  constructor(@InjectQueue(JOBS_QUEUE) private readonly queue: Queue) {}

  async publish(workerId: string, snapshot: MetricsSnapshot, ttlMs: number): Promise<void> {
    const redis = await this.queue.client;
    await redis
      .multi()
      .set(snapshotKey(workerId), JSON.stringify(snapshot), 'PX', ttlMs)
      .zadd(WORKERS_KEY, Date.now() + ttlMs, workerId)
      .exec();
  }

  /** A worker stopping cleanly takes its snapshot away at once. */
  async remove(workerId: string): Promise<void> {
    const redis = await this.queue.client;
    await redis.multi().del(snapshotKey(workerId)).zrem(WORKERS_KEY, workerId).exec();
  }

  /** The snapshots of the workers alive now. */
  async readAll(): Promise<MetricsSnapshot[]> {
    const redis = await this.queue.client;
    await redis.zremrangebyscore(WORKERS_KEY, '-inf', Date.now());
    const ids = await redis.zrange(WORKERS_KEY, 0, -1);
    if (ids.length === 0) return [];
    const snapshots = await redis.mget(...ids.map(snapshotKey));
    return snapshots.filter((s): s is string => s !== null).map((s) => JSON.parse(s) as MetricsSnapshot);
  }
}
