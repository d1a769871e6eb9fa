import { api, DEMO, login } from '../support/http';
import { Stack } from '../support/stack';
import { createUser } from '../support/factories';

describe("passwords: the policy, and changing one's own", () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await Stack.start('passwords', { worker: false });
    admin = await login(stack, DEMO.admin);
  });
  afterAll(() => stack.stop());

  describe('POST /api/users refuses a weak password with a 400 naming the field, and creates nothing', () => {
    it.each([
      ['shorter than 12 characters', 'Xq7#pL9!vR2', /password : le mot de passe doit compter au moins 12 caractères/],
      ['a common password', 'password1234', /password : le mot de passe trop courant/],
      ['a keyboard walk', 'azertyuiop123', /password : le mot de passe trop courant/],
    ])('%s', async (_case, password, message) => {
      const email = `faible-${password.length}-${Date.now()}@test.iss.local`;
      const res = await api(stack, admin)
        .post('/api/users')
        .send({ email, displayName: 'Faible', password, roles: ['auditor'] });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
      expect((await stack.db.query('SELECT 1 FROM app_user WHERE email = $1', [email])).rowCount).toBe(0);
    });
  });

  describe('POST /api/auth/password { currentPassword, newPassword }', () => {
    const change = (token: string, body: object) => api(stack, token).post('/api/auth/password').send(body);

    it('changes the password, ends every other session and gives this one a new token', async () => {
      const user = await createUser(stack, admin);
      const current = await login(stack, user.email, user.password);
      const other = await login(stack, user.email, user.password);
      const newPassword = 'un-nouveau-secret-solide';

      const res = await change(current, { currentPassword: user.password, newPassword });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accessToken: expect.any(String), user: { id: user.id, email: user.email } });
      expect(String(res.headers['set-cookie'])).toMatch(/iss_session=.*HttpOnly/i);

      expect((await api(stack, res.body.accessToken).get('/api/auth/me')).status).toBe(200);
      expect((await api(stack, current).get('/api/auth/me')).status).toBe(401);
      expect((await api(stack, other).get('/api/auth/me')).status).toBe(401);
      const signIn = (password: string) => api(stack).post('/api/auth/login').send({ email: user.email, password });
      expect((await signIn(user.password)).status).toBe(401);
      expect((await signIn(newPassword)).status).toBe(200);

      const { rows } = await stack.db.query(
        `SELECT action, actor_id AS "actorId", before, after FROM audit_event
         WHERE entity_type = 'user' AND entity_id = $1 AND action LIKE 'auth.password%'`,
        [user.id],
      );
      expect(rows).toEqual([{ action: 'auth.password_change', actorId: user.id, before: null, after: null }]);
    });

    it('refuses a wrong current password (400 naming it, audited, counted as a failed sign-in)', async () => {
      const user = await createUser(stack, admin);
      const token = await login(stack, user.email, user.password);
      const res = await change(token, { currentPassword: 'pas-le-bon-mot', newPassword: 'un-nouveau-secret-solide' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^currentPassword/);
      const audited = await stack.db.query(
        `SELECT actor_id AS "actorId" FROM audit_event WHERE action = 'auth.password_change_failed' AND entity_id = $1`,
        [user.id],
      );
      expect(audited.rows).toEqual([{ actorId: null }]);
      const counted = await stack.db.query('SELECT count(*)::int AS n FROM login_failure WHERE email = $1', [
        user.email,
      ]);
      expect(counted.rows[0].n).toBe(1);
      expect(
        (await api(stack).post('/api/auth/login').send({ email: user.email, password: user.password })).status,
      ).toBe(200);
    });

    it('cannot be used to guess the password: after 10 wrong ones, 429 even with the right one', async () => {
      const user = await createUser(stack, admin);
      const token = await login(stack, user.email, user.password);
      const body = (currentPassword: string) => ({ currentPassword, newPassword: 'un-nouveau-secret-solide' });
      for (let i = 0; i < 10; i += 1) expect((await change(token, body(`essai-${i}`))).status).toBe(400);
      expect((await change(token, body(user.password))).status).toBe(429);
    });

    it('refuses a weak or unchanged new password, naming newPassword, and changes nothing', async () => {
      const user = await createUser(stack, admin);
      const token = await login(stack, user.email, user.password);
      for (const newPassword of ['court', 'motdepasse123', user.password]) {
        const res = await change(token, { currentPassword: user.password, newPassword });
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body.message)).toMatch(/newPassword/);
      }
      expect((await api(stack, token).get('/api/auth/me')).status).toBe(200);
    });

    it('needs a signed-in caller', async () => {
      const res = await api(stack)
        .post('/api/auth/password')
        .send({ currentPassword: 'x', newPassword: 'un-nouveau-secret-solide' });
      expect(res.status).toBe(401);
    });
  });
});
