import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS_QUEUE, JobName, JobPayloads } from './job-registry';

/** The states of the queue that its depth is measured in (the metrics' `state` label). */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

const RETRY = { attempts: 3, backoff: { type: 'exponential', delay: 2000 } } as const;

/** Typed producer. Call it after the transaction that made the job necessary has committed. */
@Injectable()
export class JobQueue {
  constructor(@InjectQueue(JOBS_QUEUE) private readonly queue: Queue) {}

  /** `jobId` makes a second enqueue of the same work a no-op while the first is known to Redis. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    await this.queue.add(name, payload, { ...RETRY, jobId, removeOnComplete: true, removeOnFail: 1000 });
  }

  /** How many jobs wait, run, wait for a retry's delay, and failed for good (kept for inspection). */
  async counts(): Promise<Record<QueueState, number>> {
    const counts = await this.queue.getJobCounts(...QUEUE_STATES);
    return Object.fromEntries(QUEUE_STATES.map((state) => [state, counts[state] ?? 0])) as Record<QueueState, number>;
  }

  /** A Redis round trip; fails fast when Redis is away (producers do not queue commands offline). */
  async ping(): Promise<void> {
    await this.queue.count();
  }
}
