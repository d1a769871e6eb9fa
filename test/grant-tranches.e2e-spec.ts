import { randomUUID } from 'node:crypto';
import { grantedProject } from './support/factories';
import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

interface Tranche {
  id: string;
  label: string;
  amountCents: number;
  paidCents: number;
  state: string;
}

describe('grant references set after the grant, and payments tied to planned tranches', () => {
  let stack: Stack;
  let officer: string;
  let delegate: string;
  let referent31: string;
  let referent34: string;
  let auditor: string;
  let member: string;
  let callId: string;

  const grant = (amountCents: number) => grantedProject(stack, { officer, delegate }, callId, amountCents);
  const plan = (grantId: string, tranches: object[]) =>
    api(stack, officer).put(`/api/grants/${grantId}/schedule`).send({ tranches });
  const pay = (grantId: string, body: object, token = officer) =>
    api(stack, token)
      .post(`/api/grants/${grantId}/payments`)
      .send({ kind: 'installment', paidOn: '2026-04-01', ...body });
  const moveTo = (grantId: string, paymentId: string, trancheId: string | null, token = officer) =>
    api(stack, token).put(`/api/grants/${grantId}/payments/${paymentId}/tranche`).send({ trancheId });
  /** A grant of 500 € planned in two tranches: 200 €, then 300 €. */
  const twoTranches = async () => {
    const { id } = await grant(50_000);
    const [first, second] = (
      await plan(id, [
        { label: 'Première', dueOn: '2026-03-01', amountCents: 20_000 },
        { label: 'Seconde', dueOn: '2026-09-01', amountCents: 30_000 },
      ])
    ).body.schedule as Tranche[];
    return { id, first, second };
  };
  const schedule = async (grantId: string) =>
    (await api(stack, officer).get(`/api/grants/${grantId}/follow-up`)).body.schedule as Tranche[];
  const auditActions = async (entityType: string, entityId: string) =>
    (await api(stack, auditor).get(`/api/audit-events?entityType=${entityType}&entityId=${entityId}`)).body.items.map(
      (e: { action: string }) => e.action,
    );

  beforeAll(async () => {
    stack = await Stack.start('tranches', { worker: false });
    [officer, delegate, referent31, referent34, auditor, member] = await Promise.all(
      [DEMO.officer, DEMO.delegate, DEMO.referent31, DEMO.referent34, DEMO.auditor, DEMO.member].map((email) =>
        login(stack, email),
      ),
    );
    callId = (
      await api(stack, officer)
        .post('/api/calls')
        .send({
          title: 'AMI tranches',
          year: 2026,
          fundingSource: 'FIR',
          envelopeCents: 1_000_000,
          opensOn: '2026-01-01',
          closesOn: '2026-02-01',
          axes: [{ code: 'A', label: 'A' }],
        })
    ).body.id;
  });
  afterAll(() => stack.stop());

  it('sets the EJ, the convention number and its date after the grant, at the version read, audited', async () => {
    const { id, version } = await grant(100_000);
    const references = {
      legalCommitmentNumber: '2100012345',
      conventionNumber: 'ARS-OC-2026-031',
      agreementSignedOn: '2026-03-01',
    };
    const set = await api(stack, officer)
      .put(`/api/grants/${id}/agreement`)
      .send({ version, ...references });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ ...references, version: version + 1, canEditAgreement: true });
    const stale = await api(stack, delegate)
      .put(`/api/grants/${id}/agreement`)
      .send({ version, ...references });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('grant.stale_version');

    const badFormats = await api(stack, officer)
      .put(`/api/grants/${id}/agreement`)
      .send({
        version: version + 1,
        legalCommitmentNumber: 'EJ-12',
        conventionNumber: 'ars oc',
        agreementSignedOn: '2026-02-30',
      });
    expect(badFormats.status).toBe(400);
    expect(badFormats.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'agreementSignedOn',
      'conventionNumber',
      'legalCommitmentNumber',
    ]);
    const missing = await api(stack, officer)
      .put(`/api/grants/${id}/agreement`)
      .send({ version: version + 1 });
    expect(missing.status).toBe(400);

    const cleared = await api(stack, delegate)
      .put(`/api/grants/${id}/agreement`)
      .send({
        version: version + 1,
        legalCommitmentNumber: '2100012345',
        conventionNumber: null,
        agreementSignedOn: null,
      });
    expect(cleared.body).toMatchObject({ conventionNumber: null, agreementSignedOn: null, version: version + 2 });

    for (const token of [referent31, auditor]) {
      const refused = await api(stack, token)
        .put(`/api/grants/${id}/agreement`)
        .send({ version: version + 2, ...references });
      expect(refused.status).toBe(403);
      expect((await api(stack, token).get(`/api/grants/${id}`)).body.canEditAgreement).toBe(false);
    }
    const events = (await api(stack, auditor).get(`/api/audit-events?entityType=grant&entityId=${id}`)).body.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'grant.set_agreement',
      'grant.set_agreement',
      'grant.create',
    ]);
    expect(events[1].before).toMatchObject({ legalCommitmentNumber: null, conventionNumber: null });
    expect(events[1].after).toMatchObject(references);
  });

  it('records payments on the tranche they settle, never past it, and still without a tranche', async () => {
    const { id } = await grant(100_000);
    const planned = await plan(id, [
      { label: 'Avance', dueOn: '2026-03-01', amountCents: 60_000 },
      { label: 'Solde', dueOn: '2027-06-30', amountCents: 40_000 },
    ]);
    expect(planned.status).toBe(200);
    const [advance, balance] = planned.body.schedule as Tranche[];

    const onAdvance = await pay(id, { amountCents: 30_000, kind: 'advance', trancheId: advance.id });
    expect(onAdvance.status).toBe(201);
    expect(onAdvance.body.trancheId).toBe(advance.id);
    const over = await pay(id, { amountCents: 30_001, trancheId: advance.id });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'payment.tranche_exceeded', details: { remainingCents: 30_000 } });
    const stranger = await pay(id, { amountCents: 1_000, trancheId: randomUUID() });
    expect(stranger.status).toBe(400);
    expect(stranger.body.code).toBe('payment.unknown_tranche');
    // CONTRACT.md's body, with no tranche, still records a payment.
    const untied = await pay(id, { amountCents: 5_000 });
    expect(untied.status).toBe(201);
    expect(untied.body.trancheId).toBeNull();

    expect((await schedule(id)).map((t) => [t.label, t.paidCents, t.state])).toEqual([
      ['Avance', 30_000, 'overdue'],
      ['Solde', 0, 'upcoming'],
    ]);
    const read = (await api(stack, officer).get(`/api/grants/${id}`)).body;
    expect(read.payments.map((p: { trancheId: string | null }) => p.trancheId)).toEqual([advance.id, null]);
    expect(read).toMatchObject({ paidCents: 35_000, canChangePaymentTranche: true, canAddPayment: true });

    for (const token of [referent31, auditor]) {
      expect((await pay(id, { amountCents: 1_000, trancheId: balance.id }, token)).status).toBe(403);
    }
  });

  it('changes the tranche a payment settles, within that tranche, audited', async () => {
    const { id, first, second } = await twoTranches();
    const a = (await pay(id, { amountCents: 20_000 })).body;
    const b = (await pay(id, { amountCents: 15_000, trancheId: second.id })).body;

    const moved = await moveTo(id, a.id, first.id);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: a.id, trancheId: first.id });
    const full = await moveTo(id, a.id, second.id);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'payment.tranche_exceeded', details: { remainingCents: 15_000 } });
    expect((await moveTo(id, b.id, first.id)).status).toBe(409);
    expect((await moveTo(id, b.id, null)).body.trancheId).toBeNull();
    expect((await moveTo(id, b.id, second.id)).status).toBe(200);
    expect((await moveTo(id, randomUUID(), second.id)).status).toBe(404);
    expect((await moveTo(id, a.id, randomUUID())).status).toBe(400);
    for (const token of [referent31, auditor]) expect((await moveTo(id, a.id, null, token)).status).toBe(403);

    expect((await schedule(id)).map((t) => [t.paidCents, t.state])).toEqual([
      [20_000, 'paid'],
      [15_000, expect.any(String)],
    ]);
    expect(await auditActions('payment', b.id)).toEqual([
      'payment.set_tranche',
      'payment.set_tranche',
      'payment.create',
    ]);
  });

  it('keeps a tranche that payments settle in the plan, and not below them', async () => {
    const { id, first, second } = await twoTranches();
    await pay(id, { amountCents: 10_000, trancheId: first.id });

    const dropped = await plan(id, [{ id: second.id, label: 'Seconde', dueOn: '2026-09-01', amountCents: 30_000 }]);
    expect(dropped.status).toBe(409);
    expect(dropped.body).toMatchObject({ code: 'grant.tranche_below_paid', details: { trancheId: first.id } });
    const lowered = await plan(id, [{ id: first.id, label: 'Première', dueOn: '2026-03-01', amountCents: 9_999 }]);
    expect(lowered.status).toBe(409);
    const foreign = await plan(id, [{ id: randomUUID(), label: 'X', dueOn: '2026-03-01', amountCents: 1 }]);
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('grant.unknown_tranche');

    // Reordered and reshaped, the kept tranche keeps its id and its payment.
    const replanned = await plan(id, [
      { label: 'Nouvelle', dueOn: '2026-01-15', amountCents: 5_000 },
      { id: first.id, label: 'Première (revue)', dueOn: '2026-03-01', amountCents: 10_000 },
    ]);
    expect(replanned.status).toBe(200);
    expect((replanned.body.schedule as Tranche[]).map((t) => [t.label, t.paidCents])).toEqual([
      ['Nouvelle', 0],
      ['Première (revue)', 10_000],
    ]);
    expect(replanned.body.schedule[1].id).toBe(first.id);
    expect(await auditActions('grant', id)).toContain('grant.set_schedule');
  });

  it('never lets concurrent payments pass their tranche', async () => {
    const { id } = await grant(100_000);
    const [tranche] = (await plan(id, [{ label: 'Unique', dueOn: '2026-03-01', amountCents: 25_000 }])).body
      .schedule as Tranche[];
    const results = await Promise.all(
      Array.from({ length: 6 }, () => pay(id, { amountCents: 10_000, trancheId: tranche.id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    expect((await schedule(id))[0].paidCents).toBe(20_000);
  });

  it('lets every reader of funding read a grant, and no commission member', async () => {
    const { id } = await grant(10_000);
    // DESIGN.md: a referent acts on its departments and "reads the rest" (the project, hence its grant).
    for (const token of [referent34, referent31, auditor]) {
      expect((await api(stack, token).get(`/api/grants/${id}`)).status).toBe(200);
      const followUp = await api(stack, token).get(`/api/grants/${id}/follow-up`);
      expect({ status: followUp.status, canEdit: followUp.body.canEdit }).toEqual({ status: 200, canEdit: false });
    }
    expect((await api(stack, member).get(`/api/grants/${id}`)).status).toBe(403);
    expect((await api(stack, member).get(`/api/grants/${id}/follow-up`)).status).toBe(403);
    expect((await api(stack, member).get('/api/grants/overdue-reports')).status).toBe(403);
  });

  it('pages the overdue reports in the database, the total counting them all even past the last page', async () => {
    const all = (await api(stack, referent34).get('/api/grants/overdue-reports?limit=100')).body;
    expect(all.total).toBe(all.items.length);
    const second = (await api(stack, referent34).get('/api/grants/overdue-reports?limit=2&offset=2')).body;
    expect(second).toEqual({ items: all.items.slice(2, 4), total: all.total });
    const beyond = (await api(stack, referent34).get('/api/grants/overdue-reports?limit=2&offset=1000')).body;
    expect(beyond).toEqual({ items: [], total: all.total });
  });
});
