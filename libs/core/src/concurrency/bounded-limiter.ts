/** Thrown by `BoundedLimiter.run` when every slot is taken and the wait queue is full. */
export class LimiterFullError extends Error {
  constructor() {
    super('Too many tasks waiting');
    this.name = 'LimiterFullError';
  }
}

/**
 * Runs at most `limit` tasks at a time within this process, in arrival order, with at most `queue`
 * more waiting: beyond that a task is refused at once (LimiterFullError) instead of waiting, so that a
 * flood is turned away cheaply rather than piling up requests, and whatever they hold, in memory.
 */
export class BoundedLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else if (this.waiting.length < this.queue) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new LimiterFullError();
    try {
      return await task();
    } finally {
      // The finished task hands its slot to the next one in line, or gives it up.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Tasks running and waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
