import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

/**
 * What the commission's decisions decide, over HTTP on the demo data: a typed subject that must
 * exist, no more voices than seats present or represented, the roadmap validated only by an adopted
 * plenary decision about it, a selection list moving its projects (all or none).
 */
describe('decisions decide', () => {
  let stack: Stack;
  let officer: string;
  let delegate: string;
  let auditor: string;
  /** The demo's June 2026 plenary: held, its quorum reached. */
  let plenary: { id: string; seatsPresent: number };

  const UNKNOWN = '00000000-0000-4000-8000-000000000000';
  const decide = (meetingId: string, body: object) =>
    api(stack, officer).post(`/api/meetings/${meetingId}/decisions`).send(body);
  const vote = (title: string, fields: object = {}) => ({
    title,
    votesFor: 3,
    votesAgainst: 0,
    abstentions: 0,
    ...fields,
  });
  const one = async (sql: string, params: unknown[] = []) => (await stack.db.query(sql, params)).rows[0];

  beforeAll(async () => {
    stack = await Stack.start('decisions', { worker: false });
    [officer, delegate, auditor] = await Promise.all(
      [DEMO.officer, DEMO.delegate, DEMO.auditor].map((e) => login(stack, e)),
    );
    plenary = await one(
      `SELECT m.id, m.seats_present AS "seatsPresent" FROM meeting m JOIN body b ON b.id = m.body_id
       WHERE b.kind = 'plenary' AND m.quorum_reached ORDER BY m.starts_at LIMIT 1`,
    );
  });
  afterAll(() => stack.stop());

  it('records a decision without subject as CONTRACT.md has it, and refuses more voices than seats present (400)', async () => {
    const plain = await decide(plenary.id, { title: 'Motion', votesFor: 10, votesAgainst: 2, abstentions: 3 });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ adopted: true, subjectType: null, subjectId: null });

    const over = await decide(plenary.id, vote('Trop de voix', { votesFor: plenary.seatsPresent, abstentions: 1 }));
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      code: 'decision.votes_over_present',
      details: { cast: plenary.seatsPresent + 1, seatsPresent: plenary.seatsPresent },
    });
    const planned = await one(`SELECT id FROM meeting WHERE quorum_reached IS NULL LIMIT 1`);
    const early = await decide(planned.id, vote('Avant l’émargement'));
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'meeting.no_quorum', message: expect.stringMatching(/attendance sheet/) });
  });

  it('refuses a subject of an unknown kind or that does not exist (400), writing nothing', async () => {
    const before = await one('SELECT count(*)::int AS n FROM decision');
    for (const [subjectType, subjectId, code] of [
      ['budget', '2026', 'validation.invalid'],
      ['roadmap', '1999', 'decision.subject_unknown'],
      ['call_selection', UNKNOWN, 'decision.subject_unknown'],
      ['contract', UNKNOWN, 'decision.subject_unknown'],
    ]) {
      const refused = await decide(plenary.id, vote('Objet inconnu', { subjectType, subjectId }));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code });
    }
    expect(await one('SELECT count(*)::int AS n FROM decision')).toEqual(before);
  });

  it('validates the roadmap only by an adopted plenary decision about it, the one the delegate picks from', async () => {
    const axes = [{ code: 'A1', label: 'Axe' }];
    expect((await api(stack, officer).post('/api/roadmaps').send({ year: 2031, axes })).status).toBe(201);
    expect((await api(stack, officer).post('/api/roadmaps/2031/transitions').send({ to: 'submitted' })).status).toBe(
      200,
    );
    const about = { subjectType: 'roadmap', subjectId: '2031' };
    const rejected = await decide(
      plenary.id,
      vote('Rejet de la feuille de route 2031', { ...about, votesFor: 2, votesAgainst: 5 }),
    );
    const group = await heldWorkingGroupMeeting();
    const ofGroup = await decide(group, vote('Avis du groupe', { ...about, votesFor: 1 }));
    const adopted = await decide(plenary.id, vote('Validation de la feuille de route 2031', about));
    expect([rejected.status, ofGroup.status, adopted.status]).toEqual([201, 201, 201]);
    const roadmapId = (await api(stack, officer).get('/api/roadmaps/2031')).body.id;
    expect(adopted.body).toMatchObject({ subjectType: 'roadmap', subjectId: roadmapId });

    const validate = (decisionId: string) =>
      api(stack, delegate).post('/api/roadmaps/2031/transitions').send({ to: 'validated', decisionId });
    for (const [decisionId, status, code] of [
      [rejected.body.id, 409, 'roadmap.decision_not_adopted'],
      [ofGroup.body.id, 409, 'roadmap.decision_not_plenary'],
      [(await decide(plenary.id, vote('Sans objet'))).body.id, 409, 'roadmap.decision_other_subject'],
      [UNKNOWN, 400, 'roadmap.decision_unknown'],
    ]) {
      const refused = await validate(decisionId);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status, code });
    }
    const eligible = await api(stack, delegate).get('/api/roadmaps/2031/eligible-decisions');
    expect(eligible.body).toMatchObject({ total: 1, items: [{ id: adopted.body.id, bodyName: expect.any(String) }] });
    expect((await api(stack, officer).get('/api/roadmaps/2031/eligible-decisions')).status).toBe(403);
    const validated = await validate(adopted.body.id);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ status: 'validated', validatedByDecisionId: adopted.body.id });
  });

  it('moves a selection list’s projects to selected with the decision, or none of them (400 naming those that cannot move)', async () => {
    const { callId, ids } = await one(
      `SELECT call_id AS "callId", array_agg(id ORDER BY id) AS ids FROM project WHERE status = 'under_review'
       GROUP BY call_id HAVING count(*) >= 2 ORDER BY call_id LIMIT 1`,
    );
    const other = await one(`SELECT id, status FROM project WHERE call_id = $1 AND status <> 'under_review' LIMIT 1`, [
      callId,
    ]);
    const list = { subjectType: 'call_selection', subjectId: callId };
    const statuses = async () =>
      (
        await stack.db.query('SELECT status FROM project WHERE id = ANY ($1::uuid[]) ORDER BY id', [ids.slice(0, 2)])
      ).rows.map((r) => r.status);

    const refused = await decide(
      plenary.id,
      vote('Liste refusée', { ...list, projectIds: [ids[0], ids[1], other.id] }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'project.selection_refused',
      details: { refused: [{ projectId: other.id, reason: 'not_under_review', status: other.status }] },
    });
    expect(refused.body.message).toContain(other.id);
    expect(await statuses()).toEqual(['under_review', 'under_review']);

    const selected = await decide(plenary.id, vote('Liste de sélection', { ...list, projectIds: ids.slice(0, 2) }));
    expect(selected.status).toBe(201);
    expect(await statuses()).toEqual(['selected', 'selected']);
    const trail = await api(stack, auditor).get(`/api/audit-events?entityType=project&entityId=${ids[0]}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain('project.transition');
  });

  /** A working group of one seat whose member came: its meeting has quorum and one voice. */
  async function heldWorkingGroupMeeting(): Promise<string> {
    const as = api(stack, officer);
    const body = (await as.post('/api/bodies').send({ kind: 'working_group', name: 'Groupe feuille de route' })).body;
    const member = (
      await as.post('/api/members').send({ displayName: 'Membre du groupe', college: 'users', organization: 'x' })
    ).body;
    await as
      .post(`/api/bodies/${body.id}/seats`)
      .send({ memberId: member.id, college: 'users', startsOn: '2024-01-01' });
    const meeting = (
      await as.post('/api/meetings').send({ bodyId: body.id, startsAt: '2026-11-10T14:00:00+01:00', agenda: [] })
    ).body;
    const attendance = await as
      .put(`/api/meetings/${meeting.id}/attendance`)
      .send([{ memberId: member.id, status: 'present' }]);
    expect(attendance.body).toMatchObject({ quorumReached: true });
    return meeting.id;
  }
});
