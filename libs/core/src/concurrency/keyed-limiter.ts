import { BoundedLimiter } from './bounded-limiter';

/**
 * Runs at most `limit` of the tasks given the same key at a time, within this process, starting them
 * in arrival order; tasks with different keys do not wait for each other. Not a lock (several
 * processes share the database): it keeps requests that would only queue for the same row lock from
 * holding every pooled connection meanwhile. A small limit above 1 keeps the next transactions ready
 * at the lock, so that the row's lock passes from one to the next without a round trip.
 */
export class KeyedLimiter {
  private readonly keys = new Map<string, BoundedLimiter>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let limiter = this.keys.get(key);
    if (!limiter) this.keys.set(key, (limiter = new BoundedLimiter(this.limit, Infinity)));
    try {
      return await limiter.run(task);
    } finally {
      const { running, waiting } = limiter.load;
      if (running === 0 && waiting === 0) this.keys.delete(key);
    }
  }

  /** Keys with tasks running or waiting. */
  get size(): number {
    return this.keys.size;
  }
}
