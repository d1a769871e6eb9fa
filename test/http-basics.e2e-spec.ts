import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';
import { OCCITANIE_DEPARTMENT_CODES } from './support/reference';

describe('HTTP basics', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await Stack.start('http', { worker: false });
    admin = await login(stack, DEMO.admin);
  });
  afterAll(() => stack.stop());

  it('reports PostgreSQL and Redis up on /health', async () => {
    const res = await api(stack).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI UI and document', async () => {
    expect((await api(stack).get('/api/docs')).status).toBe(200);
    const doc = await api(stack).get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/users',
        '/api/departments',
        '/api/audit-events',
        '/api/reports/{id}/file',
      ]),
    );
    expect(doc.body.components.schemas.CreateUserDto.properties).toHaveProperty('email');
  });

  // helmet's headers for this configuration (apps/api/src/security-headers.ts computes them once at start).
  const SECURITY_HEADERS = {
    'content-security-policy':
      "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'self';" +
      "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';" +
      "style-src 'self' 'unsafe-inline';upgrade-insecure-requests",
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };

  it.each(['/health', '/api/departments', '/api/nothing-here', '/api/docs', '/'])(
    "sends helmet's security headers on %s",
    async (path) => {
      const res = await api(stack, admin).get(path);
      expect(res.headers).toMatchObject(SECURITY_HEADERS);
      expect(res.headers).not.toHaveProperty('x-powered-by');
    },
  );

  it('answers an unknown route with a JSON 404', async () => {
    const res = await api(stack, admin).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers 404 for an id that is not a UUID', async () => {
    expect((await api(stack, admin).get('/api/reports/not-a-uuid')).status).toBe(404);
  });

  it('answers malformed JSON with a 400', async () => {
    const res = await api(stack, admin).post('/api/users').set('content-type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  describe('departments', () => {
    it('lists the 13 departments of Occitanie by code, with referents and vacancies', async () => {
      const token = await login(stack, DEMO.referent31);
      const res = await api(stack, token).get('/api/departments');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(13);
      expect(res.body.items.map((d: { code: string }) => d.code)).toEqual([...OCCITANIE_DEPARTMENT_CODES]);
      const byCode = Object.fromEntries(res.body.items.map((d: { code: string }) => [d.code, d]));
      expect(byCode['31']).toMatchObject({
        name: 'Haute-Garonne',
        referents: [{ id: expect.any(String), displayName: expect.any(String) }],
      });
      expect(byCode['31'].population).toBeGreaterThan(1_400_000);
      expect(byCode['48'].referents).toEqual([]);
    });

    it('paginates and bounds the page size', async () => {
      const page = await api(stack, admin).get('/api/departments?limit=2&offset=12');
      expect(page.body).toMatchObject({ total: 13, items: [{ code: '82' }] });
      const tooBig = await api(stack, admin).get('/api/departments?limit=500');
      expect(tooBig.status).toBe(400);
      expect(JSON.stringify(tooBig.body.message)).toMatch(/limit/);
    });

    it('holds the region population as the sum of its departments', async () => {
      const { rows } = await stack.db.query(
        `SELECT r.population AS region, (SELECT sum(population) FROM department)::int AS departments,
                (SELECT count(*) FROM commune)::int AS communes FROM region r`,
      );
      expect(rows[0].region).toBe(rows[0].departments);
      expect(rows[0].communes).toBeGreaterThan(4000);
    });
  });

  describe('users', () => {
    const countUsers = async () => Number((await stack.db.query('SELECT count(*) FROM app_user')).rows[0].count);

    it('creates a referent with its departments (admin only)', async () => {
      const res = await api(stack, admin)
        .post('/api/users')
        .send({
          email: 'Nouvelle.Referente@Demo.Iss.Local',
          displayName: 'Nouvelle Référente',
          password: 'un-mot-de-passe',
          roles: ['departmental_referent'],
          departmentCodes: ['48'],
        });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        email: 'nouvelle.referente@demo.iss.local',
        displayName: 'Nouvelle Référente',
        roles: ['departmental_referent'],
        departmentCodes: ['48'],
        memberId: null,
      });
      const lozere = (await api(stack, admin).get('/api/departments')).body.items.find(
        (d: { code: string }) => d.code === '48',
      );
      expect(lozere.referents).toEqual([{ id: res.body.id, displayName: 'Nouvelle Référente' }]);
    });

    it('refuses a role without the right with 403', async () => {
      const referent = await login(stack, DEMO.referent31);
      const res = await api(stack, referent)
        .post('/api/users')
        .send({ email: 'x@y.fr', displayName: 'x', password: 'mot-de-passe-solide', roles: ['admin'] });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    });

    it('names the bad fields and rejects unknown properties, writing nothing', async () => {
      const before = await countUsers();
      const res = await api(stack, admin)
        .post('/api/users')
        .send({ email: 'not-an-email', displayName: '', password: 'short', roles: ['pope'], isSuperUser: true });
      expect(res.status).toBe(400);
      const message = JSON.stringify(res.body.message);
      for (const field of ['email', 'displayName', 'password', 'roles', 'isSuperUser'])
        expect(message).toContain(field);
      expect(await countUsers()).toBe(before);
    });

    it('refuses an unknown department and a referent without department, writing nothing', async () => {
      const before = await countUsers();
      const base = { displayName: 'R', password: 'mot-de-passe-solide', roles: ['departmental_referent'] };
      const unknown = await api(stack, admin)
        .post('/api/users')
        .send({ ...base, email: 'r1@test.fr', departmentCodes: ['75'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toMatch(/departmentCodes/);
      const none = await api(stack, admin)
        .post('/api/users')
        .send({ ...base, email: 'r2@test.fr' });
      expect(none.status).toBe(400);
      expect(await countUsers()).toBe(before);
    });

    it('refuses a link to an unknown commission member with 400 naming memberId, writing nothing', async () => {
      const before = await countUsers();
      const res = await api(stack, admin)
        .post('/api/users')
        .send({
          email: 'membre-inconnu@test.fr',
          displayName: 'M',
          password: 'mot-de-passe-solide',
          roles: ['commission_member'],
          memberId: '00000000-0000-4000-8000-000000000000',
        });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^memberId: /);
      expect(await countUsers()).toBe(before);
    });

    it('refuses a second account with the same e-mail with 409', async () => {
      const res = await api(stack, admin)
        .post('/api/users')
        .send({ email: DEMO.delegate, displayName: 'D', password: 'mot-de-passe-solide', roles: ['auditor'] });
      expect(res.status).toBe(409);
    });
  });
});
