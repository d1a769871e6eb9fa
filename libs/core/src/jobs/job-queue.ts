import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS_QUEUE, JobName, JobPayloads } from './job-registry';

const RETRY = { attempts: 3, backoff: { type: 'exponential', delay: 2000 } } as const;

/** Typed producer. Call it after the transaction that made the job necessary has committed. */
@Injectable()
export class JobQueue {
  constructor(@InjectQueue(JOBS_QUEUE) private readonly queue: Queue) {}

  /** `jobId` makes a second enqueue of the same work a no-op while the first is known to Redis. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    await this.queue.add(name, payload, { ...RETRY, jobId, removeOnComplete: true, removeOnFail: 1000 });
  }

  /** A Redis round trip; fails fast when Redis is away (producers do not queue commands offline). */
  async ping(): Promise<void> {
    await this.queue.count();
  }
}
