import { BoundedLimiter, LimiterFullError } from './bounded-limiter';

/** A task that stays running until released, so the test decides when slots free up. */
function held() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { task: () => done, release };
}

describe('BoundedLimiter', () => {
  it('runs up to the limit at once, queues up to the queue size and refuses the rest at once', async () => {
    const limiter = new BoundedLimiter(2, 1);
    const tasks = [held(), held(), held()];
    const runs = tasks.map((t) => limiter.run(t.task));
    expect(limiter.load).toEqual({ running: 2, waiting: 1 });
    await expect(limiter.run(async () => 'late')).rejects.toBeInstanceOf(LimiterFullError);

    tasks.forEach((t) => t.release());
    await Promise.all(runs);
    expect(limiter.load).toEqual({ running: 0, waiting: 0 });
    await expect(limiter.run(async () => 'again')).resolves.toBe('again');
  });

  it('starts waiting tasks in arrival order as slots free up, and frees the slot of a failed task', async () => {
    const limiter = new BoundedLimiter(1, 5);
    const order: string[] = [];
    const first = held();
    const running = limiter.run(first.task);
    const failing = limiter.run(async () => {
      order.push('failing');
      throw new Error('boom');
    });
    const last = limiter.run(async () => void order.push('last'));
    expect(limiter.load).toEqual({ running: 1, waiting: 2 });
    first.release();
    await running;
    await expect(failing).rejects.toThrow('boom');
    await last;
    expect(order).toEqual(['failing', 'last']);
    expect(limiter.load).toEqual({ running: 0, waiting: 0 });
  });
});
