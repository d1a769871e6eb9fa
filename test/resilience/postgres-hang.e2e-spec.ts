import { api, DEMO, login, until } from '../support/http';
import { PrivatePostgres } from '../support/private-services';
import { Stack } from '../support/stack';
import { expectFastFailureThenRecovery, sleep, startTraffic } from './traffic';

/** The api's client-side bounds for this suite: a hung server must cost a request no more than this. */
const QUERY_TIMEOUT_MS = 2_000;

/**
 * Fault: the PostgreSQL server hangs (SIGSTOP on every process: connections stay open, nothing
 * answers) while clients keep calling the api, then resumes (SIGCONT). Unlike a stopped server, a
 * hung one refuses nothing: only the api's own timeouts can turn the wait into a 503.
 */
describe('resilience: PostgreSQL hung (SIGSTOP) while the api serves traffic', () => {
  let pg: PrivatePostgres;
  let stack: Stack;
  let delegate: string;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    stack = await Stack.start('res-postgres-hang', {
      postgres: pg,
      env: { DB_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS), DB_CONNECTION_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) },
    });
    delegate = await login(stack, DEMO.delegate);
  }, 120_000);
  afterAll(async () => {
    pg?.thaw();
    await stack?.stop();
    await pg?.destroy();
  });

  it('answers 503 within seconds while it hangs (never hanging itself), and 200 again once it resumes, without a restart', async () => {
    const traffic = startTraffic(stack, delegate, ['/api/departments', '/api/auth/me', '/api/actions?year=2022'], {
      clients: 6,
      timeoutMs: 8_000,
    });
    await sleep(1_000);
    const frozenAt = Date.now();
    pg.freeze();

    await sleep(500);
    const started = Date.now();
    const health = await api(stack).get('/health');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(health.status).toBe(503);
    expect(health.body.details).toMatchObject({ database: { status: 'down' }, redis: { status: 'up' } });
    await sleep(8_000);

    const thawedAt = Date.now();
    pg.thaw();
    await until(
      async () => (await api(stack, delegate).get('/api/auth/me')).status,
      (s) => s === 200,
      15_000,
    );
    const recoveredAt = Date.now();
    await sleep(1_000);
    const answers = await traffic.stop();

    // Requests sent while it hung, early enough that a hang of theirs would show before the thaw.
    const during = answers.filter((a) => a.at > frozenAt + 200 && a.at < thawedAt - 5_000);
    const after = answers.filter((a) => a.at > recoveredAt);
    expect(during.length).toBeGreaterThan(6);
    await expectFastFailureThenRecovery(stack, { during, after, maxMs: 5_000 });
  }, 90_000);
});
