import fc from 'fast-check';
import request from 'supertest';
import { BULK_RATE_LIMITS } from '../support/env';
import { api, DEMO, HttpMethod, login } from '../support/http';
import { Stack } from '../support/stack';
import { BodyArbitraries, OpenApiDocument, Schema } from './openapi-bodies';

/**
 * Every write route of the OpenAPI document gets random and malformed bodies: never a 5xx, every 4xx
 * in the contract's error shape, and nothing written on a 4xx. A failure prints the seed and the
 * shrunk body; `FUZZ_SEED=<seed>` replays it, `FUZZ_RUNS` changes the number of bodies per route.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];
/** Write routes that take no body: an action on the object in the path. */
const BODILESS = [
  'POST /api/audit-events/seals',
  'POST /api/audit-events/verifications',
  'POST /api/auth/logout',
  'POST /api/auth/proconnect/logout',
  'POST /api/mail/outbox/{id}/retry',
  'POST /api/meetings/{id}/convene',
  'POST /api/meetings/{id}/minutes/approve',
  'POST /api/meetings/{id}/minutes/publish',
];
type Account = keyof typeof DEMO;
/** Who sends the bodies: someone allowed to write there (default: the regional delegate, who runs everything). */
const SENDER: Record<string, Account | 'anonymous'> = {
  'POST /api/auth/login': 'anonymous',
  'POST /api/users': 'admin',
  'PUT /api/auth/sign-in-policy': 'admin',
  'PATCH /api/users/{id}': 'admin',
  'POST /api/projects/{id}/scores': 'officer',
  'POST /api/projects/{id}/opinions': 'referent31',
  'POST /api/indicators': 'officer',
  'PUT /api/indicators/{code}/values': 'officer',
};
/** The demo object a path id points at, by the collection before it. */
const PATH_OBJECTS: Record<string, string> = {
  calls: 'SELECT id FROM call ORDER BY title, id LIMIT 1',
  projects: `SELECT p.id FROM project p JOIN project_department d ON d.project_id = p.id AND d.department_code = '31'
             ORDER BY p.title, p.id LIMIT 1`,
  grants: 'SELECT grant_id AS id FROM payment ORDER BY grant_id LIMIT 1',
  // A payment of that grant, for the route that moves a payment to another tranche.
  payments:
    'SELECT id FROM payment WHERE grant_id = (SELECT grant_id FROM payment ORDER BY grant_id LIMIT 1) ORDER BY id LIMIT 1',
  meetings: `SELECT id FROM meeting ORDER BY starts_at DESC, id LIMIT 1`,
  bodies: `SELECT id FROM body WHERE kind = 'plenary' LIMIT 1`,
  seats: 'SELECT id FROM seat ORDER BY id LIMIT 1',
  positions: 'SELECT id FROM body_position ORDER BY id LIMIT 1',
  actions: 'SELECT id FROM action ORDER BY id LIMIT 1',
  'local-health-contracts': 'SELECT id FROM local_health_contract ORDER BY name, id LIMIT 1',
  indicators: 'SELECT code AS id FROM territorial_indicator ORDER BY code LIMIT 1',
  // Not an account the fuzzer signs in with: disabling it must not lock the fuzzer out.
  users: `SELECT id FROM app_user WHERE email = 'referent09@demo.iss.local'`,
  // The outbox is empty without a worker: any id does for a request that must be refused before it is read.
  outbox: 'SELECT coalesce((SELECT id FROM mail_outbox LIMIT 1), gen_random_uuid()) AS id',
};
/** Ids that well-formed bodies reuse, by the stem of the field (`memberId` → member). */
const KNOWN_ID_TABLES: Record<string, string> = {
  call: 'call',
  project: 'project',
  member: 'member',
  alternateMember: 'member',
  body: 'body',
  meeting: 'meeting',
  decision: 'decision',
  contract: 'local_health_contract',
  action: 'action',
};
/**
 * Tables a refused request may write to by design: a failed login is counted for the throttle, and the
 * trail's tally counts audit events, the refused sign-ins' included (audit_event's own rows are checked below).
 */
