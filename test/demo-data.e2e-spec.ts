import { ACTION_STATUS_LABELS, ROADMAP_STATUS_LABELS } from '@app/vocabulary';
import { api, binary, DEMO, login, until } from './support/http';
import { pdfText } from './support/pdf-text';
import { Stack } from './support/stack';

type Body = { id: string; kind: string; name: string; installedOn: string | null };

describe('demo data', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start('demo');
  });
  afterAll(() => stack.stop());

  it('holds the commission a mission officer would recognise', async () => {
    const officer = await login(stack, DEMO.officer);
    const bodies: Body[] = (await api(stack, officer).get('/api/bodies')).body.items;
    expect(bodies.map((b) => b.kind).sort()).toEqual([
      'bureau',
      'plenary',
      'scientific_committee',
      'working_group',
      'working_group',
    ]);
    const plenary = bodies.find((b) => b.kind === 'plenary')!;
    expect(plenary.installedOn).toBe('2021-12-10');
    const detail = (await api(stack, officer).get(`/api/bodies/${plenary.id}`)).body;
    const colleges = new Set(detail.seats.map((s: { college: string }) => s.college));
    expect([...colleges].sort()).toEqual(['elected', 'health_actors', 'institutional', 'qualified_person', 'users']);
    expect(detail.seats.filter((s: { vacant: boolean }) => s.vacant)).toHaveLength(1);
    const meetings = (await api(stack, officer).get(`/api/meetings?bodyId=${plenary.id}`)).body.items;
    expect(meetings.map((m: { status: string }) => m.status).sort()).toEqual(['held', 'planned']);
    expect(meetings.find((m: { status: string }) => m.status === 'held').quorumReached).toBe(true);
  });

  it('lets the demo member read the plenary and download its published minutes', async () => {
    const member = await login(stack, DEMO.member);
    const bodies: Body[] = (await api(stack, member).get('/api/bodies')).body.items;
    expect(bodies.map((b) => b.kind)).toContain('plenary');
    const plenary = bodies.find((b) => b.kind === 'plenary')!;
    const held = (await api(stack, member).get(`/api/meetings?bodyId=${plenary.id}&status=held`)).body.items[0];
    const minutes = await api(stack, member).get(`/api/meetings/${held.id}/minutes`);
    expect(minutes.body).toMatchObject({ status: 'published', content: expect.stringContaining('feuille de route') });
    const report = await api(stack, member)
      .post('/api/reports')
      .send({ kind: 'minutes', params: { meetingId: held.id } });
    expect(report.status).toBe(202);
    const done = await until(
      async () => (await api(stack, member).get(`/api/reports/${report.body.id}`)).body,
      (r: { status: string }) => r.status === 'done' || r.status === 'failed',
    );
    expect(done.status).toBe('done');
    const file = await api(stack, member).get(`/api/reports/${report.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/application\/pdf/);
  });

  it('prints the notice and the attendance sheet of the planned plenary for its members', async () => {
    const member = await login(stack, DEMO.member);
    const planned = (await api(stack, member).get('/api/meetings?status=planned')).body.items[0];
    const texts: Record<string, string> = {};
    for (const kind of ['notice', 'attendance_sheet']) {
      const res = await api(stack, member)
        .post('/api/reports')
        .send({ kind, params: { meetingId: planned.id } });
      expect(res.status).toBe(202);
      const done = await until(
        async () => (await api(stack, member).get(`/api/reports/${res.body.id}`)).body,
        (r: { status: string }) => r.status === 'done' || r.status === 'failed',
      );
      expect(done.status).toBe('done');
      const file = await api(stack, member).get(`/api/reports/${res.body.id}/file`).buffer(true).parse(binary);
      texts[kind] = await pdfText(file.body as Buffer);
    }
    expect(texts.notice).toContain('Convocation');
    expect(texts.notice).toContain('Feuille de route 2027');
    expect(texts.notice).toContain('Marc Olivier');
    expect(texts.attendance_sheet).toContain('Signature');
    expect(texts.attendance_sheet).toContain('Suppléant');
    expect(texts.attendance_sheet).toMatch(/page 1 \/\s*\d/);
  });

  it('holds the 2022 roadmap with referents’ updates, and contracts covering about 38 % of the region', async () => {
    const referent = await login(stack, DEMO.referent34);
    const roadmap = (await api(stack, referent).get('/api/roadmaps/2022')).body;
    expect(roadmap.axes.map((a: { code: string }) => a.code)).toEqual(['PE', 'SMJ', 'SF', 'AP']);
    const actions = (await api(stack, referent).get('/api/actions?year=2022&departmentCode=34')).body;
    expect(new Set(actions.items.map((a: { status: string }) => a.status))).toEqual(
      new Set(['in_progress', 'blocked']),
    );
    const visits = actions.items.find((a: { title: string }) => a.title.startsWith('Visites à domicile'));
    const history = (await api(stack, referent).get(`/api/actions/${visits.id}/updates`)).body;
    expect(history.items.map((u: { comment: string; actorName: string }) => [u.comment, u.actorName])).toEqual([
      ['120 familles suivies', 'Sophie Ribes'],
      ['Recrutement des puéricultrices', 'Sophie Ribes'],
    ]);
    const coverage = (await api(stack, referent).get('/api/local-health-contracts/coverage')).body;
    expect(coverage).toMatchObject({ signed: 28, inPreparation: 14 });
    expect(coverage.coverageRate).toBeGreaterThan(0.36);
    expect(coverage.coverageRate).toBeLessThanOrEqual(0.38);
  });

  it('prints the roadmap: each axis, the actions with their progress, per department and stale actions', async () => {
    const referent = await login(stack, DEMO.referent31);
    const res = await api(stack, referent)
      .post('/api/reports')
      .send({ kind: 'roadmap', params: { year: 2022 } });
    expect(res.status).toBe(202);
    const done = await until(
      async () => (await api(stack, referent).get(`/api/reports/${res.body.id}`)).body,
      (r: { status: string }) => r.status === 'done' || r.status === 'failed',
    );
    expect(done.status).toBe('done');
    const file = await api(stack, referent).get(`/api/reports/${res.body.id}/file`).buffer(true).parse(binary);
    const text = await pdfText(file.body as Buffer);
    for (const axis of [
      'Prévention primaire en petite enfance',
      'Santé mentale des jeunes',
      'Santé des femmes',
      'Approches populationnelles',
    ]) {
      expect(text).toContain(axis);
    }
    expect(text).toContain('Premiers secours en santé mentale pour les étudiants');
    expect(text).toMatch(/100 %/);
    expect(text).toContain('Par département');
    expect(text).toContain('sans mise à jour depuis 90 jours');
    // Statuses in the screens' words: each action's, and the roadmap's own.
    const flat = text.replace(/\s+/g, ' ');
    const actions = (await api(stack, referent).get('/api/actions?year=2022&limit=200')).body.items as {
      status: keyof typeof ACTION_STATUS_LABELS;
    }[];
    for (const a of actions) expect(flat).toContain(`${ACTION_STATUS_LABELS[a.status]} — `);
    const roadmap = (await api(stack, referent).get('/api/roadmaps/2022')).body;
    expect(flat).toContain(`feuille de route : ${ROADMAP_STATUS_LABELS[roadmap.status as 'draft']}`);
    expect(
      (
        await api(stack, referent)
          .post('/api/reports')
          .send({ kind: 'roadmap', params: { year: 1999 } })
      ).status,
    ).toBe(400);
  });
});
