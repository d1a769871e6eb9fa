import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { api, binary, DEMO, login } from './support/http';
import { Stack } from './support/stack';

type AxisInput = { code: string; label: string; envelopeCents?: number };
type Transition = { from: string; to: string; comment: string | null; actorId: string | null };
type Opinion = { id: string; projectId: string; departmentCode: string; opinion: string; comment: string };
type Project = {
  id: string;
  callId: string;
  axisCode: string;
  title: string;
  status: string;
  version: number;
  departmentCodes: string[];
  requestedCents: number;
  allowedTransitions: string[];
  opinions: Opinion[];
  history: Transition[];
};
type Payment = { id: string; grantId: string; amountCents: number; kind: string };
type Grant = { id: string; projectId: string; amountCents: number; paidCents: number; payments: Payment[] };
type AxisFunding = {
  code: string;
  envelopeCents: number | null;
  committedCents: number;
  paidCents: number;
  remainingCents: number | null;
};
type DepartmentFunding = { code: string; committedCents: number; paidCents: number };
type Funding = {
  envelopeCents: number;
  committedCents: number;
  paidCents: number;
  remainingCents: number;
  byAxis: AxisFunding[];
  byDepartment: DepartmentFunding[];
};
type AuditEvent = {
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Status and body together, so that a failed expectation shows what the api answered. */
const expectStatus = (res: Response, status: number) =>
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
/** The error message, whether the api sent one string or a list of them. */
const messageOf = (res: Response) => [res.body?.message].flat().join(' | ');
/** How many answers had each status, e.g. { 201: 20, 409: 40 }. */
const tally = (responses: Response[]) =>
  responses.reduce<Record<number, number>>((t, r) => ({ ...t, [r.status]: (t[r.status] ?? 0) + 1 }), {});
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

describe('calls for interest: projects, lifecycle, opinions, grants, payments, funding', () => {
  let stack: Stack;
  let officer: string;
  let delegate: string;
  let referent31: string;
  let referent34: string;
  let auditor: string;
  let delegateId: string;
  let officerId: string;
  /** The call of the funding figures, exported as CSV afterwards. */
  let fundingCallId: string;

  let titles = 0;
  const count = async (sql: string, params: unknown[] = []) => Number((await stack.db.query(sql, params)).rows[0].n);

  const newCall = async (envelopeCents: number, axes: AxisInput[], title = 'AMI de test') => {
    const res = await api(stack, officer).post('/api/calls').send({
      title,
      year: 2025,
      fundingSource: 'FIR',
      envelopeCents,
      opensOn: '2025-02-01',
      closesOn: '2099-12-31',
      axes,
    });
    expectStatus(res, 201);
    return res.body.id as string;
  };
  const projectInput = (callId: string, overrides: object = {}) => ({
    callId,
    axisCode: 'A1',
    title: `Projet de test n° ${++titles}`,
    holder: { name: 'Association Vivre ensemble', kind: 'association' },
    departmentCodes: ['31'],
    targetPublics: ['young_people', 'people_in_precarity'],
    levers: [1, 3],
    requestedCents: 4_500_000,
    ...overrides,
  });
  const createProject = async (callId: string, overrides: object = {}) => {
    const res = await api(stack, officer).post('/api/projects').send(projectInput(callId, overrides));
    expectStatus(res, 201);
    return res.body as Project;
  };
  const getProject = async (id: string) => {
    const res = await api(stack, officer).get(`/api/projects/${id}`);
    expectStatus(res, 200);
    return res.body as Project;
  };
  const move = (token: string, projectId: string, to: string, extra: object = {}) =>
    api(stack, token)
      .post(`/api/projects/${projectId}/transitions`)
      .send({ to, ...extra });
  const moved = async (token: string, projectId: string, to: string, extra: object = {}) => {
    const res = await move(token, projectId, to, extra);
    expectStatus(res, 200);
    expect(res.body.status).toBe(to);
    return res.body as Project;
  };
  /** Created by the officer, submitted and put under review by the officer, selected by the delegate. */
  const selectedProject = async (callId: string, overrides: object = {}) => {
    const project = await createProject(callId, overrides);
    await moved(officer, project.id, 'submitted');
    await moved(officer, project.id, 'under_review');
    return moved(delegate, project.id, 'selected');
  };
  const grant = (token: string, projectId: string, amountCents: number) =>
    api(stack, token).post(`/api/projects/${projectId}/grant`).send({ amountCents });
  const granted = async (projectId: string, amountCents: number) => {
    const res = await grant(delegate, projectId, amountCents);
    expectStatus(res, 201);
    return res.body as Grant;
  };
  const pay = (grantId: string, amountCents: number, kind = 'installment', token = officer) =>
    api(stack, token).post(`/api/grants/${grantId}/payments`).send({ amountCents, kind, paidOn: '2025-06-15' });
  const getGrant = async (id: string) => {
    const res = await api(stack, auditor).get(`/api/grants/${id}`);
    expectStatus(res, 200);
    return res.body as Grant;
  };
  const fundingOf = async (callId: string) => {
    const res = await api(stack, auditor).get(`/api/calls/${callId}/funding`);
    expectStatus(res, 200);
    return res.body as Funding;
  };
  const auditEvents = async (entityType: string, entityId: string) => {
    const res = await api(stack, auditor).get(`/api/audit-events?entityType=${entityType}&entityId=${entityId}`);
    expectStatus(res, 200);
    return res.body.items as AuditEvent[];
  };
  const transitionsOf = (projectId: string) =>
    count('SELECT count(*) AS n FROM project_transition WHERE project_id = $1', [projectId]);

  beforeAll(async () => {
    stack = await Stack.start('calls', { worker: false });
    [officer, delegate, referent31, referent34, auditor] = await Promise.all(
      [DEMO.officer, DEMO.delegate, DEMO.referent31, DEMO.referent34, DEMO.auditor].map((e) => login(stack, e)),
    );
    delegateId = (await api(stack, delegate).get('/api/auth/me')).body.id;
    officerId = (await api(stack, officer).get('/api/auth/me')).body.id;
  });
  afterAll(() => stack.stop());

  it('creates a call with its axes and reads it back; refuses bad input (400 naming the fields) and writes nothing', async () => {
    const body = {
      title: 'AMI ISS 2025 — santé des jeunes',
      year: 2025,
      fundingSource: 'FIR',
      envelopeCents: 50_000_000,
      opensOn: '2025-01-15',
      closesOn: '2099-12-31',
      axes: [
        { code: 'A1', label: 'Santé environnementale et urbanisme', envelopeCents: 20_000_000 },
        { code: 'A2', label: 'Souffrance psychosociale et santé mentale' },
      ],
    };
    const created = await api(stack, officer).post('/api/calls').send(body);
    expectStatus(created, 201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      title: body.title,
      year: 2025,
      fundingSource: 'FIR',
      envelopeCents: 50_000_000,
      opensOn: '2025-01-15',
      closesOn: '2099-12-31',
    });
    expect(created.body.axes).toEqual([
      expect.objectContaining({ code: 'A1', label: body.axes[0].label, envelopeCents: 20_000_000 }),
      expect.objectContaining({ code: 'A2', label: body.axes[1].label }),
    ]);
    expect(created.body.axes[1].envelopeCents ?? null).toBeNull();

    const read = await api(stack, auditor).get(`/api/calls/${created.body.id}`);
    expectStatus(read, 200);
    // The same call, with what each reader may do with it: the officer moves and edits it and enters its projects, the auditor only exports.
    expect(created.body).toMatchObject({ allowedTransitions: ['closed'], canSetCriteria: true, canAddProject: true });
    expect(read.body).toEqual({
      ...created.body,
      allowedTransitions: [],
      canSetCriteria: false,
      canAddProject: false,
      canEdit: false,
    });
    expectStatus(await api(stack, auditor).get(`/api/calls/${randomUUID()}`), 404);

    const before = {
      calls: await count('SELECT count(*) AS n FROM call'),
      axes: await count('SELECT count(*) AS n FROM call_axis'),
    };
    const axisOne = { code: 'A1', label: 'Axe un' };
    const cases: [string, object, RegExp][] = [
      ['negative envelope', { envelopeCents: -100 }, /envelopeCents/],
      ['fractional envelope', { envelopeCents: 1_000_000.5 }, /envelopeCents/],
      ['negative axis envelope', { axes: [{ ...axisOne, envelopeCents: -1 }] }, /axes\.0\.envelopeCents/],
      ['fractional axis envelope', { axes: [{ ...axisOne, envelopeCents: 10.25 }] }, /axes\.0\.envelopeCents/],
      [
        'axes envelopes above the call envelope',
        {
          envelopeCents: 1_000_000,
          axes: [
            { ...axisOne, envelopeCents: 600_000 },
            { code: 'A2', label: 'Axe deux', envelopeCents: 500_000 },
          ],
        },
        /axes/,
      ],
      ['closesOn before opensOn', { opensOn: '2025-05-31', closesOn: '2025-02-01' }, /closesOn/],
      ['unknown property', { budgetCents: 5 }, /budgetCents/],
    ];
    for (const [name, change, field] of cases) {
      const res = await api(stack, officer)
        .post('/api/calls')
        .send({ ...body, ...change });
      expect({ name, status: res.status, message: messageOf(res) }).toMatchObject({ name, status: 400 });
      expect({ name, message: messageOf(res) }).toEqual({ name, message: expect.stringMatching(field) });
    }
    expect({
      calls: await count('SELECT count(*) AS n FROM call'),
      axes: await count('SELECT count(*) AS n FROM call_axis'),
    }).toEqual(before);
  });

  it('creates projects (201, draft, version, integer cents), refuses bad ones without writing, and lists them with filters', async () => {
    const callId = await newCall(10_000_000, [
      { code: 'A1', label: 'Axe un', envelopeCents: 5_000_000 },
      { code: 'A2', label: 'Axe deux' },
    ]);
    const commune = (
      await stack.db.query(`SELECT insee_code FROM commune WHERE department_code = '31' ORDER BY insee_code LIMIT 1`)
    ).rows[0].insee_code as string;

    const input = projectInput(callId, {
      departmentCodes: ['34', '31'],
      communeCodes: [commune],
      requestedCents: 1_234_567,
    });
    const created = await api(stack, officer).post('/api/projects').send(input);
    expectStatus(created, 201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      callId,
      axisCode: 'A1',
      title: input.title,
      holder: { name: 'Association Vivre ensemble', kind: 'association' },
      status: 'draft',
      requestedCents: 1_234_567,
    });
    expect(Number.isInteger(created.body.version)).toBe(true);
    expect(Number.isInteger(created.body.requestedCents)).toBe(true);
    expect([...created.body.departmentCodes].sort()).toEqual(['31', '34']);
    const read = await getProject(created.body.id);
    expect(read).toMatchObject({ id: created.body.id, status: 'draft', version: created.body.version });
    expect(read.requestedCents).toBe(1_234_567);

    const unknownCommune = '75056'; // Paris: a valid INSEE code, not a commune of Occitanie
    expect(await count('SELECT count(*) AS n FROM commune WHERE insee_code = $1', [unknownCommune])).toBe(0);
    const rows = async () => ({
      projects: await count('SELECT count(*) AS n FROM project'),
      departments: await count('SELECT count(*) AS n FROM project_department'),
      communes: await count('SELECT count(*) AS n FROM project_commune'),
    });
    const before = await rows();
    const cases: [string, object, RegExp[]][] = [
      ['unknown axis', { axisCode: 'ZZ' }, [/axisCode/]],
      ['unknown department', { departmentCodes: ['31', '75'] }, [/departmentCodes/, /75/]],
      ['unknown commune', { communeCodes: [commune, unknownCommune] }, [/communeCodes/, /75056/]],
      ['negative requestedCents', { requestedCents: -1 }, [/requestedCents/]],
      ['fractional requestedCents', { requestedCents: 1234.5 }, [/requestedCents/]],
      ['unknown call', { callId: randomUUID() }, [/callId/]],
      ['unknown property', { budgetCents: 100 }, [/budgetCents/]],
    ];
    for (const [name, change, fields] of cases) {
      const res = await api(stack, officer)
        .post('/api/projects')
        .send({ ...projectInput(callId, { communeCodes: [commune] }), ...change });
      expect({ name, status: res.status, message: messageOf(res) }).toMatchObject({ name, status: 400 });
      for (const field of fields) {
        expect({ name, message: messageOf(res) }).toEqual({ name, message: expect.stringMatching(field) });
      }
    }
    expect(await rows()).toEqual(before);

    // Filters and pagination, on a call of their own.
    const listCall = await newCall(10_000_000, [
      { code: 'A1', label: 'Axe un' },
      { code: 'A2', label: 'Axe deux' },
    ]);
    const p1 = await createProject(listCall, { departmentCodes: ['31'] });
    const p2 = await createProject(listCall, { departmentCodes: ['31', '34'] });
    await moved(officer, p2.id, 'submitted');
    const p3 = await createProject(listCall, { departmentCodes: ['34'] });
    const p4 = await createProject(listCall, { departmentCodes: ['11'], axisCode: 'A2' });
    const list = async (query: string) => {
      const res = await api(stack, auditor).get(`/api/projects?${query}`);
      expectStatus(res, 200);
      return res.body as { items: Project[]; total: number };
    };
    const ids = (page: { items: Project[] }) => page.items.map((p) => p.id).sort();

    const all = await list(`callId=${listCall}`);
    expect(all.total).toBe(4);
    expect(ids(all)).toEqual([p1.id, p2.id, p3.id, p4.id].sort());
    expect(all.items.every((p) => p.callId === listCall)).toBe(true);

    const in31 = await list(`callId=${listCall}&departmentCode=31`);
    expect({ total: in31.total, ids: ids(in31) }).toEqual({ total: 2, ids: [p1.id, p2.id].sort() });
    const drafts34 = await list(`callId=${listCall}&departmentCode=34&status=draft`);
    expect({ total: drafts34.total, ids: ids(drafts34) }).toEqual({ total: 1, ids: [p3.id] });
    const submitted = await list(`callId=${listCall}&status=submitted`);
    expect({ total: submitted.total, ids: ids(submitted) }).toEqual({ total: 1, ids: [p2.id] });
    expect(submitted.items[0]).toMatchObject({ status: 'submitted', version: p2.version + 1 });

    const first = await list(`callId=${listCall}&limit=3`);
    const second = await list(`callId=${listCall}&limit=3&offset=3`);
    expect([first.items.length, first.total, second.items.length, second.total]).toEqual([3, 4, 1, 4]);
    expect([...ids(first), ...ids(second)].sort()).toEqual(ids(all));

    const everywhere34 = await list('departmentCode=34&limit=200');
    expect(everywhere34.items.length).toBeGreaterThan(0);
    expect(everywhere34.items.every((p) => p.departmentCodes.includes('34'))).toBe(true);
    const everywhereSubmitted = await list('status=submitted&limit=200');
    expect(everywhereSubmitted.items.every((p) => p.status === 'submitted')).toBe(true);
    expectStatus(await api(stack, auditor).get('/api/projects?status=pending'), 400);

    // A target public, and words from the title or the holder's name (case-insensitive, taken literally).
    const gardens = await createProject(listCall, {
      title: 'Jardins partagés à 100 % pour les aînés',
      holder: { name: 'Centre social Bagatelle', kind: 'association' },
      targetPublics: ['older_people'],
    });
    expect(ids(await list(`callId=${listCall}&targetPublic=older_people`))).toEqual([gardens.id]);
    expect(ids(await list(`callId=${listCall}&search=BAGATELLE`))).toEqual([gardens.id]);
    expect(ids(await list(`callId=${listCall}&search=%25`))).toEqual([gardens.id]);
    expect((await list(`callId=${listCall}&search=_`)).total).toBe(0);
    expect((await list(`callId=${listCall}&targetPublic=young_people`)).total).toBe(4);
    expectStatus(await api(stack, auditor).get('/api/projects?targetPublic=children'), 400);

    // The dashboard's projects by status: every status in lifecycle order, zeros included.
    const byStatus = await api(stack, auditor).get(`/api/calls/${listCall}/projects-by-status`);
    expectStatus(byStatus, 200);
    expect(byStatus.body).toHaveLength(10);
    expect(byStatus.body[0]).toEqual({ status: 'draft', count: 4 });
    expect(byStatus.body[1]).toEqual({ status: 'submitted', count: 1 });
    expect(sum(byStatus.body.map((s: { count: number }) => s.count))).toBe(5);
    expectStatus(await api(stack, auditor).get(`/api/calls/${randomUUID()}/projects-by-status`), 404);
  });

  it('walks every allowed move of the lifecycle, refuses the others (409 naming the allowed moves), keeps the history', async () => {
    const callId = await newCall(10_000_000, [{ code: 'A1', label: 'Axe un' }]);
    const p = await createProject(callId);
    expect(p.status).toBe('draft');
    let version = p.version;

    const refused = async (token: string, to: string, allowed: string[], extra: object = {}) => {
      const res = await move(token, p.id, to, extra);
      expectStatus(res, 409);
      for (const a of allowed)
        expect({ to, message: messageOf(res) }).toEqual({ to, message: expect.stringContaining(a) });
    };
    const step = async (token: string, to: string, extra: object = {}) => {
      const body = await moved(token, p.id, to, extra);
      expect(body.version).toBe(++version);
      return body;
    };

    await refused(delegate, 'selected', ['submitted', 'withdrawn']);
    // The officer never selects: refused for its role (403) before the state is looked at.
    expectStatus(await move(officer, p.id, 'selected'), 403);
    await refused(delegate, 'under_review', ['submitted', 'withdrawn']);
    await refused(officer, 'closed', ['submitted', 'withdrawn']);
    await step(officer, 'submitted');
    await refused(delegate, 'selected', ['under_review', 'withdrawn']);
    await step(officer, 'under_review');
    const noReason = await move(officer, p.id, 'returned_for_changes');
    expectStatus(noReason, 400);
    expect(messageOf(noReason)).toMatch(/comment/);
    await step(officer, 'returned_for_changes', { comment: 'Budget prévisionnel à détailler' });
    await refused(officer, 'under_review', ['submitted', 'withdrawn']);
    await step(officer, 'submitted');
    await step(officer, 'under_review');

    const byOfficer = await move(officer, p.id, 'selected');
    expectStatus(byOfficer, 403);
    expect((await getProject(p.id)).status).toBe('under_review');
    const selected = await step(delegate, 'selected');
    expect(selected.allowedTransitions).toEqual(['agreement_signed']);
    await refused(officer, 'withdrawn', ['agreement_signed']); // no withdrawal after the decision
    await refused(delegate, 'rejected', ['agreement_signed']);
    await step(officer, 'agreement_signed');
    await refused(officer, 'closed', ['in_progress']);
    await step(officer, 'in_progress');
    await step(officer, 'closed');
    await refused(officer, 'in_progress', []);

    const read = await getProject(p.id);
    expect(read).toMatchObject({ status: 'closed', version });
    expect(read.history.map((h) => [h.from, h.to])).toEqual([
      ['draft', 'submitted'],
      ['submitted', 'under_review'],
      ['under_review', 'returned_for_changes'],
      ['returned_for_changes', 'submitted'],
      ['submitted', 'under_review'],
      ['under_review', 'selected'],
      ['selected', 'agreement_signed'],
      ['agreement_signed', 'in_progress'],
      ['in_progress', 'closed'],
    ]);
    expect(read.history[2]).toMatchObject({ comment: 'Budget prévisionnel à détailler', actorId: officerId });
    expect(read.history[5]).toMatchObject({ actorId: delegateId });
    // Refused moves wrote nothing.
    expect(await transitionsOf(p.id)).toBe(9);
    const events = await auditEvents('project', p.id);
    expect(events.filter((e) => e.action === 'project.transition')).toHaveLength(9);
    expect(events.map((e) => e.action)).toContain('project.create');
  });

  it('withdraws from every state before a decision, and from none after', async () => {
    const callId = await newCall(10_000_000, [{ code: 'A1', label: 'Axe un' }]);
    const paths: string[][] = [
      [],
      ['submitted'],
      ['submitted', 'under_review'],
      ['submitted', 'under_review', 'returned_for_changes'],
    ];
    for (const path of paths) {
      const p = await createProject(callId);
      for (const to of path) await moved(officer, p.id, to, { comment: 'À compléter' });
      const withdrawn = await moved(officer, p.id, 'withdrawn');
      expect(withdrawn.allowedTransitions).toEqual([]);
      expectStatus(await move(officer, p.id, 'submitted'), 409);
    }
    const decided = await selectedProject(callId);
    expectStatus(await move(delegate, decided.id, 'withdrawn'), 409);
  });

  it('rejects only with a stated reason, by the delegate, and records it in the history and the audit trail', async () => {
    const callId = await newCall(10_000_000, [{ code: 'A1', label: 'Axe un' }]);
    const p = await createProject(callId);
    await moved(officer, p.id, 'submitted');
    const reviewed = await moved(officer, p.id, 'under_review');

    const noComment = await move(delegate, p.id, 'rejected');
    expectStatus(noComment, 400);
    expect(messageOf(noComment)).toMatch(/comment/);
    expectStatus(await move(delegate, p.id, 'rejected', { comment: '   ' }), 400);
    const reason = 'Hors du champ de l’appel : pas de public cible identifié';
    expectStatus(await move(officer, p.id, 'rejected', { comment: reason }), 403);
    expect(await transitionsOf(p.id)).toBe(2);

    const rejected = await moved(delegate, p.id, 'rejected', { comment: reason });
    expect(rejected.version).toBe(reviewed.version + 1);
    expect(rejected.history.at(-1)).toMatchObject({
      from: 'under_review',
      to: 'rejected',
      comment: reason,
      actorId: delegateId,
    });
    expectStatus(await move(delegate, p.id, 'selected'), 409);
    expectStatus(await move(officer, p.id, 'withdrawn'), 409);

    const events = await auditEvents('project', p.id);
    expect(events.map((e) => e.action).sort()).toEqual([
      'project.create',
      'project.transition',
      'project.transition',
      'project.transition',
    ]);
    const rejection = events.find((e) => e.action === 'project.transition' && e.after?.status === 'rejected');
    expect(rejection).toMatchObject({
      actorId: delegateId,
      entityType: 'project',
      entityId: p.id,
      before: expect.objectContaining({ status: 'under_review' }),
      after: expect.objectContaining({ status: 'rejected', comment: reason }),
    });
  });

  it('refuses a move sent with a stale version (409) and changes nothing', async () => {
    const callId = await newCall(10_000_000, [{ code: 'A1', label: 'Axe un' }]);
    const p = await createProject(callId);
    const submitted = await moved(officer, p.id, 'submitted', { version: p.version });
    expect(submitted.version).toBe(p.version + 1);

    const stale = await move(officer, p.id, 'under_review', { version: p.version });
    expectStatus(stale, 409);
    expect(await getProject(p.id)).toMatchObject({ status: 'submitted', version: submitted.version });
    expect(await transitionsOf(p.id)).toBe(1);

    await moved(officer, p.id, 'under_review', { version: submitted.version });

    // Ten people send the same move at once: one wins, the others are told it changed (409).
    const racer = await createProject(callId);
    const answers = await Promise.all(Array.from({ length: 10 }, () => move(officer, racer.id, 'submitted')));
    expect(tally(answers)).toEqual({ 200: 1, 409: 9 });
    expect(await transitionsOf(racer.id)).toBe(1);
  });

  it('takes departmental opinions only from a referent of the department, on a project of that department, under instruction', async () => {
    const callId = await newCall(10_000_000, [{ code: 'A1', label: 'Axe un' }]);
    const in31 = await createProject(callId, { departmentCodes: ['31'] });
    await moved(officer, in31.id, 'submitted');
    const in31and34 = await createProject(callId, { departmentCodes: ['31', '34'] });
    await moved(officer, in31and34.id, 'submitted');
    const draft = await createProject(callId, { departmentCodes: ['31'] });
    const opinion = (token: string, projectId: string, departmentCode: string) =>
      api(stack, token)
        .post(`/api/projects/${projectId}/opinions`)
        .send({ departmentCode, opinion: 'favorable', comment: 'Porteur bien implanté sur le territoire' });

    const given = await opinion(referent31, in31.id, '31');
    expectStatus(given, 201);
    expect(given.body).toMatchObject({
      id: expect.any(String),
      projectId: in31.id,
      departmentCode: '31',
      opinion: 'favorable',
      comment: 'Porteur bien implanté sur le territoire',
    });
    expect((await getProject(in31.id)).opinions).toEqual([expect.objectContaining({ id: given.body.id })]);

    expectStatus(await opinion(referent31, in31and34.id, '34'), 403); // referent of 31 speaking for 34
    expectStatus(await opinion(referent34, in31.id, '34'), 403); // project only in 31
    expectStatus(await opinion(referent34, in31.id, '31'), 403);
    expectStatus(await opinion(delegate, in31.id, '31'), 403);
    expectStatus(await opinion(referent31, draft.id, '31'), 409);
    expect(
      await count('SELECT count(*) AS n FROM opinion WHERE project_id = ANY($1::uuid[])', [
        [in31.id, in31and34.id, draft.id],
      ]),
    ).toBe(1);

    expectStatus(await opinion(referent34, in31and34.id, '34'), 201);
  });

  it('grants a selected project once, by the delegate, within the call and axis envelopes', async () => {
    const callId = await newCall(1_000_000, [
      { code: 'A1', label: 'Axe plafonné', envelopeCents: 300_000 },
      { code: 'A2', label: 'Axe libre' },
    ]);
    const onA2 = await selectedProject(callId, { axisCode: 'A2' });
    const first = await grant(delegate, onA2.id, 200_000);
    expectStatus(first, 201);
    expect(first.body).toMatchObject({ id: expect.any(String), projectId: onA2.id, amountCents: 200_000 });
    expect((await getProject(onA2.id)).status).toBe('selected');

    const pending = await createProject(callId, { axisCode: 'A2' });
    await moved(officer, pending.id, 'submitted');
    await moved(officer, pending.id, 'under_review');
    expectStatus(await grant(delegate, pending.id, 1_000), 409);

    const other = await selectedProject(callId, { axisCode: 'A2' });
    expectStatus(await grant(officer, other.id, 1_000), 403);
    expectStatus(await grant(delegate, onA2.id, 1_000), 409); // a second grant
    expectStatus(await grant(delegate, randomUUID(), 1_000), 404);
    for (const amountCents of [0, -5, 12.5]) expectStatus(await grant(delegate, other.id, amountCents), 400);

    const onA1 = await selectedProject(callId, { axisCode: 'A1' });
    expectStatus(await grant(delegate, onA1.id, 300_001), 409); // axis: 300,000; call: 800,000 left
    expectStatus(await grant(delegate, onA1.id, 300_000), 201);

    expectStatus(await grant(delegate, other.id, 500_001), 409); // call: 500,000 left
    expectStatus(await grant(delegate, other.id, 500_000), 201);

    expect(await count('SELECT count(*) AS n FROM "grant" WHERE call_id = $1', [callId])).toBe(3);
    const funding = await fundingOf(callId);
    expect(funding).toMatchObject({ envelopeCents: 1_000_000, committedCents: 1_000_000, remainingCents: 0 });
    expect(funding.byAxis.find((a) => a.code === 'A1')).toMatchObject({
      envelopeCents: 300_000,
      committedCents: 300_000,
      remainingCents: 0,
    });
    expect(funding.byAxis.find((a) => a.code === 'A2')).toMatchObject({ committedCents: 700_000 });
  });

  it('records payments up to the grant and refuses what would exceed it, even when 30 race', async () => {
    const callId = await newCall(10_000_000, [{ code: 'A1', label: 'Axe un' }]);
    const g = await granted((await selectedProject(callId)).id, 100_000);

    const advance = await pay(g.id, 30_000, 'advance');
    expectStatus(advance, 201);
    expect(advance.body).toMatchObject({ id: expect.any(String), grantId: g.id, amountCents: 30_000, kind: 'advance' });
    expectStatus(await pay(g.id, 50_000, 'installment'), 201);
    expectStatus(await pay(g.id, 20_001, 'balance'), 409);
    expectStatus(await pay(g.id, 10_000, 'installment', referent31), 403);
    expectStatus(await pay(g.id, 20_000, 'balance'), 201);
    expectStatus(await pay(g.id, 1, 'balance'), 409);
    expectStatus(await pay(randomUUID(), 1, 'balance'), 404);
    expectStatus(await pay(g.id, 100.5, 'balance'), 400);
    expectStatus(await pay(g.id, 100, 'refund'), 400);
    const paidUp = await getGrant(g.id);
    expect(paidUp).toMatchObject({ amountCents: 100_000, paidCents: 100_000 });
    expect(paidUp.payments).toHaveLength(3);

    const raced = await granted((await selectedProject(callId)).id, 100_000);
    const answers = await Promise.all(Array.from({ length: 30 }, () => pay(raced.id, 10_000)));
    expect(tally(answers)).toEqual({ 201: 10, 409: 20 });
    expect((await getGrant(raced.id)).paidCents).toBe(100_000);
    expect(await count('SELECT COALESCE(sum(amount_cents), 0) AS n FROM payment WHERE grant_id = $1', [raced.id])).toBe(
      100_000,
    );
    expect(await fundingOf(callId)).toMatchObject({ committedCents: 200_000, paidCents: 200_000 });
  });

  it('computes the funding figures by axis and by department, splitting a grant between departments to the cent', async () => {
    fundingCallId = await newCall(
      5_000_000,
      [
        { code: 'A1', label: 'Axe plafonné', envelopeCents: 1_000_000 },
        { code: 'A2', label: 'Axe libre' },
      ],
      'AMI des chiffres',
    );
    const shared = await granted(
      (await selectedProject(fundingCallId, { axisCode: 'A1', departmentCodes: ['09', '11', '12'] })).id,
      10_000,
    );
    expectStatus(await pay(shared.id, 1_000, 'advance'), 201);
    const single = await granted(
      (await selectedProject(fundingCallId, { axisCode: 'A2', departmentCodes: ['31'] })).id,
      20_000,
    );
    expectStatus(await pay(single.id, 5_000, 'advance'), 201);
    await selectedProject(fundingCallId, { axisCode: 'A2', departmentCodes: ['34'] }); // selected, not granted

    const funding = await fundingOf(fundingCallId);
    expect(funding).toMatchObject({
      envelopeCents: 5_000_000,
      committedCents: 30_000,
      paidCents: 6_000,
      remainingCents: 4_970_000,
    });
    expect(funding.byAxis.map((a) => a.code)).toEqual(['A1', 'A2']);
    expect(funding.byAxis[0]).toMatchObject({
      envelopeCents: 1_000_000,
      committedCents: 10_000,
      paidCents: 1_000,
      remainingCents: 990_000,
    });
    expect(funding.byAxis[1]).toMatchObject({ committedCents: 20_000, paidCents: 5_000 });

    const department = (code: string) => funding.byDepartment.find((d) => d.code === code);
    const sharesOfThree = ['09', '11', '12'].map((code) => department(code)?.committedCents);
    expect([...sharesOfThree].sort()).toEqual([3333, 3333, 3334]);
    expect(['09', '11', '12'].map((code) => department(code)?.paidCents).sort()).toEqual([333, 333, 334]);
    expect(department('31')).toMatchObject({ committedCents: 20_000, paidCents: 5_000 });
    expect(department('34')?.committedCents ?? 0).toBe(0);
    expect(sum(funding.byDepartment.map((d) => d.committedCents))).toBe(funding.committedCents);
    expect(sum(funding.byDepartment.map((d) => d.paidCents))).toBe(funding.paidCents);
  });

  it('exports the funding ledger as CSV (BOM, `;`) that reconciles with the figures, for those allowed', async () => {
    const funding = await fundingOf(fundingCallId);
    const res = await api(stack, auditor)
      .get(`/api/exports/funding.csv?callId=${fundingCallId}`)
      .buffer(true)
      .parse(binary);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const lines = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((l) => l.length > 0);
    const header = lines[0].split(';');
    const rows = lines.slice(1).map((l) => l.split(';'));
    expect(header).toEqual(expect.arrayContaining(['ligne', 'montant_centimes']));
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const kind = header.indexOf('ligne');
    const amount = header.indexOf('montant_centimes');
    const payments = rows.filter((r) => r[kind] === 'versement');
    expect(payments).toHaveLength(2);
    expect(rows).toHaveLength(4); // two payments, two unpaid balances
    expect(sum(payments.map((r) => Number(r[amount])))).toBe(funding.paidCents);
    expect(sum(rows.map((r) => Number(r[amount])))).toBe(funding.committedCents);
    expect(rows.every((r) => Number.isInteger(Number(r[amount])))).toBe(true);

    expectStatus(await api(stack, referent31).get(`/api/exports/funding.csv?callId=${fundingCallId}`), 403);
    expectStatus(await api(stack, auditor).get(`/api/exports/funding.csv?callId=${randomUUID()}`), 404);
    expectStatus(await api(stack, auditor).get('/api/exports/funding.csv'), 400);
    expectStatus(await api(stack, auditor).get('/api/exports/funding.csv?callId=not-a-call'), 400);
  });
});