const WRITTEN_ON_REFUSAL = ['login_failure', 'audit_event_tally'];
/** Rows a refused request may add by design: a wrong password (sign-in or password change) is audited. */
const ROWS_WRITTEN_ON_REFUSAL: Record<string, string> = {
  audit_event: `WHERE action NOT IN ('auth.login_failed', 'auth.password_change_failed')`,
};

interface WriteRoute {
  key: string;
  method: string;
  path: string;
  schema?: Schema;
}

function writeRoutes(doc: OpenApiDocument): WriteRoute[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => WRITE_METHODS.includes(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        // The indicator values are a text/csv body: fuzzed as JSON strings, and as the raw payloads below.
        schema: op.requestBody?.content['application/json']?.schema ?? op.requestBody?.content['text/csv']?.schema,
      })),
  );
}

/** The route, the seed and path to replay, the assertion that failed and the body (long strings cut). */
function failureReport(route: WriteRoute, result: fc.RunDetails<[unknown]>): string {
  const body = JSON.stringify(result.counterexample?.[0])?.replace(
    /(.)\1{50,}/g,
    (run, c: string) => `${c}…×${run.length}`,
  );
  const error = (result.errorInstance as Error | undefined)?.message ?? String(result.errorInstance);
  return `${route.key} (seed ${result.seed}, path ${result.counterexamplePath}): ${error}\nbody: ${body?.slice(0, 2000)}`;
}

