import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('settles as the work does when it is in time', async () => {
    await expect(withTimeout(Promise.resolve('queued'), 50, 'enqueue')).resolves.toBe('queued');
    await expect(withTimeout(Promise.reject(new Error('refused')), 50, 'enqueue')).rejects.toThrow('refused');
  });

  it('rejects, naming what it waited for, when the work does not settle in time', async () => {
    const hung = new Promise<never>(() => undefined);
    await expect(withTimeout(hung, 20, 'Redis ping')).rejects.toThrow('Redis ping: no answer within 20 ms');
  });
});
