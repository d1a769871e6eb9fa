import { api, DEMO, login } from './support/http';
import { demoCallId } from './support/factories';
import { Stack } from './support/stack';

describe('grant follow-up, budget lines and the referents’ routing', () => {
  let stack: Stack;
  let officer: string;
  let grantId: string;
  let callId: string;

  beforeAll(async () => {
    stack = await Stack.start('followup', { worker: false });
    officer = await login(stack, DEMO.officer);
    const auditor = await login(stack, DEMO.auditor);
    callId = await demoCallId(stack, auditor);
    const { rows } = await stack.db.query(
      `SELECT g.id FROM "grant" g WHERE g.call_id = $1 AND g.amount_cents > (SELECT sum(amount_cents) FROM payment WHERE grant_id = g.id) LIMIT 1`,
      [callId],
    );
    grantId = rows[0].id;
  });
  afterAll(() => stack.stop());

  it('compares the planned schedule with actual payments', async () => {
    const followUp = (await api(stack, officer).get(`/api/grants/${grantId}/follow-up`)).body;
    expect(followUp.schedule.map((t: { label: string; state: string }) => [t.label, t.state])).toEqual([
      ['Avance à la signature', 'paid'],
      ['Solde', 'overdue'],
    ]);
    expect(followUp.schedule[1].condition).toBe('à réception du bilan final');
    const tooMuch = await api(stack, officer)
      .put(`/api/grants/${grantId}/schedule`)
      .send({ tranches: [{ label: 'Tout', dueOn: '2030-01-01', amountCents: followUp.amountCents + 1 }] });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.message).toMatch(/^tranches: /);
  });

  it('records co-funders and lists the reports past due', async () => {
    const set = await api(stack, officer)
      .put(`/api/grants/${grantId}/co-funders`)
      .send({ coFunders: [{ name: 'Caisse d’allocations familiales', amountCents: 500_000 }] });
    expect(set.status).toBe(200);
    expect(set.body.coFunders).toEqual([{ name: 'Caisse d’allocations familiales', amountCents: 500_000 }]);
    const overdue = (await api(stack, officer).get(`/api/grants/overdue-reports?callId=${callId}`)).body;
    expect(overdue.total).toBeGreaterThan(0);
    expect(
      overdue.items.every((r: { kind: string; dueOn: string }) => r.kind === 'final' && r.dueOn === '2026-06-30'),
    ).toBe(true);
    const received = await api(stack, officer)
      .put(`/api/grants/${grantId}/reports`)
      .send({ reports: [{ kind: 'final', dueOn: '2026-06-30', receivedOn: '2026-07-01' }] });
    expect(received.body.reports).toEqual([
      expect.objectContaining({ kind: 'final', receivedOn: '2026-07-01', overdue: false }),
    ]);
    const after = (await api(stack, officer).get(`/api/grants/overdue-reports?callId=${callId}`)).body;
    expect(after.total).toBe(overdue.total - 1);
    const page = (await api(stack, officer).get(`/api/grants/overdue-reports?callId=${callId}&limit=1&offset=0`)).body;
    expect({ total: page.total, items: page.items.length }).toEqual({
      total: after.total,
      items: Math.min(1, after.total),
    });
    const audit = (
      await api(stack, await login(stack, DEMO.auditor)).get(`/api/audit-events?entityType=grant&entityId=${grantId}`)
    ).body;
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['grant.set_cofunders', 'grant.set_reports']),
    );
  });

  it('keeps an application’s budget lines', async () => {
    // Applications go to a call still taking them: the demo's closed to applications long ago.
    const open = await api(stack, officer)
      .post('/api/calls')
      .send({
        title: 'AMI ouvert',
        year: 2026,
        fundingSource: 'FIR',
        envelopeCents: 100_000,
        opensOn: '2026-01-01',
        closesOn: '2099-12-31',
        axes: [{ code: 'A1', label: 'Axe' }],
      })
      .expect(201);
    const created = await api(stack, officer)
      .post('/api/projects')
      .send({
        callId: open.body.id,
        axisCode: 'A1',
        title: 'Avec budget',
        holder: { name: 'Asso', kind: 'association', siret: '73282932000074' },
        departmentCodes: ['31'],
        targetPublics: [],
        levers: [1],
        requestedCents: 30_000,
        budgetLines: [
          { label: 'Personnel', amountCents: 20_000 },
          { label: 'Matériel', amountCents: 10_000 },
        ],
      });
    expect(created.status).toBe(201);
    const detail = (await api(stack, officer).get(`/api/projects/${created.body.id}`)).body;
    expect(detail.budgetLines).toEqual([
      { label: 'Personnel', amountCents: 20_000 },
      { label: 'Matériel', amountCents: 10_000 },
    ]);
    const badSiret = await api(stack, officer)
      .post('/api/projects')
      .send({
        ...{
          callId: open.body.id,
          axisCode: 'A1',
          title: 'x',
          departmentCodes: ['31'],
          targetPublics: [],
          levers: [],
          requestedCents: 1,
        },
        holder: { name: 'x', kind: 'association', siret: '73282932000075' },
      });
    expect(badSiret.status).toBe(400);
    expect(JSON.stringify(badSiret.body.message)).toMatch(/siret/);
    const badPublic = await api(stack, officer)
      .post('/api/projects')
      .send({
        callId: open.body.id,
        axisCode: 'A1',
        title: 'x',
        holder: { name: 'x', kind: 'association' },
        departmentCodes: ['31'],
        targetPublics: ['astronauts'],
        levers: [],
        requestedCents: 1,
      });
    expect(badPublic.status).toBe(400);
    expect(JSON.stringify(badPublic.body.message)).toMatch(/targetPublics must be one of: early_childhood/);
  });

  it('routes each department’s projects to its referents', async () => {
    const referent = await login(stack, DEMO.referent34);
    const mine = (await api(stack, referent).get('/api/projects?mine=true&limit=200')).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p: { departmentCodes: string[] }) => p.departmentCodes.includes('34'))).toBe(true);
  });
});
