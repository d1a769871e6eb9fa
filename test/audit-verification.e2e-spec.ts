import { api, DEMO, login, until } from './support/http';
import { Stack } from './support/stack';
import { createUser } from './support/factories';
import { forgeAuditEvent } from './support/tamper';

type Run = {
  id: string;
  status: string;
  ok: boolean | null;
  firstBrokenId: number | null;
  checked: number | null;
  lastEventId: number | null;
};

/** Issue 16: the chain's verification as a job whose result is kept, for trails too long to walk in a request. */
describe('audit verification runs', () => {
  let stack: Stack;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    // No worker at first: a requested run stays queued until the test starts one.
    stack = await Stack.start('audit-verification', { worker: false });
    admin = await login(stack, DEMO.admin);
    auditor = await login(stack, DEMO.auditor);
  });
  afterAll(() => stack.stop());

  const run = async (id: string): Promise<Run> =>
    (await api(stack, auditor).get(`/api/audit-events/verifications/${id}`)).body;
  const finished = (r: Run) => r.status === 'done' || r.status === 'failed';

  it('has no run before the first request', async () => {
    const res = await api(stack, auditor).get('/api/audit-events/verifications/latest');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('audit_verification.not_found');
  });

  it('queues one run at a time, audits the request, and keeps the worker’s result', async () => {
    await Promise.all(Array.from({ length: 3 }, () => createUser(stack, admin)));
    const first = await api(stack, auditor).post('/api/audit-events/verifications');
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ id: expect.any(String), status: 'queued' });
    const second = await api(stack, admin).post('/api/audit-events/verifications');
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);

    const requests = await stack.db.query(
      `SELECT entity_id FROM audit_event WHERE action = 'audit_verification.request'`,
    );
    expect(requests.rows).toEqual([{ entity_id: first.body.id }]);

    await stack.startWorker();
    const done = await until(() => run(first.body.id), finished, 60_000, 300);
    expect(done).toMatchObject({
      status: 'done',
      ok: true,
      firstBrokenId: null,
      brokenSeals: [],
      error: null,
      requestedAt: expect.any(String),
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    // Every event up to the newest the run saw, its own request among them (committed before it was queued);
    // the worker may have appended more since (its start-up seal).
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM audit_event WHERE id <= $1', [
      done.lastEventId,
    ]);
    expect(done.checked).toBe(rows[0].n);
    const request = await stack.db.query(`SELECT id::int FROM audit_event WHERE entity_id = $1`, [first.body.id]);
    expect(done.lastEventId).toBeGreaterThanOrEqual(request.rows[0].id);
    expect((await api(stack, auditor).get('/api/audit-events/verifications/latest')).body).toEqual(done);
  });

  it('reports where the chain was tampered with in a new run', async () => {
    const { rows } = await stack.db.query(`SELECT max(id)::int AS id FROM audit_event WHERE action = 'user.create'`);
    const target = rows[0].id;
    await forgeAuditEvent(stack, target, { email: 'forged@x.fr' });

    const requested = await api(stack, auditor).post('/api/audit-events/verifications');
    expect(requested.status).toBe(202);
    const done = await until(() => run(requested.body.id), finished, 60_000, 300);
    expect(done).toMatchObject({ status: 'done', ok: false, firstBrokenId: target });
    expect((await api(stack, auditor).get('/api/audit-events/verifications/latest')).body.id).toBe(requested.body.id);
  });

  it('is for those who may verify the trail only', async () => {
    const { rows } = await stack.db.query('SELECT id FROM audit_verification LIMIT 1');
    for (const who of [DEMO.delegate, DEMO.member]) {
      const token = await login(stack, who);
      expect((await api(stack, token).post('/api/audit-events/verifications')).status).toBe(403);
      expect((await api(stack, token).get('/api/audit-events/verifications/latest')).status).toBe(403);
      expect((await api(stack, token).get(`/api/audit-events/verifications/${rows[0].id}`)).status).toBe(403);
    }
    expect((await api(stack).post('/api/audit-events/verifications')).status).toBe(401);
  });
});
