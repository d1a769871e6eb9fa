import ExcelJS from 'exceljs';
import { PAYMENT_KIND_LABELS, PROJECT_STATUS_LABELS } from '@app/vocabulary';
import { api, binary, DEMO, login, until } from './support/http';
import { demoCallId } from './support/factories';
import { pdfText } from './support/pdf-text';
import { Stack } from './support/stack';

type Report = { id: string; status: string; dataSha256?: string; fileSha256?: string };

describe('funding report and the demo 2021 AMI', () => {
  let stack: Stack;
  let auditor: string;
  let callId: string;

  const report = async (token: string) => {
    const res = await api(stack, token).post('/api/reports').send({ kind: 'funding', params: { callId } });
    expect(res.status).toBe(202);
    return until(
      async (): Promise<Report> => (await api(stack, token).get(`/api/reports/${res.body.id}`)).body,
      (r) => r.status === 'done' || r.status === 'failed',
    );
  };
  const download = async (token: string, id: string) =>
    (await api(stack, token).get(`/api/reports/${id}/file`).buffer(true).parse(binary)).body as Buffer;

  beforeAll(async () => {
    stack = await Stack.start('funding');
    auditor = await login(stack, DEMO.auditor);
    callId = await demoCallId(stack, auditor);
  });
  afterAll(() => stack.stop());

  it('holds the 2021 AMI: 1.7 M€, four axes, 16 funded projects', async () => {
    const funding = (await api(stack, auditor).get(`/api/calls/${callId}/funding`)).body;
    expect(funding).toMatchObject({ envelopeCents: 170_000_000, committedCents: 170_000_000, remainingCents: 0 });
    expect(funding.byAxis.map((a: { code: string }) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    const sumDepartments = funding.byDepartment.reduce(
      (s: number, d: { committedCents: number }) => s + d.committedCents,
      0,
    );
    expect(sumDepartments).toBe(funding.committedCents);
    const projects = (await api(stack, auditor).get(`/api/projects?callId=${callId}&limit=200`)).body;
    expect(projects.total).toBe(16);
  });

  it('renders a PDF whose totals reconcile with the ledger and which states its data hash', async () => {
    const done = await report(auditor);
    expect(done.status).toBe('done');
    const text = await pdfText(await download(auditor, done.id));
    const { rows } = await stack.db.query(
      `SELECT (SELECT sum(amount_cents) FROM "grant" WHERE call_id = $1)::bigint AS committed,
              (SELECT sum(p.amount_cents) FROM payment p JOIN "grant" g ON g.id = p.grant_id WHERE g.call_id = $1)::bigint AS paid`,
      [callId],
    );
    const euros = (cents: string) =>
      new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(Number(cents) / 100);
    const flat = text.replace(/\s/g, ' ');
    expect(flat).toContain(euros(rows[0].committed).replace(/\s/g, ' '));
    expect(flat).toContain(euros(rows[0].paid).replace(/\s/g, ' '));
    expect(text).toContain(done.dataSha256!);
    expect(text).toContain('Par département');
  });

  it('gives the same data hash for the same data, and another once the ledger changes', async () => {
    const first = await report(auditor);
    const delegate = await login(stack, DEMO.delegate);
    const again = await report(delegate);
    expect(again.dataSha256).toBe(first.dataSha256);
    const officer = await login(stack, DEMO.officer);
    const grant = (
      await stack.db.query(
        `SELECT g.id FROM "grant" g WHERE g.call_id = $1 AND g.amount_cents > (SELECT COALESCE(sum(amount_cents), 0) FROM payment WHERE grant_id = g.id) LIMIT 1`,
        [callId],
      )
    ).rows[0].id;
    expect(
      (
        await api(stack, officer)
          .post(`/api/grants/${grant}/payments`)
          .send({ amountCents: 100, kind: 'installment', paidOn: '2024-02-01' })
      ).status,
    ).toBe(201);
    const changed = await report(auditor);
    expect(changed.dataSha256).not.toBe(first.dataSha256);
  });

  it('is refused to whoever cannot read funding', async () => {
    const member = await login(stack, DEMO.member);
    const res = await api(stack, member).post('/api/reports').send({ kind: 'funding', params: { callId } });
    expect(res.status).toBe(403);
  });

  it('exports the ledger as a workbook, one sheet per view, with the CSV’s rows', async () => {
    const xlsx = await api(stack, auditor).get(`/api/exports/funding.xlsx?callId=${callId}`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Synthèse',
      'Par axe',
      'Par département',
      'Versements et restes à verser',
    ]);
    const csv = await api(stack, auditor).get(`/api/exports/funding.csv?callId=${callId}`);
    const csvRows = (csv.text as string).trim().split('\r\n').length - 1;
    expect(workbook.getWorksheet('Versements et restes à verser')!.rowCount - 1).toBe(csvRows);
    expect(
      (await api(stack, await login(stack, DEMO.referent31)).get(`/api/exports/funding.xlsx?callId=${callId}`)).status,
    ).toBe(403);
  });

  it('says payment kinds and project statuses with the screens’ words in the PDF, the CSV and the workbook', async () => {
    const { rows: kinds } = await stack.db.query(
      `SELECT DISTINCT p.kind FROM payment p JOIN "grant" g ON g.id = p.grant_id WHERE g.call_id = $1`,
      [callId],
    );
    const words = kinds.map((k: { kind: keyof typeof PAYMENT_KIND_LABELS }) => PAYMENT_KIND_LABELS[k.kind]).sort();
    expect(words).toContain('Avance');

    const csv = (await api(stack, auditor).get(`/api/exports/funding.csv?callId=${callId}`)).text as string;
    const csvKinds = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';').at(-4));
    expect([...new Set(csvKinds.filter(Boolean))].sort()).toEqual(words);

    const xlsx = await api(stack, auditor).get(`/api/exports/funding.xlsx?callId=${callId}`).buffer(true).parse(binary);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    const ledger = workbook.getWorksheet('Versements et restes à verser')!;
    const xlsxKinds = new Set<string>();
    ledger.eachRow((row, n) => n > 1 && row.getCell(8).text && xlsxKinds.add(row.getCell(8).text));
    expect([...xlsxKinds].sort()).toEqual(words);

    const flat = (await pdfText(await download(auditor, (await report(auditor)).id))).replace(/\s+/g, ' ');
    for (const word of words) expect(flat).toContain(word);
    const projects = (await api(stack, auditor).get(`/api/projects?callId=${callId}&limit=200`)).body.items as {
      status: keyof typeof PROJECT_STATUS_LABELS;
    }[];
    for (const { status } of projects) expect(flat).toContain(PROJECT_STATUS_LABELS[status]);
  });

  it('moves calls through their statuses: draft → open → closed → decided', async () => {
    expect((await api(stack, auditor).get(`/api/calls/${callId}`)).body.status).toBe('decided');
    const officer = await login(stack, DEMO.officer);
    const created = await api(stack, officer)
      .post('/api/calls')
      .send({
        title: 'AMI 2027',
        year: 2027,
        fundingSource: 'FIR',
        envelopeCents: 1000,
        opensOn: '2027-01-01',
        closesOn: '2027-03-01',
        axes: [{ code: 'A', label: 'A' }],
      });
    expect(created.body.status).toBe('open');
    const early = await api(stack, officer).post(`/api/calls/${created.body.id}/transitions`).send({ to: 'decided' });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/allowed: closed/);
    expect(
      (await api(stack, officer).post(`/api/calls/${created.body.id}/transitions`).send({ to: 'closed' })).body.status,
    ).toBe('closed');
    expect(
      (
        await api(stack, await login(stack, DEMO.referent31))
          .post(`/api/calls/${created.body.id}/transitions`)
          .send({ to: 'decided' })
      ).status,
    ).toBe(403);
  });
});
