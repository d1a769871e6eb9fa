import { api, DEMO, login } from './support/http';
import { demoCallId } from './support/factories';
import { Stack } from './support/stack';

/**
 * The hot read routes send a fixed number of SQL statements, whatever the number of rows they return
 * (no N+1). The api counts them per request when COUNT_QUERIES is on (tests only); every count includes
 * the token check (user and revocation in one statement).
 */
describe('SQL statements per request on the hot routes', () => {
  let stack: Stack;
  let token: string;
  let callId: string;

  const queries = async (path: string) => {
    const res = await api(stack, token).get(path);
    expect(res.status).toBe(200);
    return Number(res.headers['x-query-count']);
  };

  beforeAll(async () => {
    stack = await Stack.start('query_count', { worker: false, env: { COUNT_QUERIES: 'true' } });
    token = await login(stack, DEMO.delegate);
    callId = await demoCallId(stack, token);
  });
  afterAll(() => stack.stop());

  it('lists projects with the token check, one page and one count, then the page’s opinions, scores and criteria, for 1 row as for 16', async () => {
    expect((await api(stack, token).get(`/api/projects?callId=${callId}`)).body.items).toHaveLength(16);
    expect(await queries(`/api/projects?callId=${callId}&limit=1`)).toBe(6);
    expect(await queries(`/api/projects?callId=${callId}`)).toBe(6);
    expect(await queries(`/api/projects?callId=${callId}&sort=score`)).toBe(6);
    expect(await queries('/api/projects?departmentCode=31&limit=50')).toBe(6);
  });

  it('shows a funded project with one statement per part: row, communes, budget, department shares, opinions, history, grant, payments, and its decision context', async () => {
    const funded = (await api(stack, token).get(`/api/projects?callId=${callId}&limit=1`)).body.items[0];
    expect((await api(stack, token).get(`/api/projects/${funded.id}`)).body.grant.payments.length).toBeGreaterThan(0);
    // 9 for the project, 6 for its decision context: call, axes, criteria, the ranking's page and count,
    // what is committed by axis (one statement for all axes); the 2021 call ranks nobody, so no scores to read.
    expect(await queries(`/api/projects/${funded.id}`)).toBe(15);
  });

  it('lists roadmap actions in the same number of statements for 1 row as for all', async () => {
    const actions = (await api(stack, token).get('/api/actions?year=2022')).body.items as { id: string }[];
    expect(actions.length).toBeGreaterThan(5);
    expect(await queries('/api/actions?year=2022&limit=1')).toBe(4);
    expect(await queries('/api/actions?year=2022')).toBe(4);
    expect(await queries(`/api/actions/${actions[0].id}`)).toBe(3);
  });

  it("sums a call's funding by axis and department in a fixed number of statements", async () => {
    expect(await queries(`/api/calls/${callId}/funding`)).toBe(5);
  });

  it('sends no header unless asked: the api counts nothing by default', async () => {
    const plain = await Stack.start('query_count_off', { worker: false });
    try {
      const res = await api(plain, await login(plain, DEMO.delegate)).get('/api/projects?limit=1');
      expect(res.status).toBe(200);
      expect(res.headers['x-query-count']).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});
