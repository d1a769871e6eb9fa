import { createHmac, randomUUID } from 'node:crypto';
import { api, DEMO, login } from '../support/http';
import { Stack } from '../support/stack';
import { createUser } from '../support/factories';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed with `secret`, so that every claim but the one under test is right. */
function sign(claims: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[(header as { alg: string }).alg] ?? 'sha256';
  return `${unsigned}.${createHmac(hash, secret).update(unsigned).digest('base64url')}`;
}

const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
const now = () => Math.floor(Date.now() / 1000);

describe('JWT abuse: every token that is not a live session of an active account gets 401', () => {
  let stack: Stack;
  let admin: string;
  let secret: string;
  /** The claims of a real session: forged tokens change one thing at a time. */
  let genuine: { sub: string; jti: string; iat: number; exp: number; iss: string; aud: string };

  /** The answer of a protected route to the token, as a bearer header and as the session cookie. */
  async function answers(token: string) {
    const bearer = await api(stack, token).get('/api/auth/me');
    const cookie = await api(stack).get('/api/auth/me').set('cookie', `iss_session=${token}`);
    for (const res of [bearer, cookie])
      if (res.status === 401) expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    return { bearer: bearer.status, cookie: cookie.status };
  }
  const refused = { bearer: 401, cookie: 401 };

  beforeAll(async () => {
    stack = await Stack.start('jwt', { worker: false });
    secret = stack.env.JWT_SECRET;
    admin = await login(stack, DEMO.admin);
    genuine = decode(await login(stack, DEMO.delegate));
  });
  afterAll(() => stack.stop());

  it('accepts a token forged with the secret and right claims (so the refusals below test one claim each)', async () => {
    expect(await answers(sign({ ...genuine, jti: randomUUID() }, secret))).toEqual({ bearer: 200, cookie: 200 });
  });

  it('refuses alg none, with or without a signature', async () => {
    const none = { alg: 'none', typ: 'JWT' };
    expect(await answers(`${b64(none)}.${b64(genuine)}.`)).toEqual(refused);
    const signedParts = sign(genuine, secret).split('.');
    expect(await answers(`${b64(none)}.${signedParts[1]}.${signedParts[2]}`)).toEqual(refused);
  });

  it('refuses another algorithm than HS256, even signed with the secret', async () => {
    expect(await answers(sign(genuine, secret, { alg: 'HS512', typ: 'JWT' }))).toEqual(refused);
  });

  it('refuses a tampered signature and a tampered payload', async () => {
    const token = sign(genuine, secret);
    const [header, payload, signature] = token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await answers(`${header}.${payload}.${flipped}`)).toEqual(refused);
    const adminId = (await api(stack, admin).get('/api/auth/me')).body.id as string;
    for (const claims of [
      { ...genuine, sub: adminId },
      { ...genuine, roles: ['admin'] },
      { ...genuine, exp: now() + 86_400 * 365 },
    ])
      expect(await answers(`${header}.${b64(claims)}.${signature}`)).toEqual(refused);
  });

  it('refuses a token signed with another secret', async () => {
    expect(await answers(sign(genuine, 'another-secret-of-32-characters!!'))).toEqual(refused);
  });

  it('refuses an expired token', async () => {
    expect(await answers(sign({ ...genuine, iat: now() - 7200, exp: now() - 60 }, secret))).toEqual(refused);
  });

  it('refuses a token for another issuer or audience, or without them', async () => {
    const { iss: _iss, aud: _aud, ...bare } = genuine;
    expect(genuine).toMatchObject({ iss: 'iss-back-office', aud: 'iss-back-office-api' });
    for (const claims of [{ ...genuine, iss: 'another-app' }, { ...genuine, aud: 'another-api' }, bare])
      expect(await answers(sign(claims, secret))).toEqual(refused);
  });

  it('refuses a token without a session id or for an account that does not exist', async () => {
    const { jti: _jti, ...withoutJti } = genuine;
    expect(await answers(sign(withoutJti, secret))).toEqual(refused);
    expect(await answers(sign({ ...genuine, sub: randomUUID() }, secret))).toEqual(refused);
    expect(await answers(sign({ ...genuine, sub: 'not-a-uuid' }, secret))).toEqual(refused);
  });

  it('refuses a logged-out token, as a bearer header and as the cookie', async () => {
    const token = await login(stack, DEMO.auditor);
    expect(await answers(token)).toEqual({ bearer: 200, cookie: 200 });
    const logout = api(stack).post('/api/auth/logout').set('cookie', `iss_session=${token}`);
    // As the web app sends it: a cookie-authenticated write carries X-Requested-With (CSRF).
    expect((await logout.set('x-requested-with', 'iss-web')).status).toBe(204);
    expect(await answers(token)).toEqual(refused);
  });

  describe('an edited account', () => {
    it('acts with its new roles from the next request; the admin lists and reads it; checks stay', async () => {
      const user = await createUser(stack, admin, { roles: ['auditor'] });
      const token = await login(stack, user.email, user.password);
      expect((await api(stack, token).get('/api/audit-events?limit=1')).status).toBe(200);

      const edited = await api(stack, admin)
        .patch(`/api/users/${user.id}`)
        .send({ roles: ['mission_officer'] });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: user.id, roles: ['mission_officer'], disabledAt: null });
      expect((await api(stack, token).get('/api/audit-events?limit=1')).status).toBe(403);

      const found = await api(stack, admin).get(`/api/users?search=${encodeURIComponent(user.email)}&limit=5`);
      expect(found.body).toEqual({ items: [edited.body], total: 1 });
      expect((await api(stack, admin).get(`/api/users/${user.id}`)).body).toEqual(edited.body);
      expect((await api(stack, admin).get('/api/users?role=superuser')).status).toBe(400);
      expect((await api(stack, token).get(`/api/users/${user.id}`)).status).toBe(403);

      const unknownMember = await api(stack, admin)
        .patch(`/api/users/${user.id}`)
        .send({ memberId: '00000000-0000-4000-8000-000000000000' });
      expect(unknownMember.status).toBe(400);
      expect(unknownMember.body.code).toBe('database.reference_unknown');
      const adminId = (await api(stack, admin).get('/api/auth/me')).body.id as string;
      const demoted = await api(stack, admin)
        .patch(`/api/users/${adminId}`)
        .send({ roles: ['auditor'] });
      expect(demoted.status).toBe(409);
      expect(demoted.body.code).toBe('user.demote_self');
    });
  });

  describe('a disabled account', () => {
    it('loses its sessions at once and cannot sign in; enabled again, only new sessions work', async () => {
      const user = await createUser(stack, admin, { roles: ['auditor'] });
      const token = await login(stack, user.email, user.password);
      expect(await answers(token)).toEqual({ bearer: 200, cookie: 200 });

      const disabled = await api(stack, admin).patch(`/api/users/${user.id}`).send({ disabled: true });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: user.id, disabledAt: expect.any(String) });
      expect(await answers(token)).toEqual(refused);
      const signIn = await api(stack).post('/api/auth/login').send({ email: user.email, password: user.password });
      const wrong = await api(stack).post('/api/auth/login').send({ email: user.email, password: 'wrong-password' });
      expect(signIn.status).toBe(401);
      expect(signIn.body).toEqual(wrong.body);

      // Sessions end at a whole second (a token's iat): a sign-in within the second of the disabling is refused too.
      await new Promise((r) => setTimeout(r, 1100));
      const enabled = await api(stack, admin).patch(`/api/users/${user.id}`).send({ disabled: false });
      expect(enabled.body).toMatchObject({ id: user.id, disabledAt: null });
      expect(await answers(token)).toEqual(refused);
      expect(await answers(await login(stack, user.email, user.password))).toEqual({ bearer: 200, cookie: 200 });
    });

    it('is audited, by the admin only, and an admin cannot disable itself', async () => {
      const user = await createUser(stack, admin, { roles: ['mission_officer'] });
      await api(stack, admin).patch(`/api/users/${user.id}`).send({ disabled: true });
      const events = await api(stack, admin).get(`/api/audit-events?entityType=user&entityId=${user.id}`);
      expect(events.body.items.map((e: { action: string }) => e.action)).toContain('user.disable');

      const delegate = await login(stack, DEMO.delegate);
      expect((await api(stack, delegate).patch(`/api/users/${user.id}`).send({ disabled: false })).status).toBe(403);
      const adminId = (await api(stack, admin).get('/api/auth/me')).body.id as string;
      expect((await api(stack, admin).patch(`/api/users/${adminId}`).send({ disabled: true })).status).toBe(409);
      expect(await answers(admin)).toEqual({ bearer: 200, cookie: 200 });
      expect((await api(stack, admin).patch(`/api/users/${user.id}`).send({ disabled: 'yes' })).status).toBe(400);
    });
  });
});
