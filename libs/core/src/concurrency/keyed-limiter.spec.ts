import { KeyedLimiter } from './keyed-limiter';

const tick = () => new Promise((r) => setImmediate(r));

/** A task that records when it starts and ends, and how many ran at once. */
function recorder() {
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const task = (name: string) => async () => {
    running += 1;
    most = Math.max(most, running);
    log.push(`start ${name}`);
    await tick();
    await tick();
    log.push(`end ${name}`);
    running -= 1;
    return name;
  };
  return { log, task, most: () => most };
}

describe('KeyedLimiter', () => {
  it('runs the tasks of one key one at a time, in arrival order, with a limit of 1', async () => {
    const limiter = new KeyedLimiter(1);
    const { log, task, most } = recorder();
    const results = await Promise.all(['a', 'b', 'c'].map((n) => limiter.run('call-1', task(n))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most()).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs at most `limit` tasks of one key at once, starting the others as places free up', async () => {
    const limiter = new KeyedLimiter(2);
    const { log, task, most } = recorder();
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => limiter.run('call-1', task(n))));
    expect(most()).toBe(2);
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start a', 'start b', 'start c', 'start d', 'start e']);
  });

  it('does not make tasks of different keys wait for each other', async () => {
    const limiter = new KeyedLimiter(1);
    const { task, most } = recorder();
    await Promise.all([limiter.run('call-1', task('a')), limiter.run('call-2', task('b'))]);
    expect(most()).toBe(2);
  });

  it('goes on after a failed task, which fails only its own caller, and forgets idle keys', async () => {
    const limiter = new KeyedLimiter(1);
    const failed = limiter.run('call-1', async () => {
      throw new Error('envelope exceeded');
    });
    const next = limiter.run('call-1', async () => 'next');
    await expect(failed).rejects.toThrow('envelope exceeded');
    await expect(next).resolves.toBe('next');
    expect(limiter.size).toBe(0);
  });
});
