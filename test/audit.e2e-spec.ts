import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';
import { createUser } from './support/factories';
import { forgeAuditEvent } from './support/tamper';

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

  it('searches by an object’s name, an actor’s name, an action and days, and keeps the old parameters', async () => {
    const tag = `Zoé Traçable ${Date.now()}`;
    const user = await createUser(stack, admin, { displayName: tag, roles: ['auditor'] });
    const byName = await api(stack, auditor).get(`/api/audit-events?q=${encodeURIComponent(tag.toLowerCase())}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((e: { action: string; entityId: string }) => [e.action, e.entityId])).toEqual([
      ['user.create', user.id],
    ]);
    expect(byName.body.items[0]).toMatchObject({ actorName: 'Alex Martin (admin)', actorRoles: ['admin'] });

    const today = new Date().toISOString().slice(0, 10);
    const filtered = await api(stack, auditor).get(
      `/api/audit-events?actor=alex%20martin&action=user.create&from=${today}&to=${today}&limit=100`,
    );
    expect(filtered.body.items.length).toBeGreaterThan(0);
    expect(filtered.body.items.every((e: { action: string }) => e.action === 'user.create')).toBe(true);
    expect(filtered.body.total).toBe(filtered.body.items.length);
    const yesterday = await api(stack, auditor).get(`/api/audit-events?q=${encodeURIComponent(tag)}&to=2000-01-01`);
    expect(yesterday.body).toEqual({ items: [], total: 0 });
    const old = await api(stack, auditor).get(`/api/audit-events?entityType=user&entityId=${user.id}`);
    expect(old.body.total).toBe(1);
    expect((await api(stack, auditor).get('/api/audit-events?action=DROP%20TABLE')).status).toBe(400);
    expect((await api(stack, auditor).get('/api/audit-events?from=31/12/2026')).status).toBe(400);
  });

  it('exports the filtered trail as CSV to its readers only, with formula-like names neutralised', async () => {
    const tricky = await createUser(stack, admin, { displayName: '=HYPERLINK("http://x")', roles: ['admin'] });
    const trickyToken = await login(stack, tricky.email, tricky.password);
    const made = await createUser(stack, trickyToken, { displayName: 'Créé par une formule' });

    const res = await api(stack, auditor).get(`/api/audit-events/export.csv?entityType=user&entityId=${made.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="journal-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFDate;Action;Objet;Identifiant;Auteur;Rôles;Modifications;Avant;Après');
    expect(lines).toHaveLength(3); // header, the one event, the final empty line
    expect(lines[1]).toContain(
      `;Création du compte;Utilisateur;${made.id};"'=HYPERLINK(""http://x"")";Administrateur;`,
    );
    expect(lines[1]).toContain('Nom : Créé par une formule');

    expect((await api(stack, await login(stack, DEMO.delegate)).get('/api/audit-events/export.csv')).status).toBe(200);
    expect((await api(stack, await login(stack, DEMO.referent31)).get('/api/audit-events/export.csv')).status).toBe(
      403,
    );
    expect((await api(stack, await login(stack, DEMO.member)).get('/api/audit-events/export.csv')).status).toBe(403);
    expect((await api(stack).get('/api/audit-events/export.csv')).status).toBe(401);
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
    await forgeAuditEvent(stack, target, { email: 'forged@x.fr' });
    const res = await api(stack, auditor).get('/api/audit-events/verify');
    expect(res.body).toMatchObject({ ok: false, firstBrokenId: target });
    expect((await api(stack, await login(stack, DEMO.delegate)).get('/api/audit-events/verify')).status).toBe(403);
  });
});
