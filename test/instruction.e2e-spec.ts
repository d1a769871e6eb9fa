import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

/** Instruction tools on a fresh call: criteria, scores, ranking against the envelope, bulk moves, notes, labels. */
describe('instruction of applications', () => {
  let stack: Stack;
  let officer: string;
  let delegate: string;
  let callId: string;
  const projectIds: string[] = [];

  const createProject = async (title: string, axisCode: string, requestedCents: number, departmentCodes = ['31']) => {
    const res = await api(stack, officer)
      .post('/api/projects')
      .send({
        callId,
        axisCode,
        title,
        holder: { name: `Porteur ${title}`, kind: 'association' },
        departmentCodes,
        targetPublics: ['young_people'],
        levers: [3],
        requestedCents,
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    stack = await Stack.start('instruction', { worker: false });
    officer = await login(stack, DEMO.officer);
    delegate = await login(stack, DEMO.delegate);
    const call = await api(stack, officer)
      .post('/api/calls')
      .send({
        title: 'AMI test instruction',
        year: 2026,
        fundingSource: 'FIR',
        envelopeCents: 100_000,
        opensOn: '2026-01-01',
        closesOn: '2099-12-31',
        axes: [
          { code: 'A', label: 'Axe A', envelopeCents: 50_000 },
          { code: 'B', label: 'Axe B' },
        ],
        criteria: [
          { code: 'PERT', label: 'Pertinence', weight: 2 },
          { code: 'FAIS', label: 'Faisabilité', weight: 1 },
        ],
      });
    expect(call.status).toBe(201);
    expect(call.body.criteria).toEqual([
      { code: 'PERT', label: 'Pertinence', weight: 2 },
      { code: 'FAIS', label: 'Faisabilité', weight: 1 },
    ]);
    callId = call.body.id;
    for (const [title, axis, cents] of [
      ['Un', 'A', 30_000],
      ['Deux', 'A', 30_000],
      ['Trois', 'B', 40_000],
      ['Quatre', 'B', 20_000],
    ] as const) {
      projectIds.push(await createProject(title, axis, cents));
    }
  });
  afterAll(() => stack.stop());

  it('moves many projects at once and answers project by project', async () => {
    const submitted = await api(stack, officer).post('/api/projects/transitions').send({ projectIds, to: 'submitted' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ succeeded: 4, failed: 0 });
    const again = await api(stack, officer)
      .post('/api/projects/transitions')
      .send({ projectIds: [projectIds[0], '00000000-0000-4000-8000-000000000000'], to: 'submitted' });
    expect(again.body.results).toEqual([
      {
        projectId: projectIds[0],
        ok: false,
        error: {
          statusCode: 409,
          message: expect.stringMatching(/allowed: under_review, withdrawn/),
          code: 'project.transition_forbidden',
          details: { from: 'submitted', to: 'submitted', allowedTransitions: ['under_review', 'withdrawn'] },
        },
      },
      {
        projectId: '00000000-0000-4000-8000-000000000000',
        ok: false,
        error: { statusCode: 404, message: expect.any(String), code: 'project.not_found' },
      },
    ]);
    const review = await api(stack, officer).post('/api/projects/transitions').send({ projectIds, to: 'under_review' });
    expect(review.body.succeeded).toBe(4);
  });

  it('scores against the call’s weighted criteria, averaging reviewers', async () => {
    const second = await api(stack, await login(stack, DEMO.admin))
      .post('/api/users')
      .send({
        email: 'chargee2@test.fr',
        displayName: 'Seconde chargée',
        password: 'mot-de-passe-2',
        roles: ['mission_officer'],
      });
    const other = await login(stack, second.body.email, 'mot-de-passe-2');
    const scores = [
      [5, 4],
      [3, 3],
      [4, 5],
      [2, 2],
    ];
    for (const [i, [pert, fais]] of scores.entries()) {
      const res = await api(stack, officer)
        .post(`/api/projects/${projectIds[i]}/scores`)
        .send({
          scores: [
            { criterion: 'PERT', score: pert },
            { criterion: 'FAIS', score: fais },
          ],
        });
      expect(res.status).toBe(200);
    }
    const twice = await api(stack, other)
      .post(`/api/projects/${projectIds[0]}/scores`)
      .send({ scores: [{ criterion: 'PERT', score: 3 }] });
    // PERT: mean(5, 3) = 4, weight 2; FAIS: 4, weight 1 → 4.
    expect(twice.body).toMatchObject({ total: 4, complete: true });
    expect(
      (
        await api(stack, delegate)
          .post(`/api/projects/${projectIds[0]}/scores`)
          .send({ scores: [{ criterion: 'PERT', score: 1 }] })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(stack, officer)
          .post(`/api/projects/${projectIds[0]}/scores`)
          .send({ scores: [{ criterion: 'NOPE', score: 1 }] })
      ).status,
    ).toBe(400);
    expect(
      (
        await api(stack, officer)
          .post(`/api/projects/${projectIds[0]}/scores`)
          .send({ scores: [{ criterion: 'PERT', score: 6 }] })
      ).status,
    ).toBe(400);
    const locked = await api(stack, officer)
      .put(`/api/calls/${callId}/criteria`)
      .send({ criteria: [{ code: 'X', label: 'X', weight: 1 }] });
    expect(locked.status).toBe(409);
  });

  it('ranks the projects under review and shows where the envelopes run out', async () => {
    const res = await api(stack, delegate).get(`/api/calls/${callId}/ranking`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ envelopeCents: 100_000, committedCents: 0, remainingCents: 100_000, total: 4 });
    // Scores: Trois 4.33, Un 4, Deux 3, Quatre 2.
    expect(
      res.body.items.map(
        (l: { title: string; cumulativeCents: number; withinEnvelope: boolean; withinAxisEnvelope: boolean }) => [
          l.title,
          l.cumulativeCents,
          l.withinEnvelope,
          l.withinAxisEnvelope,
        ],
      ),
    ).toEqual([
      ['Trois', 40_000, true, true],
      ['Un', 70_000, true, true],
      ['Deux', 100_000, true, false],
      ['Quatre', 120_000, false, true],
    ]);
    // A page of the ranking keeps the amounts cumulated over the whole of it.
    const page = await api(stack, delegate).get(`/api/calls/${callId}/ranking?limit=2&offset=1`);
    expect(page.body.total).toBe(4);
    expect(
      page.body.items.map((l: { title: string; cumulativeCents: number }) => [l.title, l.cumulativeCents]),
    ).toEqual([
      ['Un', 70_000],
      ['Deux', 100_000],
    ]);
  });

  it('keeps notes for reviewers, and labels shared by the team', async () => {
    const referent31 = await login(stack, DEMO.referent31);
    const note = await api(stack, referent31)
      .post(`/api/projects/${projectIds[0]}/notes`)
      .send({ text: 'Vu avec le CLS' });
    expect(note.status).toBe(201);
    expect(
      (await api(stack, await login(stack, DEMO.referent34)).get(`/api/projects/${projectIds[0]}/notes`)).status,
    ).toBe(403);
    expect(
      (await api(stack, await login(stack, DEMO.auditor)).get(`/api/projects/${projectIds[0]}/notes`)).status,
    ).toBe(403);
    const notes = await api(stack, officer).get(`/api/projects/${projectIds[0]}/notes`);
    expect(notes.body.items.map((n: { text: string }) => n.text)).toEqual(['Vu avec le CLS']);

    await api(stack, officer)
      .put(`/api/projects/${projectIds[1]}/labels`)
      .send({ labels: ['prêt pour la commission'] });
    const labelled = await api(stack, delegate).get(
      `/api/projects?label=${encodeURIComponent('prêt pour la commission')}`,
    );
    expect(labelled.body.items.map((p: { id: string }) => p.id)).toEqual([projectIds[1]]);
  });
});
