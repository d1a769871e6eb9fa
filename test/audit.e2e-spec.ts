import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';
import { createUser } from './support/factories';

describe('audit trail', () => {
  let stack: Stack;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    stack = await Stack.start('audit', { worker: false });
    admin = await login(stack, DEMO.admin);
    auditor = await login(stack, DEMO.auditor);
  });
  afterAll(() => stack.stop());

  it('records a user creation with actor, before/after and request id, and never the password', async () => {
    const me = (await api(stack, admin).get('/api/auth/me')).body;
    const user = await createUser(stack, admin, { roles: ['auditor'] });
    const res = await api(stack, auditor).get(`/api/audit-events?entityType=user&entityId=${user.id}`);
    expect(res.status).toBe(200);
    const created = res.body.items.find((e: { action: string }) => e.action === 'user.create');
    expect(created).toMatchObject({
      at: expect.any(String),
      actorId: me.id,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: { email: user.email, roles: ['auditor'] },
      requestId: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
  });

  it('is readable by admin, delegate and auditor only', async () => {
    expect((await api(stack, await login(stack, DEMO.delegate)).get('/api/audit-events')).status).toBe(200);
    expect((await api(stack, await login(stack, DEMO.referent31)).get('/api/audit-events')).status).toBe(403);
    expect((await api(stack, await login(stack, DEMO.member)).get('/api/audit-events')).status).toBe(403);
  });

  it("is append-only in the database itself, even for the tables' owner", async () => {
    await expect(stack.ownerDb.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(stack.ownerDb.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(stack.ownerDb.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });

  it('keeps one unbroken hash chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, () => createUser(stack, admin)));
    const res = await api(stack, auditor).get('/api/audit-events/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, firstBrokenId: null });
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM audit_event');
    expect(res.body.checked).toBe(rows[0].n);
    const forks = await stack.db.query('SELECT prev_hash FROM audit_event GROUP BY prev_hash HAVING count(*) > 1');
    expect(forks.rows).toEqual([]);
  });

  it('shows where the chain was tampered with, even by someone who bypassed the triggers', async () => {
    const { rows } = await stack.db.query(`SELECT max(id)::int AS id FROM audit_event WHERE action = 'user.create'`);
    const target = rows[0].id;
    // The owner (or a superuser) can disable the trigger; the hash chain still gives the change away.
    await stack.ownerDb.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
    await stack.ownerDb.query(`UPDATE audit_event SET after = '{"email":"forged@x.fr"}' WHERE id = $1`, [target]);
    await stack.ownerDb.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
    const res = await api(stack, auditor).get('/api/audit-events/verify');
    expect(res.body).toMatchObject({ ok: false, firstBrokenId: target });
    expect((await api(stack, await login(stack, DEMO.delegate)).get('/api/audit-events/verify')).status).toBe(403);
  });
});
