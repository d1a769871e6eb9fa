import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { BULK_RATE_LIMITS } from './support/env';
import { api, binary, DEMO, login, until } from './support/http';
import { pdfText } from './support/pdf-text';
import { Stack } from './support/stack';

type Report = {
  id: string;
  status: string;
  fileSha256?: string;
  dataSha256?: string;
  error?: string;
  title?: string | null;
  scope?: string | null;
};

describe('reports pipeline', () => {
  let stack: Stack;
  let admin: string;
  let delegate: string;

  const request = (token: string, body: object) => api(stack, token).post('/api/reports').send(body);
  const status = async (token: string, id: string): Promise<Report> =>
    (await api(stack, token).get(`/api/reports/${id}`)).body;
  const doneOrFailed = (r: Report) => r.status === 'done' || r.status === 'failed';
  const filesOf = (id: string) => readdirSync(`${stack.env.STORAGE_DIR}/reports`).filter((f) => f.startsWith(id));
  const queueNewDirectory = async (token: string) => {
    // A new referent changes the directory's data, so the request is not a duplicate of an earlier one.
    await api(stack, admin)
      .post('/api/users')
      .send({
        email: `ref-${Date.now()}@test.fr`,
        displayName: `Réf ${Date.now()}`,
        password: 'rapports-du-membre-2026',
        roles: ['departmental_referent'],
        departmentCodes: ['48'],
      });
    const res = await request(token, { kind: 'directory', params: {} });
    expect(res.status).toBe(202);
    return res.body.id as string;
  };

  beforeAll(async () => {
    stack = await Stack.start('reports', { env: BULK_RATE_LIMITS });
    admin = await login(stack, DEMO.admin);
    delegate = await login(stack, DEMO.delegate);
  });
  afterAll(() => stack.stop());

  it('renders the directory: queued → done, a tagged PDF with every department and vacancies', async () => {
    const res = await request(delegate, { kind: 'directory', params: {} });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    const done = await until(() => status(delegate, res.body.id), doneOrFailed);
    expect(done).toMatchObject({
      status: 'done',
      fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      dataSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      // "Mes exports" names the report as its PDF does.
      title: 'Annuaire des référents départementaux ISS',
      scope: expect.stringMatching(
        /^Région Occitanie — 13 départements, \d+ poste\(s\) de référent en cours de désignation$/,
      ),
    });

    const file = await api(stack, delegate).get(`/api/reports/${res.body.id}/file`).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/application\/pdf/);
    const pdf = file.body as Buffer;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(done.fileSha256);
    const text = await pdfText(pdf);
    for (const expected of [
      done.title!,
      'Haute-Garonne',
      'Pyrénées-Orientales',
      'Lozère',
      'en cours de désignation',
      done.dataSha256!,
    ]) {
      expect(text).toContain(expected);
    }
    // The page count is drawn apart from its line (written once known): text extraction may drop the space or break the line there.
    expect(text).toMatch(/page 1 \/\s*1\b/);
    expect(pdf.toString('latin1')).toMatch(/\/StructTreeRoot/);
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(fr-FR\)/);
  });

  it('answers the same request on unchanged data with the same report', async () => {
    const first = await request(delegate, { kind: 'directory' });
    const second = await request(delegate, { kind: 'directory', params: {} });
    expect(second.body.id).toBe(first.body.id);
  });

  it('lists the caller its own reports, newest first; an admin sees everyone’s', async () => {
    const auditor = await login(stack, DEMO.auditor);
    const own = await request(auditor, { kind: 'directory' });
    const mine = (await api(stack, auditor).get('/api/reports')).body;
    expect(mine.items.map((r: Report) => r.id)).toEqual([own.body.id]);
    expect(mine.total).toBe(1);
    const all = (await api(stack, admin).get('/api/reports')).body;
    expect(all.items.map((r: Report) => r.id)).toEqual(expect.arrayContaining([own.body.id]));
    expect(all.total).toBeGreaterThan(1);
  });

  it('refuses bad requests with 400', async () => {
    expect((await request(delegate, { kind: 'horoscope' })).status).toBe(400);
    expect((await request(delegate, { kind: 'directory', params: { year: 2022 } })).status).toBe(400);
    expect((await request(delegate, { kind: 'directory', extra: true })).status).toBe(400);
    expect((await api(stack, delegate).get('/api/reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('checks params against the kind’s own params class: 400 report.params naming the field', async () => {
    for (const [body, field, rule] of [
      [{ kind: 'funding', params: { callId: 'not-an-id' } }, 'params.callId', 'isUuid'],
      [{ kind: 'funding' }, 'params.callId', 'isUuid'],
      [{ kind: 'roadmap', params: { year: '2022' } }, 'params.year', 'isInt'],
      [
        { kind: 'minutes', params: { meetingId: '00000000-0000-4000-8000-000000000000', extra: 1 } },
        'params.extra',
        'whitelistValidation',
      ],
      [{ kind: 'directory', params: { year: 2022 } }, 'params.year', 'whitelistValidation'],
    ] as const) {
      const res = await request(delegate, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'report.params' });
      expect(res.body.message).toContain(`${field}: `);
      expect(res.body.details.fields).toContainEqual({ field, constraints: expect.arrayContaining([rule]) });
    }
  });

  it('documents the body as one request per kind, told apart by `kind`', async () => {
    const doc = (await api(stack, delegate).get('/api/docs-json')).body;
    const body = doc.paths['/api/reports'].post.requestBody.content['application/json'].schema;
    expect(body.discriminator.propertyName).toBe('kind');
    expect(Object.keys(body.discriminator.mapping).sort()).toEqual(
      ['attendance_sheet', 'directory', 'equity', 'funding', 'minutes', 'notice', 'roadmap'].sort(),
    );
    expect(body.oneOf).toHaveLength(7);
    const funding = doc.components.schemas.FundingReportRequestDto;
    expect(funding.properties.params).toEqual({ $ref: '#/components/schemas/FundingReportParamsDto' });
    expect(doc.components.schemas.FundingReportParamsDto.properties.callId.format).toBe('uuid');
  });

  it('answers 409 for the file before the report is done', async () => {
    await stack.stopWorker();
    const id = await queueNewDirectory(delegate);
    const res = await api(stack, delegate).get(`/api/reports/${id}/file`);
    expect(res.status).toBe(409);
    await stack.startWorker();
    await until(() => status(delegate, id), doneOrFailed);
  });

  it('ends a report that cannot be rendered as failed, with a readable error, after its retries', async () => {
    const me = (await api(stack, delegate).get('/api/auth/me')).body;
    // Parameters the directory does not take: as if a request had been recorded by an older version.
    const { rows } = await stack.db.query(
      `INSERT INTO report (kind, params, requested_by, request_fingerprint) VALUES ('directory', '{"bogus": 1}', $1, 'x') RETURNING id`,
      [me.id],
    );
    const failed = await until(() => status(delegate, rows[0].id), doneOrFailed, 60_000, 500);
    expect(failed.status).toBe('failed');
    // A readable French message; the exception's own text ("params: … got bogus") stays in the worker log.
    expect(failed.error).toBe('Le rapport n’a pas pu être produit : paramètres invalides, refaites la demande');
    const attempts = await stack.db.query('SELECT attempts FROM report WHERE id = $1', [rows[0].id]);
    expect(attempts.rows[0].attempts).toBe(3);
  }, 90_000);

  it('deletes files past retention and keeps the row as expired', async () => {
    const id = (await request(delegate, { kind: 'directory' })).body.id;
    await until(() => status(delegate, id), doneOrFailed);
    await stack.db.query(`UPDATE report SET finished_at = now() - interval '31 days' WHERE id = $1`, [id]);
    await stack.stopWorker();
    await stack.startWorker(); // retention runs when a worker starts, then hourly
    const expired = await until(
      () => status(delegate, id),
      (r) => r.status === 'expired',
    );
    expect(expired.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    // The file goes once the row says expired (after the commit: a crash leaves an orphan file, never a
    // row pointing at nothing), a moment later on a busy machine.
    expect(
      await until(
        async () => filesOf(id),
        (files) => files.length === 0,
        5_000,
      ),
    ).toEqual([]);
    expect((await api(stack, delegate).get(`/api/reports/${id}/file`)).status).toBe(409);
  });

  it('records requests and completions in the audit trail', async () => {
    const id = (await request(delegate, { kind: 'directory' })).body.id;
    await until(() => status(delegate, id), doneOrFailed);
    const events = (await api(stack, admin).get(`/api/audit-events?entityType=report&entityId=${id}`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(events).toEqual(expect.arrayContaining(['report.request', 'report.done']));
  });
});
