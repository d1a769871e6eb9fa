import { api, binary, DEMO, login, until } from './support/http';
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
    const calls = (await api(stack, auditor).get('/api/calls')).body.items as { id: string; year: number }[];
    callId = calls.find((c) => c.year === 2021)!.id;
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
});
