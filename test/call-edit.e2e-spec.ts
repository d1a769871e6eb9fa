import type { Response } from 'supertest';
import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

type Call = {
  id: string;
  title: string;
  status: string;
  version: number;
  closesOn: string;
  envelopeCents: number;
  axes: { code: string; label: string; envelopeCents: number | null }[];
  allowedTransitions: string[];
  commentRequiredFor: string[];
  acceptsApplications: boolean;
  closingDayPassed: boolean;
  acceptsGrants: boolean;
  canEdit: boolean;
  canAddProject: boolean;
};

/** Status and body together, so that a failed expectation shows what the api answered. */
const expectStatus = (res: Response, status: number, code?: string) =>
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({
    status,
    ...(code && { body: expect.objectContaining({ code }) }),
  });

/**
 * A call is edited by the regional team at the version read (axes in use and committed money kept), and its
 * state gates the work: no new application once it is closed (the closing day only says so), no grant
 * while it is closed until the delegate reopens it, saying why.
 */
describe('call edit and the gates of a call’s state', () => {
  let stack: Stack;
  let officer: string;
  let delegate: string;
  let referent31: string;
  let auditor: string;

  const newCall = async (fields: Record<string, unknown> = {}): Promise<Call> => {
    const res = await api(stack, officer)
      .post('/api/calls')
      .send({
        title: 'AMI à modifier',
        year: 2026,
        fundingSource: 'FIR',
        envelopeCents: 100_000,
        opensOn: '2026-01-15',
        closesOn: '2099-12-31',
        axes: [
          { code: 'A', label: 'Santé mentale', envelopeCents: 60_000 },
          { code: 'B', label: 'Accès aux soins' },
        ],
        ...fields,
      });
    expectStatus(res, 201);
    return res.body as Call;
  };
  const getCall = async (token: string, id: string) => (await api(stack, token).get(`/api/calls/${id}`)).body as Call;
  const edit = (token: string, id: string, body: Record<string, unknown>) =>
    api(stack, token).patch(`/api/calls/${id}`).send(body);
  const move = (token: string, id: string, to: string, comment?: string) =>
    api(stack, token)
      .post(`/api/calls/${id}/transitions`)
      .send({ to, ...(comment && { comment }) });
  const newProject = (callId: string, axisCode = 'A', requestedCents = 10_000) =>
    api(stack, officer)
      .post('/api/projects')
      .send({
        callId,
        axisCode,
        title: 'Projet',
        holder: { name: 'Asso', kind: 'association' },
        departmentCodes: ['31'],
        targetPublics: [],
        levers: [1],
        requestedCents,
      });
  const moveProject = async (id: string, ...steps: [string, string][]) => {
    for (const [token, to] of steps)
      expectStatus(await api(stack, token).post(`/api/projects/${id}/transitions`).send({ to }), 200);
  };
  const selected = async (callId: string, axisCode = 'A', requestedCents = 10_000) => {
    const project = await newProject(callId, axisCode, requestedCents);
    expectStatus(project, 201);
    await moveProject(project.body.id, [officer, 'submitted'], [officer, 'under_review'], [delegate, 'selected']);
    return project.body.id as string;
  };
  const grant = (projectId: string, amountCents: number) =>
    api(stack, delegate).post(`/api/projects/${projectId}/grant`).send({ amountCents });

  beforeAll(async () => {
    stack = await Stack.start('call_edit', { worker: false });
    const tokens = await Promise.all(
      [DEMO.officer, DEMO.delegate, DEMO.referent31, DEMO.auditor].map((email) => login(stack, email)),
    );
    [officer, delegate, referent31, auditor] = tokens;
  });
  afterAll(() => stack.stop());

  it('edits a call at the version read, axes replaced whole, and audits it before and after', async () => {
    const call = await newCall();
    expect(call).toMatchObject({ version: 1, canEdit: true, acceptsApplications: true, canAddProject: true });

    const res = await edit(officer, call.id, {
      version: 1,
      title: 'AMI modifié',
      envelopeCents: 150_000,
      closesOn: '2099-06-30',
      axes: [
        { code: 'A', label: 'Santé mentale des jeunes', envelopeCents: 70_000 },
        { code: 'B', label: 'Accès aux soins' },
        { code: 'C', label: 'Littératie en santé', envelopeCents: 30_000 },
      ],
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      title: 'AMI modifié',
      fundingSource: 'FIR',
      envelopeCents: 150_000,
      opensOn: '2026-01-15',
      closesOn: '2099-06-30',
      version: 2,
      axes: [
        { code: 'A', label: 'Santé mentale des jeunes', envelopeCents: 70_000 },
        { code: 'B', label: 'Accès aux soins', envelopeCents: null },
        { code: 'C', label: 'Littératie en santé', envelopeCents: 30_000 },
      ],
    });

    const stale = await edit(delegate, call.id, { version: 1, title: 'Trop tard' });
    expectStatus(stale, 409, 'call.stale_version');
    expect((await getCall(auditor, call.id)).title).toBe('AMI modifié');

    const events = (await api(stack, auditor).get(`/api/audit-events?entityType=call&entityId=${call.id}`)).body
      .items as { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    const update = events.find((e) => e.action === 'call.update')!;
    expect(update.before).toMatchObject({ title: 'AMI à modifier', envelopeCents: 100_000, version: 1 });
    expect(update.after).toMatchObject({ title: 'AMI modifié', envelopeCents: 150_000, version: 2 });
    expect((update.after.axes as unknown[]).length).toBe(3);
  });

  it('refuses an edit that breaks the call: dates, axes in use, envelopes below what is committed', async () => {
    const call = await newCall();
    expectStatus(await edit(officer, call.id, { version: 1, closesOn: '2026-01-14' }), 400, 'call.dates');
    expectStatus(await edit(officer, call.id, { version: 1, envelopeCents: 50_000 }), 400, 'call.axes_over_envelope');

    const projectId = await selected(call.id, 'A', 40_000);
    expectStatus(await grant(projectId, 40_000), 201);
    const removed = await edit(officer, call.id, { version: 1, axes: [{ code: 'B', label: 'Accès aux soins' }] });
    expectStatus(removed, 409, 'call.axis_in_use');
    expect(removed.body.details).toEqual({ axes: ['A'] });
    const axisBelow = await edit(officer, call.id, {
      version: 1,
      axes: [
        { code: 'A', label: 'Santé mentale', envelopeCents: 39_999 },
        { code: 'B', label: 'Accès aux soins' },
      ],
    });
    expectStatus(axisBelow, 409, 'call.envelope_below_committed');
    const callBelow = await edit(officer, call.id, {
      version: 1,
      envelopeCents: 39_999,
      axes: [
        { code: 'A', label: 'Santé mentale' },
        { code: 'B', label: 'Accès aux soins' },
      ],
    });
    expectStatus(callBelow, 409, 'call.envelope_below_committed');
    // An axis no project applies to goes; the committed envelope stays as it is.
    const kept = await edit(officer, call.id, { version: 1, axes: [{ code: 'A', label: 'Santé mentale' }] });
    expectStatus(kept, 200);
    expect(kept.body.axes).toEqual([{ code: 'A', label: 'Santé mentale', envelopeCents: null }]);
  });

  it('lets only the regional team edit a call, and says so in the call it sends', async () => {
    const call = await newCall();
    for (const token of [referent31, auditor]) {
      expectStatus(await edit(token, call.id, { version: 1, title: 'Non' }), 403);
      expect(await getCall(token, call.id)).toMatchObject({ canEdit: false, canAddProject: false });
    }
    expect((await getCall(officer, call.id)).version).toBe(1);
  });

  it('takes no new application once the call is closed, and grants nothing until the delegate reopens it', async () => {
    const call = await newCall();
    const draft = (await newProject(call.id)).body.id as string;
    const projectId = await selected(call.id);

    const closed = await move(officer, call.id, 'closed');
    expectStatus(closed, 200);
    expect(closed.body).toMatchObject({
      allowedTransitions: ['decided'],
      acceptsApplications: false,
      acceptsGrants: false,
      canAddProject: false,
    });
    expect(await getCall(delegate, call.id)).toMatchObject({
      allowedTransitions: ['decided', 'open'],
      commentRequiredFor: ['open'],
    });

    expectStatus(await newProject(call.id), 409, 'call.closed_to_applications');
    const submitted = await api(stack, officer).post(`/api/projects/${draft}/transitions`).send({ to: 'submitted' });
    expectStatus(submitted, 409, 'call.closed_to_applications');
    expect((await api(stack, officer).get(`/api/projects/${projectId}`)).body.canGrant).toBe(false);
    expectStatus(await grant(projectId, 10_000), 409, 'call.closed_to_grants');
    expect((await api(stack, auditor).get(`/api/calls/${call.id}/funding`)).body.committedCents).toBe(0);

    expectStatus(await move(officer, call.id, 'open', 'Oubli'), 403);
    expectStatus(await move(delegate, call.id, 'open'), 400, 'call.comment_required');
    const reopened = await move(delegate, call.id, 'open', 'Deux dossiers arrivés par courrier avant la date');
    expectStatus(reopened, 200);
    expect(reopened.body).toMatchObject({ status: 'open', acceptsApplications: true, acceptsGrants: true });
    const events = (await api(stack, auditor).get(`/api/audit-events?entityType=call&entityId=${call.id}`)).body.items;
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'call.transition',
        before: { status: 'closed' },
        after: { status: 'open', comment: 'Deux dossiers arrivés par courrier avant la date' },
      }),
    );

    expect((await api(stack, officer).get(`/api/projects/${projectId}`)).body.canGrant).toBe(false);
    expect((await api(stack, delegate).get(`/api/projects/${projectId}`)).body.canGrant).toBe(true);
    expectStatus(await grant(projectId, 10_000), 201);
    await moveProject(draft, [officer, 'submitted']);
  });

  it('still takes the files received by the closing day while the call is open, and says the day has passed', async () => {
    const call = await newCall({ opensOn: '2020-01-01', closesOn: '2020-12-31' });
    expect(call).toMatchObject({
      status: 'open',
      acceptsApplications: true,
      closingDayPassed: true,
      canAddProject: true,
    });
    expectStatus(await newProject(call.id), 201);
    // The delegate's closing ends the entry.
    expectStatus(await move(officer, call.id, 'closed'), 200);
    const refused = await newProject(call.id);
    expectStatus(refused, 409, 'call.closed_to_applications');
    expect(refused.body.details).toEqual({ status: 'closed', closesOn: '2020-12-31' });
  });

  it('no longer edits a decided call', async () => {
    const call = await newCall();
    expectStatus(await move(officer, call.id, 'closed'), 200);
    expectStatus(await move(officer, call.id, 'decided'), 200);
    const decided = await getCall(officer, call.id);
    expect(decided).toMatchObject({ canEdit: false, acceptsGrants: true });
    expectStatus(await edit(officer, call.id, { version: decided.version, title: 'Non' }), 409, 'call.not_editable');
  });

  it('ranks the projects under review against what remains of each axis', async () => {
    const call = await newCall();
    const granted = await selected(call.id, 'A', 30_000);
    expectStatus(await grant(granted, 30_000), 201);
    for (const amount of [20_000, 20_000]) {
      const project = await newProject(call.id, 'A', amount);
      await moveProject(project.body.id, [officer, 'submitted'], [officer, 'under_review']);
    }
    const ranking = await api(stack, auditor).get(`/api/calls/${call.id}/ranking`);
    expectStatus(ranking, 200);
    expect(ranking.body.axes).toEqual([
      { code: 'A', label: 'Santé mentale', envelopeCents: 60_000, committedCents: 30_000, remainingCents: 30_000 },
      { code: 'B', label: 'Accès aux soins', envelopeCents: null, committedCents: 0, remainingCents: null },
    ]);
    expect(ranking.body.items.map((l: { withinAxisEnvelope: boolean }) => l.withinAxisEnvelope)).toEqual([true, false]);
  });
});
