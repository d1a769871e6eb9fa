/**
 * Runs at most `limit` of the tasks given the same key at a time, within this process, starting them
 * in arrival order; tasks with different keys do not wait for each other. Not a lock (several
 * processes share the database): it keeps requests that would only queue for the same row lock from
 * holding every pooled connection meanwhile. A small limit above 1 keeps the next transactions ready
 * at the lock, so that the row's lock passes from one to the next without a round trip.
 */
export class KeyedLimiter {
  private readonly keys = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const slot = this.keys.get(key) ?? { running: 0, waiting: [] };
    this.keys.set(key, slot);
    if (slot.running < this.limit) slot.running += 1;
    else await new Promise<void>((resolve) => slot.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = slot.waiting.shift();
      // The finished task hands its place to the next one in line, or gives it up.
      if (next) next();
      else if (--slot.running === 0) this.keys.delete(key);
    }
  }

  /** Keys with tasks running or waiting. */
  get size(): number {
    return this.keys.size;
  }
}
