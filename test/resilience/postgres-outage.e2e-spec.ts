import { api, DEMO, login, until } from '../support/http';
import { PrivatePostgres } from '../support/private-services';
import { Stack } from '../support/stack';
import { expectFastFailureThenRecovery, sleep, startTraffic, tallyOf } from './traffic';

/**
 * Fault: the PostgreSQL server stops (fast shutdown: open connections are cut) and starts again
 * while clients keep calling the api. The suite runs on its own cluster, never the shared one.
 */
describe('resilience: PostgreSQL restarted while the api serves traffic', () => {
  let pg: PrivatePostgres;
  let stack: Stack;
  let delegate: string;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    stack = await Stack.start('res-postgres', { postgres: pg });
    delegate = await login(stack, DEMO.delegate);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await pg?.destroy();
  });

  it('answers 503 during the outage (never 500, never hanging) and serves again after, without a restart', async () => {
    const traffic = startTraffic(stack, delegate, [
      '/api/departments',
      '/api/auth/me',
      '/api/actions?year=2022',
      '/api/calls',
    ]);
    await sleep(1_000);
    const downAt = Date.now();
    await pg.down();

    await sleep(1_000);
    const started = Date.now();
    const health = await api(stack).get('/health');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(health.status).toBe(503);
    expect(health.body.details).toMatchObject({ database: { status: 'down' }, redis: { status: 'up' } });
    await sleep(2_000);

    const upAt = Date.now();
    await pg.up();
    await until(
      async () => (await api(stack, delegate).get('/api/auth/me')).status,
      (s) => s === 200,
      10_000,
    );
    const recoveredAt = Date.now();
    await sleep(1_000);
    const answers = await traffic.stop();

    const during = answers.filter((a) => a.at > downAt + 200 && a.at + a.ms < upAt);
    const after = answers.filter((a) => a.at > recoveredAt);
    expect(tallyOf(answers)).toEqual({ 200: expect.any(Number), 503: expect.any(Number) });
    expect(during.length).toBeGreaterThan(10);
    await expectFastFailureThenRecovery(stack, { during, after, maxMs: 2_500 });
  });

  it('keeps the worker going: a report requested after the outage is rendered', async () => {
    const res = await api(stack, delegate).post('/api/reports').send({ kind: 'directory', params: {} });
    expect(res.status).toBe(202);
    const done = await until(
      async () => (await api(stack, delegate).get(`/api/reports/${res.body.id}`)).body.status,
      (s) => s === 'done' || s === 'failed',
      30_000,
      300,
    );
    expect(done).toBe('done');
  });
});
