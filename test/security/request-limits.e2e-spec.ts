import { DEMO_PASSWORD } from '../support/env';
import { api, DEMO, login } from '../support/http';
import { Stack } from '../support/stack';

/** Small limits for this suite, so that a few requests reach them; production defaults are higher. */
const LIMITS = {
  RATE_LIMIT_REPORTS_PER_MINUTE: 4,
  RATE_LIMIT_EXPORTS_PER_MINUTE: 3,
  RATE_LIMIT_IMPORTS_PER_MINUTE: 3,
  RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE: 2,
  IMPORT_CSV_MAX_BYTES: 2048,
  IMPORT_CSV_MAX_ROWS: 3,
};

describe('security: limits on expensive requests and on what a caller may send', () => {
  let stack: Stack;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const env = Object.fromEntries(Object.entries(LIMITS).map(([k, v]) => [k, String(v)]));
    stack = await Stack.start('request-limits', { worker: false, env });
    for (const [role, email] of Object.entries(DEMO)) tokens[role] = await login(stack, email);
  });
  afterAll(() => stack?.stop());

  /** Sends `count` identical requests one after the other and lists their statuses. */
  const statusesOf = async (count: number, send: () => Promise<{ status: number }>) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await send()).status);
    return statuses;
  };

  const expectRefusedForAMinute = (res: { status: number; headers: Record<string, string>; body: unknown }) => {
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `Trop de demandes : réessayez dans ${res.headers['retry-after']} s.`,
      code: 'rate.limited',
      details: { retryAfterSeconds: Number(res.headers['retry-after']) },
    });
  };

  describe('rate limits per user', () => {
    it('report requests: past the limit a user gets 429 with Retry-After; another user is unaffected', async () => {
      const request = (token: string) => () =>
        api(stack, token).post('/api/reports').send({ kind: 'directory', params: {} });
      const n = LIMITS.RATE_LIMIT_REPORTS_PER_MINUTE;
      expect(await statusesOf(n, request(tokens.delegate))).toEqual(Array(n).fill(202));
      expectRefusedForAMinute(await request(tokens.delegate)());
      expect((await request(tokens.officer)()).status).toBe(202);
    });

    it('funding exports: CSV and XLSX count together; another user is unaffected', async () => {
      const calls = (await api(stack, tokens.auditor).get('/api/calls')).body.items as { id: string }[];
      const file = (token: string, format: string) => () =>
        api(stack, token).get(`/api/exports/funding.${format}?callId=${calls[0].id}`);
      expect(await statusesOf(2, file(tokens.auditor, 'csv'))).toEqual([200, 200]);
      expect((await file(tokens.auditor, 'xlsx')()).status).toBe(200);
      expectRefusedForAMinute(await file(tokens.auditor, 'csv')());
      expectRefusedForAMinute(await file(tokens.auditor, 'xlsx')());
      expect((await file(tokens.admin, 'csv')()).status).toBe(200);
    });

    it('audit chain verification: past the limit, 429 for that user only', async () => {
      const verify = (token: string) => () => api(stack, token).get('/api/audit-events/verify');
      const n = LIMITS.RATE_LIMIT_AUDIT_VERIFY_PER_MINUTE;
      expect(await statusesOf(n, verify(tokens.auditor))).toEqual(Array(n).fill(200));
      expectRefusedForAMinute(await verify(tokens.auditor)());
      expect((await verify(tokens.admin)()).status).toBe(200);
    });

    it('CSV imports: past the limit, 429 for that user only', async () => {
      const header = 'id;version;axe;titre;pilote;departements;statut;avancement;commentaire';
      const importing = (token: string) => () => api(stack, token).post('/api/actions/import').send({ csv: header });
      const n = LIMITS.RATE_LIMIT_IMPORTS_PER_MINUTE;
      expect(await statusesOf(n, importing(tokens.referent34))).toEqual(Array(n).fill(200));
      expectRefusedForAMinute(await importing(tokens.referent34)());
      expect((await importing(tokens.officer)()).status).toBe(200);
    });

    it('routes without a limit are not counted', async () => {
      const n = LIMITS.RATE_LIMIT_REPORTS_PER_MINUTE + 2;
      const reads = await statusesOf(n, () => api(stack, tokens.delegate).get('/api/reports'));
      expect(reads).toEqual(Array(n).fill(200));
    });
  });

  describe('CSV import caps', () => {
    /** Referent 31's actions of the demo roadmap, as exported, and the first one's row. */
    const exported = async () => {
      const res = await api(stack, tokens.referent31).get('/api/actions/export.csv?departmentCode=31&year=2022');
      const [header, first] = (res.text as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      return { header, first, id: first.split(';')[0] };
    };
    const versionOf = async (id: string) =>
      (await api(stack, tokens.referent31).get(`/api/actions/${id}`)).body.version as number;

    it('a file over the size cap → 413 naming the cap, nothing applied', async () => {
      const { header, first, id } = await exported();
      const before = await versionOf(id);
      const row = first.split(';').slice(0, 6).join(';') + `;in_progress;50;${'x'.repeat(LIMITS.IMPORT_CSV_MAX_BYTES)}`;
      const res = await api(stack, tokens.referent31)
        .post('/api/actions/import')
        .send({ csv: `${header}\r\n${row}` });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(res.body.message).toMatch(new RegExp(`^csv : .*au plus ${LIMITS.IMPORT_CSV_MAX_BYTES}$`));
      expect(await versionOf(id)).toBe(before);
    });

    it('more rows than the cap → 400 naming the field and the cap, nothing applied', async () => {
      const { header, first, id } = await exported();
      const before = await versionOf(id);
      const row = first.split(';').slice(0, 6).join(';') + ';in_progress;60;';
      const rows = Array(LIMITS.IMPORT_CSV_MAX_ROWS + 1).fill(row);
      const res = await api(stack, tokens.referent31)
        .post('/api/actions/import')
        .send({ csv: [header, ...rows].join('\r\n') });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(
        new RegExp(`^csv : ${rows.length} lignes .*au plus ${LIMITS.IMPORT_CSV_MAX_ROWS}$`),
      );
      expect(await versionOf(id)).toBe(before);
    });
  });

  describe("the caller's x-request-id", () => {
    const newestLoginRequestId = async () =>
      (await stack.db.query(`SELECT request_id FROM audit_event WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`))
        .rows[0].request_id as string;
    const loginWith = (requestId: string) =>
      api(stack)
        .post('/api/auth/login')
        .set('x-request-id', requestId)
        .send({ email: DEMO.member, password: DEMO_PASSWORD });

    it('is kept, in the response header and the audit row, when short and plain', async () => {
      const res = await loginWith('support-ticket_42.a');
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toBe('support-ticket_42.a');
      expect(await newestLoginRequestId()).toBe('support-ticket_42.a');
    });

    it.each([
      ['too long', 'a'.repeat(65)],
      ['quotes and a semicolon', `x"'; DROP TABLE audit_event; --`],
      ['spaces', 'forged entry for admin'],
      ['a colon', 'level:error'],
      ['non-ASCII characters', 'r\u00e9sum\u00e9-\u00ff'],
    ])(
      'with %s never reaches the audit row nor the response header: a fresh id replaces it',
      async (_what, hostile) => {
        const res = await loginWith(hostile);
        expect(res.status).toBe(200);
        const echoed = res.headers['x-request-id'];
        expect(echoed).not.toBe(hostile);
        expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(await newestLoginRequestId()).toBe(echoed);
      },
    );
  });
});