describe(`fuzzing every write route (seed ${SEED}, ${RUNS} bodies per route)`, () => {
  let stack: Stack;
  let doc: OpenApiDocument;
  let bodies: BodyArbitraries;
  let fingerprintSql: string;
  const tokens: Partial<Record<Account, string>> = {};
  const pathIds: Record<string, string> = {};
  const statuses: Record<string, Record<number, number>> = {};

  /** Row count and newest row version of every table: any insert, update or delete changes it. */
  const fingerprint = async () => (await stack.db.query(fingerprintSql)).rows[0].f as string;

  beforeAll(async () => {
    stack = await Stack.start('fuzz', { worker: false, env: BULK_RATE_LIMITS });
    doc = (await request(stack.baseUrl).get('/api/docs-json')).body as OpenApiDocument;
    for (const account of Object.keys(DEMO) as Account[]) tokens[account] = await login(stack, DEMO[account]);
    for (const [collection, sql] of Object.entries(PATH_OBJECTS))
      pathIds[collection] = (await stack.db.query(sql)).rows[0].id;
    const ids: Record<string, string[]> = {};
    for (const [stem, table] of Object.entries(KNOWN_ID_TABLES))
      ids[stem] = (await stack.db.query(`SELECT id FROM ${table} ORDER BY id LIMIT 5`)).rows.map((r) => r.id);
    const axisCodes = (
      await stack.db.query('SELECT code FROM call_axis UNION SELECT code FROM roadmap_axis ORDER BY 1')
    ).rows.map((r) => r.code as string);
    const criterionCodes = (await stack.db.query('SELECT DISTINCT code FROM call_criterion ORDER BY 1')).rows.map(
      (r) => r.code as string,
    );
    bodies = new BodyArbitraries(doc, { ids, axisCodes, criterionCodes });
    const tables = (
      await stack.db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
    ).rows
      .map((r) => r.tablename as string)
      .filter((t) => !WRITTEN_ON_REFUSAL.includes(t));
    fingerprintSql = `SELECT concat_ws(' ', ${tables
      .map(
        (t) =>
          `(SELECT '${t}:' || count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM "${t}" ${ROWS_WRITTEN_ON_REFUSAL[t] ?? ''})`,
      )
      .join(', ')}) AS f`;
  });
  afterAll(async () => {
    console.log(
      `statuses per write route (seed ${SEED}):\n${Object.entries(statuses)
        .map(([route, counts]) => `  ${route}: ${JSON.stringify(counts)}`)
        .join('\n')}`,
    );
    await stack.stop();
  });

  it('finds the write routes in the OpenAPI document, each with a request schema unless it takes no body', () => {
    const routes = writeRoutes(doc);
    expect(routes.length).toBeGreaterThan(30);
    const withoutSchema = routes.filter((r) => !r.schema).map((r) => r.key);
    expect(withoutSchema.sort()).toEqual([...BODILESS].sort());
  });

  /** A concrete URL: path ids point at real demo objects, years at the demo roadmap's. */
  function urlOf(route: WriteRoute): string {
    return route.path.replace(/\/([\w-]+)\/\{(\w+)\}/g, (_m, collection: string, param: string) => {
      if (param === 'year') return `/${collection}/2022`;
      const id = pathIds[collection];
      if (!id) throw new Error(`${route.key}: no demo object for /${collection}/{${param}}: add it to PATH_OBJECTS`);
      return `/${collection}/${id}`;
    });
  }

  function send(route: WriteRoute, body: unknown) {
    return sendRaw(route, 'application/json', JSON.stringify(body));
  }

  function sendRaw(route: WriteRoute, contentType: string, payload: string | Buffer) {
    const sender = SENDER[route.key] ?? 'delegate';
    // Checked against the OpenAPI document: every refusal the fuzzing provokes is a documented one.
    const bearer = sender === 'anonymous' ? undefined : tokens[sender];
    return api(stack, bearer)[route.method as HttpMethod](urlOf(route)).set('content-type', contentType).send(payload);
  }

  /** The error shape of CONTRACT.md, and nothing written. */
  function expectRefusal(res: request.Response, written: boolean): void {
    expect(res.body).toEqual({
      ...res.body,
      statusCode: res.status,
      error: expect.any(String),
      message: Array.isArray(res.body.message) ? res.body.message.map(() => expect.any(String)) : expect.any(String),
    });
    expect({ status: res.status, written }).toEqual({ status: res.status, written: false });
  }

  it('sees a write in the fingerprint (or the check below could not fail)', async () => {
    const before = await fingerprint();
    const res = await request(stack.baseUrl)
      .post('/api/projects/' + pathIds.projects + '/notes')
      .set('authorization', `Bearer ${tokens.delegate}`)
      .send({ text: 'note de contrôle' });
    expect(res.status).toBe(201);
    expect(await fingerprint()).not.toBe(before);
  });

  it('refuses bodies that are not JSON objects, whatever their content type, writing nothing', async () => {
    const payloads: [string, string | Buffer][] = [
      ['application/json', ''],
      ['application/json', '{"title": '],
      ['application/json', '{"a":1}{"b":2}'],
      ['application/json', '{"__proto__": {"isAdmin": true}}'],
      ['application/json', '{"constructor": {"prototype": {"isAdmin": true}}}'],
      ['application/json', JSON.stringify({ big: 'x'.repeat(1_100_000) })],
      ['application/json; charset=latin1', '{"title": "é"}'],
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'title=a&amountCents=1'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
      ['application/octet-stream', Buffer.from([0, 1, 2, 255])],
      // Nesting that overflowed the stack before authentication (a 500), and a body of 100,000 values.
      ['application/json', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`],
      ['application/json', `${'['.repeat(33)}${']'.repeat(33)}`],
      ['application/json', JSON.stringify({ items: new Array(100_000).fill(0) })],
    ];
    const answers: string[] = [];
    for (const route of writeRoutes(doc).filter((r) => r.schema)) {
      for (const [contentType, payload] of payloads) {
        const before = await fingerprint();
        const res = await sendRaw(route, contentType, payload);
        answers.push(`${res.status} ${route.key} ${contentType}`);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expectRefusal(res, (await fingerprint()) !== before);
      }
    }
    expect(answers.length).toBeGreaterThan(300);
  }, 300_000);

  it('refuses a cross-site simple request carrying the session cookie on every write route, writing nothing', async () => {
    // What a form or a fetch without preflight on another site can send: the browser adds the cookie.
    const simple: [string | undefined, string][] = [
      ['text/plain', '{}'],
      ['application/x-www-form-urlencoded', 'a=1'],
      ['multipart/form-data; boundary=x', '--x--'],
      [undefined, ''],
    ];
    const routes = writeRoutes(doc).filter((r) => SENDER[r.key] !== 'anonymous');
    for (const route of routes) {
      for (const [contentType, payload] of simple) {
        const before = await fingerprint();
        const sender = (SENDER[route.key] ?? 'delegate') as Account;
        const req = api(stack)[route.method as HttpMethod](urlOf(route)).set('cookie', `iss_session=${tokens[sender]}`);
        if (contentType) req.set('content-type', contentType);
        const res = await req.send(payload);
        expect({ route: route.key, contentType, status: res.status }).toEqual({
          route: route.key,
          contentType,
          status: 403,
        });
        expectRefusal(res, (await fingerprint()) !== before);
      }
    }
    // The sessions whose cookies were sent are still open: not even a logout went through.
    expect(
      (await request(stack.baseUrl).get('/api/auth/me').set('authorization', `Bearer ${tokens.delegate}`)).status,
    ).toBe(200);
  }, 300_000);

  describe('regressions found by fuzzing', () => {
    it('answers a NUL character in a text field with a 400 naming the field, writing nothing (was a 500)', async () => {
      const route = { key: 'PUT /api/meetings/{id}/minutes', method: 'put', path: '/api/meetings/{id}/minutes' };
      const before = await fingerprint();
      const res = await send(route, { content: 'Relevé\u0000', version: 1 });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['content must not contain a NUL character']);
      expectRefusal(res, (await fingerprint()) !== before);
    });

    it('refuses a NUL character anywhere in a body or a query: nested, in an imported CSV, in a query', async () => {
      const before = await fingerprint();
      const axes = await send(
        { key: 'POST /api/roadmaps', method: 'post', path: '/api/roadmaps' },
        {
          year: 2031,
          axes: [
            { code: 'A', label: 'Axe' },
            { code: 'B', label: 'B\u0000' },
          ],
        },
      );
      expect(axes.body.message).toEqual(['axes.1.label must not contain a NUL character']);
      const csv = await send(
        { key: 'POST /api/actions/import', method: 'post', path: '/api/actions/import' },
        {
          csv: 'id;statut\n00000000-0000-4000-8000-000000000000;\u0000',
        },
      );
      expect(csv.body.message).toEqual(['csv must not contain a NUL character']);
      const query = await request(stack.baseUrl)
        .get('/api/audit-events?entityType=call&entityId=%00')
        .set('authorization', `Bearer ${tokens.admin}`);
      expect(query.status).toBe(400);
      expect(query.body.message).toEqual(['entityId must not contain a NUL character']);
      expect(await fingerprint()).toBe(before);
    });
  });

  // The routes are known only once the api runs; each gets its own test, named after it.
  it('fuzzes each write route: no 5xx, the error shape on 4xx, nothing written on 4xx', async () => {
    const routes = writeRoutes(doc).filter((r) => r.schema);
    const failures: string[] = [];
    for (const route of routes) {
      const arbitrary = fc.oneof(
        { arbitrary: bodies.malformed(route.schema!), weight: 3 },
        { arbitrary: bodies.wellFormed(route.schema!), weight: 1 },
        { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
      );
      const counts: Record<number, number> = (statuses[route.key] = {});
      let before = await fingerprint();
      const result = await fc.check(
        fc.asyncProperty(arbitrary, async (body) => {
          const res = await send(route, body);
          counts[res.status] = (counts[res.status] ?? 0) + 1;
          const after = await fingerprint();
          const written = after !== before;
          before = after;
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expectRefusal(res, written);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      if (result.failed) failures.push(failureReport(route, result));
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
