import request from 'supertest';
import { api, DEMO, login } from '../support/http';
import { Stack } from '../support/stack';
import { createUser } from '../support/factories';

const count = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('sign-in abuse: throttles that hold under parallel attempts, per e-mail and per address', () => {
  let stack: Stack;
  let admin: string;
  const attempt = (email: string, password = 'wrong-password-123', headers: Record<string, string> = {}) =>
    api(stack).post('/api/auth/login').set(headers).send({ email, password }); // checked against the document

  beforeAll(async () => {
    // A small per-address limit keeps the suite short.
    stack = await Stack.start('login_abuse', { worker: false, env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '20' } });
    admin = await login(stack, DEMO.admin);
  });
  // Every test starts with no failure counted (all of them come from 127.0.0.1).
  beforeEach(() => stack.db.query('DELETE FROM login_failure'));
  afterAll(() => stack.stop());

  it('counts at most 10 failures of one e-mail however many arrive at once: 30 in parallel → 10 × 401, 20 × 429', async () => {
    const user = await createUser(stack, admin);
    const statuses = (await Promise.all(Array.from({ length: 30 }, () => attempt(user.email)))).map((r) => r.status);
    expect(count(statuses)).toEqual({ 401: 10, 429: 20 });
    const right = await attempt(user.email, user.password);
    expect(right.status).toBe(429);
    expect(right.headers['retry-after']).toBe('900');
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM login_failure WHERE email = $1', [
      user.email,
    ]);
    expect(rows[0].n).toBe(10);
  });

  it('audits each counted failure, an unknown e-mail as its digest only', async () => {
    const user = await createUser(stack, admin);
    await attempt(user.email);
    await attempt('personne@inconnu.test');
    const { rows } = await stack.db.query(
      `SELECT actor_id AS "actorId", entity_type AS "entityType", entity_id AS "entityId", after
       FROM audit_event WHERE action = 'auth.login_failed' ORDER BY id DESC LIMIT 2`,
    );
    expect(rows).toEqual([
      {
        actorId: null,
        entityType: 'user',
        entityId: 'unknown',
        after: { address: '127.0.0.1', emailSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
      { actorId: null, entityType: 'user', entityId: user.id, after: { address: '127.0.0.1' } },
    ]);
    expect(JSON.stringify(rows)).not.toContain('inconnu');
  });

  it('limits failures from one address across e-mails (LOGIN_MAX_FAILURES_PER_ADDRESS)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) statuses.push((await attempt(`spray-${i}@test.iss.local`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is not set: a forged address does not reset the count', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1)
      statuses.push(
        (await attempt(`forged-${i}@test.iss.local`, undefined, { 'x-forwarded-for': `203.0.113.${i}` })).status,
      );
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const { rows } = await stack.db.query('SELECT DISTINCT address FROM login_failure');
    expect(rows).toEqual([{ address: '127.0.0.1' }]);
  });

  describe('behind a trusted proxy (TRUST_PROXY), hashing one password at a time with one waiting', () => {
    let proxied: Stack;
    const from = (address: string, email: string) =>
      request(proxied.baseUrl)
        .post('/api/auth/login')
        .set('x-forwarded-for', address)
        .send({ email, password: 'wrong-password-123' });

    beforeAll(async () => {
      proxied = await Stack.start('login_abuse_proxy', {
        worker: false,
        env: { TRUST_PROXY: '127.0.0.1', PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '1' },
      });
    });
    afterAll(() => proxied.stop());

    it('counts the address the proxy forwards', async () => {
      expect((await from('198.51.100.7', 'someone@test.iss.local')).status).toBe(401);
      const { rows } = await proxied.db.query('SELECT address FROM login_failure');
      expect(rows).toEqual([{ address: '198.51.100.7' }]);
    });

    it('answers a flood beyond the hashing queue 503 with Retry-After, and does not count those attempts', async () => {
      await proxied.db.query('DELETE FROM login_failure');
      // Different addresses and e-mails: no throttle stands in the way, only the hashing bound.
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => from(`198.51.100.${i + 1}`, `flood-${i}@test.iss.local`)),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
      const refused = responses.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.headers['retry-after']).toBe('2');
        expect(r.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      }
      const { rows } = await proxied.db.query('SELECT count(*)::int AS n FROM login_failure');
      expect(rows[0].n).toBe(statuses.filter((s) => s === 401).length);
      // The flood over, sign-ins work again.
      expect(
        (
          await request(proxied.baseUrl)
            .post('/api/auth/login')
            .send({ email: DEMO.auditor, password: 'demo-iss-2026' })
        ).status,
      ).toBe(200);
    });
  });
});
