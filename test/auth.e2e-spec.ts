import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';
import { createUser } from './support/factories';

describe('auth', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await Stack.start('auth', { worker: false });
    admin = await login(stack, DEMO.admin);
  });
  afterAll(() => stack.stop());

  it('signs in with the right password: token, user and an httpOnly cookie', async () => {
    const res = await api(stack).post('/api/auth/login').send({ email: DEMO.referent31, password: 'demo-iss-2026' });
    expect(res.status).toBe(200);
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: DEMO.referent31,
      displayName: expect.any(String),
      roles: ['departmental_referent'],
      departmentCodes: ['31'],
      memberId: null,
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/iss_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('answers a wrong password and an unknown e-mail with the same 401', async () => {
    const wrong = await api(stack).post('/api/auth/login').send({ email: DEMO.delegate, password: 'not-the-password' });
    const unknown = await api(stack)
      .post('/api/auth/login')
      .send({ email: 'nobody@demo.iss.local', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('throttles an e-mail after 10 failures in 15 minutes, even with the right password', async () => {
    const user = await createUser(stack, admin);
    for (let i = 0; i < 10; i += 1) {
      const res = await api(stack).post('/api/auth/login').send({ email: user.email, password: 'wrong-password' });
      expect(res.status).toBe(401);
    }
    const blocked = await api(stack).post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // Another e-mail is not affected.
    expect(
      (await api(stack).post('/api/auth/login').send({ email: DEMO.auditor, password: 'demo-iss-2026' })).status,
    ).toBe(200);
  });

  it('validates the login body before checking credentials', async () => {
    const res = await api(stack).post('/api/auth/login').send({ email: 'not-an-email', password: 'x', extra: 1 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/email/);
    expect(JSON.stringify(res.body.message)).toMatch(/extra/);
  });

  it('returns the signed-in user on /me, from the bearer header or the cookie', async () => {
    const token = await login(stack, DEMO.referent34);
    const me = await api(stack, token).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: DEMO.referent34,
      roles: ['departmental_referent'],
      departmentCodes: ['34'],
    });
    const viaCookie = await api(stack).get('/api/auth/me').set('cookie', `iss_session=${token}`);
    expect(viaCookie.status).toBe(200);
  });

  it.each([
    [
      'admin',
      DEMO.admin,
      [
        'readDashboard',
        'readProjects',
        'exportFunding',
        'readAuditTrail',
        'verifyAuditTrail',
        'manageAccounts',
        'readContracts',
        'readEquity',
      ],
    ],
    [
      'delegate',
      DEMO.delegate,
      [
        'readDashboard',
        'readProjects',
        'exportFunding',
        'readAuditTrail',
        'manageRoadmap',
        'updateActions',
        'manageCommission',
        'readContracts',
        'writeContracts',
        'readEquity',
      ],
    ],
    [
      'mission officer',
      DEMO.officer,
      [
        'readDashboard',
        'readProjects',
        'exportFunding',
        'manageRoadmap',
        'updateActions',
        'manageCommission',
        'readContracts',
        'writeContracts',
        'readEquity',
      ],
    ],
    [
      'referent',
      DEMO.referent31,
      [
        'readProjects',
        'departmentSpace',
        'giveOpinions',
        'updateActions',
        'readContracts',
        'writeContracts',
        'readEquity',
      ],
    ],
    ['commission member', DEMO.member, ['memberSpace']],
    [
      'auditor',
      DEMO.auditor,
      ['readProjects', 'exportFunding', 'readAuditTrail', 'verifyAuditTrail', 'readContracts', 'readEquity'],
    ],
  ])('tells the %s on /me which screens it may open, and only on /me', async (_role, email, granted) => {
    const token = await login(stack, email);
    const { capabilities } = (await api(stack, token).get('/api/auth/me').expect(200)).body;
    expect(Object.keys(capabilities).filter((c) => capabilities[c] === true)).toEqual(granted);
    expect(Object.values(capabilities).every((v) => typeof v === 'boolean')).toBe(true);
    expect(Object.keys(capabilities)).toHaveLength(15);
    // The login's answer keeps the account's shape: capabilities come with /me only.
    const signedIn = await api(stack).post('/api/auth/login').send({ email, password: 'demo-iss-2026' });
    expect(signedIn.body.user).not.toHaveProperty('capabilities');
  });

  it('refuses a token once logged out', async () => {
    const token = await login(stack, DEMO.officer);
    const other = await login(stack, DEMO.officer);
    expect((await api(stack, token).post('/api/auth/logout')).status).toBe(204);
    expect((await api(stack, token).get('/api/auth/me')).status).toBe(401);
    // Only that token: another session of the same person goes on.
    expect((await api(stack, other).get('/api/auth/me')).status).toBe(200);
  });
});
