import { BULK_RATE_LIMITS } from '../support/env';
import { api, DEMO, login, until } from '../support/http';
import { PrivateRedis } from '../support/private-services';
import { Stack } from '../support/stack';
import { newCalls, requestFundingReports, statusesOf, withoutExactlyOneFile } from './reports';
import { sleep } from './traffic';

/**
 * Faults: Redis goes away (killed, then restarted empty), or hangs (SIGSTOP). The suite runs on its
 * own redis-server, never the shared one. Reports live in PostgreSQL; Redis only carries the queue.
 */
describe('resilience: Redis restarted, flushed, down or hung', () => {
  let redis: PrivateRedis;
  let stack: Stack;
  let delegate: string;

  const timed = async <T>(call: () => Promise<T>) => {
    const start = Date.now();
    const result = await call();
    return { result, ms: Date.now() - start };
  };
  const allDone = (ids: string[]) =>
    until(
      () => statusesOf(stack, ids),
      (s) => s.done === ids.length,
      60_000,
      500,
    );

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await Stack.start('res-redis', { redisUrl: redis.url, env: BULK_RATE_LIMITS });
    delegate = await login(stack, DEMO.delegate);
  });
  afterAll(async () => {
    await stack?.stop();
    await redis?.down();
  });

  it('re-queues the reports a restarted, empty Redis lost: all end done, each with one file', async () => {
    await stack.stopWorker();
    const ids = await requestFundingReports(stack, delegate, await newCalls(stack, 10));
    expect(await stack.redis.exists(...ids.map((id) => `bull:jobs:${id}`))).toBe(ids.length);

    await redis.restart();
    expect(await stack.redis.dbsize()).toBe(0);
    await stack.startWorker();

    await allDone(ids);
    expect(withoutExactlyOneFile(stack, ids)).toEqual([]);
  }, 90_000);

  /**
   * Without Redis, /health says so within 2 s, and a report request is still accepted within 2 s: it is
   * recorded in PostgreSQL, and the reconciler queues it once Redis is back.
   */
  const answersWithoutRedis = async (callId: string) => {
    const health = await timed(() => api(stack).get('/health'));
    expect(health.ms).toBeLessThan(2_000);
    expect(health.result.status).toBe(503);
    expect(health.result.body.details).toMatchObject({ redis: { status: 'down' } });
    const request = await timed(() =>
      api(stack, delegate).post('/api/reports').send({ kind: 'funding', params: { callId } }),
    );
    expect(request.ms).toBeLessThan(2_000);
    expect(request.result.status).toBe(202);
    return { health: health.result.body, reportId: request.result.body.id as string };
  };

  it('with Redis down: /health says so and report requests are answered within 2 s; the worker reconnects by itself', async () => {
    const worker = stack.worker!.pid;
    const [callId] = await newCalls(stack, 1);
    await redis.down();

    const { health, reportId } = await answersWithoutRedis(callId);
    expect(health.details).toMatchObject({ database: { status: 'up' } });
    expect((await api(stack, delegate).get('/api/departments')).status).toBe(200);
    await sleep(2_000);

    await redis.up();
    expect(stack.workerRunning).toBe(true);
    await allDone([reportId]);
    expect(stack.worker!.pid).toBe(worker);
    expect((await api(stack).get('/health')).status).toBe(200);
  }, 90_000);

  it('with Redis hung: /health and report requests still answer within 2 s, and the reports are rendered once it resumes', async () => {
    const [callId] = await newCalls(stack, 1);
    redis.freeze();
    try {
      const { reportId } = await answersWithoutRedis(callId);
      redis.thaw();
      await allDone([reportId]);
    } finally {
      redis.thaw();
    }
  }, 90_000);
});
