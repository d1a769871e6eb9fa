import type { Response } from 'supertest';
import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

/** Status and body together, so that a failed expectation shows what the api answered. */
const expectStatus = (res: Response, status: number, code?: string) =>
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status, ...(code && { body: { code } }) });

/**
 * An application returned for changes is corrected through PATCH /api/projects/:id (by the regional
 * team, at the version read, with its departments' shares) and deposited again; the audit trail keeps
 * the difference, and the funding figures split the grant by the declared shares.
 */
describe('application edit and resubmission', () => {
  let stack: Stack;
  let officer: string;
  let delegate: string;
  let referent31: string;
  let auditor: string;

  beforeAll(async () => {
    stack = await Stack.start('application-edit', { worker: false });
    [officer, delegate, referent31, auditor] = await Promise.all(
      [DEMO.officer, DEMO.delegate, DEMO.referent31, DEMO.auditor].map((e) => login(stack, e)),
    );
  });
  afterAll(() => stack.stop());

  const move = async (token: string, id: string, to: string, comment?: string) => {
    const res = await api(stack, token).post(`/api/projects/${id}/transitions`).send({ to, comment });
    expectStatus(res, 200);
    return res.body as { version: number; status: string; canEdit: boolean };
  };

  it('edits a returned application, refuses what does not fit, and the deposited one funds each department by its share', async () => {
    const call = await api(stack, officer)
      .post('/api/calls')
      .send({
        title: 'AMI corrections',
        year: 2026,
        fundingSource: 'FIR',
        envelopeCents: 50_000_000,
        opensOn: '2026-01-01',
        closesOn: '2099-12-31',
        axes: [{ code: 'A1', label: 'Axe 1' }],
      });
    expectStatus(call, 201);
    const created = await api(stack, officer)
      .post('/api/projects')
      .send({
        callId: call.body.id,
        axisCode: 'A1',
        title: 'Maraudes',
        holder: { name: 'Association', kind: 'association' },
        departmentCodes: ['31', '34'],
        targetPublics: ['young_people'],
        levers: [1],
        requestedCents: 2_000_000,
      });
    expectStatus(created, 201);
    const id = created.body.id as string;
    await move(officer, id, 'submitted');
    await move(officer, id, 'under_review');
    const returned = await move(officer, id, 'returned_for_changes', 'Précisez le budget');
    expect(returned.canEdit).toBe(true);

    const edit = (token: string, body: object) => api(stack, token).patch(`/api/projects/${id}`).send(body);
    const shares = [
      { departmentCode: '31', shareBp: 8000 },
      { departmentCode: '34', shareBp: 2000 },
    ];
    expectStatus(await edit(referent31, { version: returned.version, title: 'Non' }), 403);
    expectStatus(await edit(auditor, { version: returned.version, title: 'Non' }), 403);
    expectStatus(await edit(officer, { version: returned.version, color: 'bleu' }), 400);
    expectStatus(
      await edit(officer, {
        version: returned.version,
        holder: { name: 'A', kind: 'association', siret: '12345678901234' },
      }),
      400,
    );
    expectStatus(
      await edit(officer, { version: returned.version, departmentShares: [{ departmentCode: '31', shareBp: 8000 }] }),
      400,
      'project.department_shares',
    );
    expectStatus(await edit(officer, { version: returned.version - 1, title: 'Vieux' }), 409, 'project.stale_version');

    const edited = await edit(officer, {
      version: returned.version,
      title: 'Maraudes corrigées',
      holder: { name: 'Association', kind: 'association', siret: '73282932000074' },
      departmentShares: shares,
      budgetLines: [{ label: 'Animation', amountCents: 2_000_000 }],
    });
    expectStatus(edited, 200);
    expect(edited.body).toMatchObject({
      status: 'returned_for_changes',
      version: returned.version + 1,
      title: 'Maraudes corrigées',
      holder: { siret: '73282932000074' },
      departmentShares: shares,
      budgetLines: [{ label: 'Animation', amountCents: 2_000_000 }],
      allowedTransitions: expect.arrayContaining(['submitted']),
    });

    const trail = await api(stack, auditor).get(`/api/audit-events?entityType=project&entityId=${id}`);
    const update = (trail.body.items as { action: string; before: object; after: object }[]).find(
      (e) => e.action === 'project.update',
    );
    expect(update).toMatchObject({
      before: { title: 'Maraudes', departmentShares: [] },
      after: { title: 'Maraudes corrigées', departmentShares: shares },
    });

    const resubmitted = await move(officer, id, 'submitted');
    expect(resubmitted.canEdit).toBe(false);
    expectStatus(
      await edit(officer, { version: resubmitted.version, title: 'Trop tard' }),
      409,
      'project.not_editable',
    );
    await move(officer, id, 'under_review');
    await move(delegate, id, 'selected');
    expectStatus(await api(stack, delegate).post(`/api/projects/${id}/grant`).send({ amountCents: 1_000_000 }), 201);
    const funding = await api(stack, auditor).get(`/api/calls/${call.body.id}/funding`);
    expect(funding.body.byDepartment).toEqual([
      expect.objectContaining({ code: '31', committedCents: 800_000 }),
      expect.objectContaining({ code: '34', committedCents: 200_000 }),
    ]);
  });
});
