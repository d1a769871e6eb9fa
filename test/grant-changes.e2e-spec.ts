import { grantedProject } from './support/factories';
import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

describe('grant reduction and cancellation', () => {
  let stack: Stack;
  let officer: string;
  let delegate: string;
  let callId: string;

  const selectedProjectWithGrant = (amountCents: number) =>
    grantedProject(stack, { officer, delegate }, callId, amountCents);
  const committed = async () =>
    (await api(stack, delegate).get(`/api/calls/${callId}/funding`)).body.committedCents as number;

  beforeAll(async () => {
    stack = await Stack.start('grants', { worker: false });
    officer = await login(stack, DEMO.officer);
    delegate = await login(stack, DEMO.delegate);
    callId = (
      await api(stack, officer)
        .post('/api/calls')
        .send({
          title: 'AMI',
          year: 2026,
          fundingSource: 'FIR',
          envelopeCents: 100_000,
          opensOn: '2026-01-01',
          closesOn: '2099-12-31',
          axes: [{ code: 'A', label: 'A' }],
        })
    ).body.id;
  });
  afterAll(() => stack.stop());

  it('reduces a grant, never below what was paid, at the version read', async () => {
    const grant = await selectedProjectWithGrant(50_000);
    expect(
      (
        await api(stack, officer)
          .post(`/api/grants/${grant.id}/payments`)
          .send({ amountCents: 20_000, kind: 'advance', paidOn: '2026-03-01' })
      ).status,
    ).toBe(201);
    const below = await api(stack, delegate)
      .patch(`/api/grants/${grant.id}`)
      .send({ amountCents: 10_000, version: grant.version, reason: 'activité réduite' });
    expect(below.status).toBe(409);
    const reduced = await api(stack, delegate)
      .patch(`/api/grants/${grant.id}`)
      .send({ amountCents: 30_000, version: grant.version, reason: 'activité réduite' });
    expect(reduced.status).toBe(200);
    expect(reduced.body).toMatchObject({ amountCents: 30_000, paidCents: 20_000, version: grant.version + 1 });
    const stale = await api(stack, delegate)
      .patch(`/api/grants/${grant.id}`)
      .send({ amountCents: 25_000, version: grant.version, reason: 'x' });
    expect(stale.status).toBe(409);
    expect(
      (
        await api(stack, officer)
          .patch(`/api/grants/${grant.id}`)
          .send({ amountCents: 25_000, version: 2, reason: 'x' })
      ).status,
    ).toBe(403);
    expect(await committed()).toBe(30_000);
  });

  it('cancels a grant with a reason: paid money stays, the rest returns to the envelope', async () => {
    const before = await committed();
    const grant = await selectedProjectWithGrant(40_000);
    await api(stack, officer)
      .post(`/api/grants/${grant.id}/payments`)
      .send({ amountCents: 5_000, kind: 'advance', paidOn: '2026-03-01' });
    expect(
      (await api(stack, delegate).post(`/api/grants/${grant.id}/cancel`).send({ version: grant.version })).status,
    ).toBe(400);
    const cancelled = await api(stack, delegate)
      .post(`/api/grants/${grant.id}/cancel`)
      .send({ version: grant.version, reason: 'porteur en liquidation' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'porteur en liquidation' });
    expect(await committed()).toBe(before + 5_000);
    expect(
      (
        await api(stack, officer)
          .post(`/api/grants/${grant.id}/payments`)
          .send({ amountCents: 1, kind: 'balance', paidOn: '2026-04-01' })
      ).status,
    ).toBe(409);
    const csv = await api(stack, await login(stack, DEMO.auditor)).get(`/api/exports/funding.csv?callId=${callId}`);
    const lines = (csv.text as string)
      .trim()
      .split('\r\n')
      .slice(1)
      .filter((l) => l.includes(grant.id));
    expect(lines.map((l) => l.split(';')[9])).toEqual(['versement']);
    const audit = await api(stack, await login(stack, DEMO.auditor)).get(
      `/api/audit-events?entityType=grant&entityId=${grant.id}`,
    );
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['grant.cancel', 'grant.create']);
  });
});
