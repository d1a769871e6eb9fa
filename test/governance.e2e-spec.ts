import { api, binary, DEMO, login, until } from './support/http';
import { pdfText } from './support/pdf-text';
import { Stack } from './support/stack';

type College = 'health_actors' | 'users' | 'elected' | 'institutional' | 'qualified_person';
type Attendance = 'present' | 'represented' | 'excused' | 'absent';
type Mandate = { member: { id: string }; alternate: { id: string } | null; startsOn: string; endsOn: string | null };
type Seat = { id: string; vacant: boolean; current: Mandate | null; mandates: Mandate[] };
type Report = { id: string; kind: string; params: { meetingId?: string }; status: string; error?: string };

const DAY_MS = 24 * 3600 * 1000;

/** The day in Paris, `offset` days from today, as YYYY-MM-DD. */
const parisDay = (offset = 0) =>
  new Date(Date.now() + offset * DAY_MS).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

describe('governance: bodies, seats, meetings, quorum, minutes', () => {
  let stack: Stack;
  let admin: string;
  let officer: string;
  let auditor: string;

  /** Group A: four seats, two of them with an alternate. */
  const a = {} as Record<'body' | 'meeting' | 'a1' | 'a2' | 'b1' | 'b2' | 'c1' | 'd1', string>;
  let decisionId: string;
  let historySeatId: string;

  const meetingDay = parisDay(-30);
  const startsAt = (day = meetingDay) => `${day}T14:00:00+01:00`;

  const createBody = async (name: string, kind = 'working_group') => {
    const res = await api(stack, officer).post('/api/bodies').send({ kind, name });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const createMember = async (displayName: string, college: College) => {
    const res = await api(stack, officer)
      .post('/api/members')
      .send({ displayName, college, organization: 'Association de test' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const addSeat = async (bodyId: string, college: College, memberId: string, extra: object = {}) => {
    const res = await api(stack, officer)
      .post(`/api/bodies/${bodyId}/seats`)
      .send({ memberId, college, startsOn: '2024-01-01', ...extra });
    expect(res.status).toBe(201);
    return res.body as Seat;
  };
  const createMeeting = async (bodyId: string, day = meetingDay) => {
    const res = await api(stack, officer)
      .post('/api/meetings')
      .send({ bodyId, startsAt: startsAt(day), place: 'ARS, Montpellier', agenda: [{ title: 'Plan d’action' }] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const putAttendance = (meetingId: string, entries: [string, Attendance][]) =>
    api(stack, officer)
      .put(`/api/meetings/${meetingId}/attendance`)
      .send(entries.map(([memberId, status]) => ({ memberId, status })));
  const recordAttendance = async (meetingId: string, entries: [string, Attendance][]) => {
    const res = await putAttendance(meetingId, entries);
    expect(res.status).toBe(200);
    return res.body as { quorumReached: boolean; seatsPresent: number; seatsTotal: number };
  };
  const getMeeting = async (meetingId: string) => (await api(stack, officer).get(`/api/meetings/${meetingId}`)).body;
  const writeMinutes = (meetingId: string, body: { content: string; version?: number }) =>
    api(stack, officer).put(`/api/meetings/${meetingId}/minutes`).send(body);
  const moveMinutes = (meetingId: string, step: 'approve' | 'publish') =>
    api(stack, officer).post(`/api/meetings/${meetingId}/minutes/${step}`);
  const publishedMinutes = async (meetingId: string, content: string) => {
    expect((await writeMinutes(meetingId, { content })).status).toBe(200);
    expect((await moveMinutes(meetingId, 'approve')).status).toBe(200);
    expect((await moveMinutes(meetingId, 'publish')).status).toBe(200);
  };
  /** The minutes report queued by the publication (the officer published, so it is in the officer's list). */
  const minutesReport = async (meetingId: string) => {
    const list = (await api(stack, officer).get('/api/reports')).body.items as Report[];
    const report = list.find((r) => r.kind === 'minutes' && r.params.meetingId === meetingId);
    if (!report) throw new Error(`no minutes report for meeting ${meetingId}: ${JSON.stringify(list)}`);
    return until(
      async () => (await api(stack, officer).get(`/api/reports/${report.id}`)).body as Report,
      (r) => r.status === 'done' || r.status === 'failed',
    );
  };
  const download = (token: string, reportId: string) =>
    api(stack, token).get(`/api/reports/${reportId}/file`).buffer(true).parse(binary);
  const auditActions = async (entityType: string, entityId: string) => {
    const res = await api(stack, auditor).get(`/api/audit-events?entityType=${entityType}&entityId=${entityId}`);
    expect(res.status).toBe(200);
    return (res.body.items as { action: string }[]).map((e) => e.action);
  };

  beforeAll(async () => {
    stack = await Stack.start('governance');
    [admin, officer, auditor] = await Promise.all([DEMO.admin, DEMO.officer, DEMO.auditor].map((e) => login(stack, e)));

    a.body = await createBody('Groupe A — accès aux droits');
    a.a1 = await createMember('Alice Titulaire', 'users');
    a.a2 = await createMember('Arthur Suppléant', 'users');
    a.b1 = await createMember('Bruno Titulaire', 'health_actors');
    a.b2 = await createMember('Béatrice Suppléante', 'health_actors');
    a.c1 = await createMember('Chloé Élue', 'elected');
    a.d1 = await createMember('David Usager', 'users');
    await addSeat(a.body, 'users', a.a1, { alternateMemberId: a.a2 });
    await addSeat(a.body, 'health_actors', a.b1, { alternateMemberId: a.b2 });
    await addSeat(a.body, 'elected', a.c1);
    await addSeat(a.body, 'users', a.d1);
    a.meeting = await createMeeting(a.body);
  });
  afterAll(() => stack.stop());

  /** Alice and her alternate both came (one seat), Béatrice in absent Bruno's place, Chloé excused; David as given. */
  const usualSheet = (david: Attendance): [string, Attendance][] => [
    [a.a1, 'present'],
    [a.a2, 'present'],
    [a.b1, 'absent'],
    [a.b2, 'present'],
    [a.c1, 'excused'],
    [a.d1, david],
  ];

  it('counts present seats for the quorum: a seat once, an alternate in an absent member’s place, more than half', async () => {
    // Alice and her alternate both came: one seat. Béatrice replaces absent Bruno: one seat.
    // Chloé excused, David absent: nothing. 2 of 4 is not more than half.
    const half = await recordAttendance(a.meeting, usualSheet('absent'));
    expect(half).toMatchObject({ meetingId: a.meeting, quorumReached: false, seatsPresent: 2, seatsTotal: 4 });

    const three = await recordAttendance(a.meeting, usualSheet('present'));
    expect(three).toMatchObject({ quorumReached: true, seatsPresent: 3, seatsTotal: 4 });

    // "represented" counts for the full member; an excused member whose alternate is absent does not.
    const one = await recordAttendance(a.meeting, [
      [a.a1, 'excused'],
      [a.a2, 'absent'],
      [a.b1, 'represented'],
      [a.c1, 'absent'],
    ]);
    expect(one).toMatchObject({ quorumReached: false, seatsPresent: 1, seatsTotal: 4 });

    const meeting = await getMeeting(a.meeting);
    expect(meeting).toMatchObject({ status: 'held', quorumReached: false, seatsPresent: 1, seatsTotal: 4 });
    expect(meeting.attendance).toHaveLength(4);
  });

  it('refuses a vote without quorum (409, nothing written) and records it once the quorum is reached', async () => {
    await recordAttendance(a.meeting, [
      [a.a1, 'present'],
      [a.b1, 'absent'],
      [a.c1, 'excused'],
      [a.d1, 'absent'],
    ]);
    const vote = { title: 'Avis sur le plan d’action du groupe', votesFor: 2, votesAgainst: 1, abstentions: 0 };
    const refused = await api(stack, officer).post(`/api/meetings/${a.meeting}/decisions`).send(vote);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('meeting.no_quorum');
    expect((await getMeeting(a.meeting)).decisions).toEqual([]);

    expect(await recordAttendance(a.meeting, usualSheet('present'))).toMatchObject({
      quorumReached: true,
      seatsPresent: 3,
      seatsTotal: 4,
    });
    const accepted = await api(stack, officer).post(`/api/meetings/${a.meeting}/decisions`).send(vote);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ ...vote, meetingId: a.meeting, adopted: true });
    decisionId = accepted.body.id;
    expect((await getMeeting(a.meeting)).decisions).toEqual([expect.objectContaining({ id: decisionId, ...vote })]);
  });

  it('attaches a decision to an item of its own meeting’s agenda; an unknown item or another meeting’s is refused (400)', async () => {
    const other = await api(stack, officer)
      .post('/api/meetings')
      .send({
        bodyId: a.body,
        startsAt: startsAt(parisDay(-20)),
        agenda: [{ title: 'Ouverture' }, { title: 'Bilan' }],
      });
    expect(other.status).toBe(201);
    const decide = (agendaItemPosition: unknown) =>
      api(stack, officer)
        .post(`/api/meetings/${a.meeting}/decisions`)
        .send({ title: 'Adoption du plan d’action', votesFor: 3, votesAgainst: 0, abstentions: 0, agendaItemPosition });

    const attached = await decide(1);
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ agendaItemPosition: 1, agendaItemTitle: 'Plan d’action' });
    // Item 2 is the other meeting's, not this one's (its agenda has one item); 7 is nobody's.
    for (const position of [2, 7]) {
      const refused = await decide(position);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'decision.agenda_item_unknown' });
      expect(refused.body.message).toContain(`agendaItemPosition: this meeting's agenda has no item ${position}`);
    }
    expect((await decide('premier')).status).toBe(400);

    const decisions = (await getMeeting(a.meeting)).decisions;
    expect(decisions.map((d: { agendaItemPosition: number | null }) => d.agendaItemPosition)).toEqual([null, 1]);
    expect(decisions[1]).toMatchObject({ id: attached.body.id, agendaItemTitle: 'Plan d’action' });
    expect(await auditActions('decision', attached.body.id)).toEqual(['decision.create']);
  });

  it('refuses an attendance naming someone who does not sit in the body, or with unknown properties (400)', async () => {
    const stranger = await createMember('Étienne Étranger', 'users');
    const res = await putAttendance(a.meeting, [
      [a.a1, 'present'],
      [stranger, 'present'],
    ]);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/memberId/);
    expect(res.body.message).toContain(stranger);

    const extra = await api(stack, officer)
      .put(`/api/meetings/${a.meeting}/attendance`)
      .send([{ memberId: a.a1, status: 'present', signature: 'A.T.' }]);
    expect(extra.status).toBe(400);
    const badStatus = await api(stack, officer)
      .put(`/api/meetings/${a.meeting}/attendance`)
      .send([{ memberId: a.a1, status: 'late' }]);
    expect(badStatus.status).toBe(400);

    // The sheet recorded before is untouched.
    expect(await getMeeting(a.meeting)).toMatchObject({ quorumReached: true, seatsPresent: 3, seatsTotal: 4 });
  });

  it('takes minutes through draft → approved → published, with versions and forbidden moves (409)', async () => {
    const draft = await writeMinutes(a.meeting, { content: 'Premier jet.' });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ meetingId: a.meeting, status: 'draft', version: 1, content: 'Premier jet.' });

    const content = 'Le groupe adopte son plan d’action.\n\nLa séance est levée à 17 heures.';
    const second = await writeMinutes(a.meeting, { content, version: 1 });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'draft', version: 2, content });

    const stale = await writeMinutes(a.meeting, { content: 'Écrasé par erreur', version: 1 });
    expect(stale.status).toBe(409);
    expect((await writeMinutes(a.meeting, { content: 'Sans version' })).status).toBe(400);
    expect((await api(stack, officer).get(`/api/meetings/${a.meeting}/minutes`)).body).toMatchObject({
      status: 'draft',
      version: 2,
      content,
    });

    expect((await moveMinutes(a.meeting, 'publish')).status).toBe(409); // a draft is approved first
    const approved = await moveMinutes(a.meeting, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', content });

    const afterApproval = await writeMinutes(a.meeting, { content: 'Retouche', version: approved.body.version });
    expect(afterApproval.status).toBe(409);
    expect(afterApproval.body.code).toBe('minutes.not_draft');

    const published = await moveMinutes(a.meeting, 'publish');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', content });

    const again = await moveMinutes(a.meeting, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('minutes.transition_forbidden');
    expect((await getMeeting(a.meeting)).minutesStatus).toBe('published');
  });

  it('lets a commission member read only its own bodies, and their minutes only once published', async () => {
    const user = await api(stack, admin)
      .post('/api/users')
      .send({
        email: 'david.usager@test.iss.local',
        displayName: 'David Usager',
        password: 'mot-de-passe-solide',
        roles: ['commission_member'],
        memberId: a.d1,
      });
    expect(user.status).toBe(201);
    const member = await login(stack, 'david.usager@test.iss.local', 'mot-de-passe-solide');

    const groupB = await createBody('Groupe B — santé mentale');
    await addSeat(groupB, 'users', await createMember('Élise Autre-Groupe', 'users'));
    const meetingB = await createMeeting(groupB);
    await publishedMinutes(meetingB, 'Procès-verbal du groupe B.');
    expect((await api(stack, member).get(`/api/meetings/${meetingB}/minutes`)).status).toBe(403);
    expect((await api(stack, member).get(`/api/bodies/${groupB}`)).status).toBe(403);

    const bodies = await api(stack, member).get('/api/bodies');
    expect(bodies.status).toBe(200);
    expect(bodies.body.items.map((b: { id: string }) => b.id)).toEqual([a.body]);

    const meetingA = await createMeeting(a.body, parisDay(-10));
    const minutesOfA = () => api(stack, member).get(`/api/meetings/${meetingA}/minutes`);
    expect((await writeMinutes(meetingA, { content: 'Procès-verbal du groupe A.' })).status).toBe(200);
    expect((await minutesOfA()).status).toBe(403);
    expect((await moveMinutes(meetingA, 'approve')).status).toBe(200);
    expect((await minutesOfA()).status).toBe(403);
    expect((await moveMinutes(meetingA, 'publish')).status).toBe(200);
    const read = await minutesOfA();
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'published', content: 'Procès-verbal du groupe A.' });

    const reportA = await minutesReport(meetingA);
    expect(reportA.status).toBe('done');
    const file = await download(member, reportA.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/application\/pdf/);
    expect((file.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const reportB = await minutesReport(meetingB);
    expect(reportB.status).toBe('done');
    expect((await download(member, reportB.id)).status).toBe(403);
    expect((await api(stack, member).get(`/api/reports/${reportB.id}`)).status).toBe(403);
  });

  it('prints the minutes PDF: attendance by college, quorum, decisions with their votes, the text', async () => {
    const report = await minutesReport(a.meeting);
    expect(report).toMatchObject({ status: 'done' });
    const file = await download(officer, report.id);
    expect(file.status).toBe(200);
    const text = (await pdfText(file.body as Buffer)).replace(/\s+/g, ' ');
    for (const expected of [
      'Procès-verbal — Groupe A — accès aux droits',
      'Quorum atteint : 3 siège(s) présent(s) ou représenté(s) sur 4',
      'Acteurs de santé — 1 / 1 siège(s)',
      'Usagers — 2 / 2 siège(s)',
      'Élus — 0 / 1 siège(s)',
      'Béatrice Suppléante',
      'Avis sur le plan d’action du groupe',
      '2 1 0 adoptée',
      'Point 1 — Adoption du plan d’action',
      'Le groupe adopte son plan d’action.',
      'La séance est levée à 17 heures.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('keeps a seat’s history: an ended mandate leaves it vacant, a new one fills it, a held seat refuses another', async () => {
    const bureau = await createBody('Bureau de test', 'bureau');
    const [first, second, third] = [
      await createMember('Fanny Première', 'institutional'),
      await createMember('Gaël Second', 'institutional'),
      await createMember('Hugo Troisième', 'institutional'),
    ];
    const seat = await addSeat(bureau, 'institutional', first);
    historySeatId = seat.id;
    expect(seat).toMatchObject({ vacant: false, current: { member: { id: first } } });

    const yesterday = parisDay(-1);
    const ended = await api(stack, officer).post(`/api/seats/${seat.id}/end-mandate`).send({ endsOn: yesterday });
    expect(ended.status).toBe(201);
    expect(ended.body).toMatchObject({ vacant: true, current: null });
    expect(ended.body.mandates).toEqual([
      expect.objectContaining({ member: expect.objectContaining({ id: first }), endsOn: yesterday }),
    ]);
    expect((await api(stack, officer).get(`/api/seats/${seat.id}`)).body).toMatchObject({
      vacant: true,
      current: null,
    });
    expect(
      (await api(stack, officer).post(`/api/seats/${seat.id}/end-mandate`).send({ endsOn: yesterday })).status,
    ).toBe(409);

    const today = parisDay();
    const filled = await api(stack, officer)
      .post(`/api/seats/${seat.id}/mandates`)
      .send({ memberId: second, startsOn: today });
    expect(filled.status).toBe(201);
    expect(filled.body).toMatchObject({ vacant: false, current: { member: { id: second }, startsOn: today } });
    expect(filled.body.mandates.map((m: Mandate) => [m.member.id, m.endsOn])).toEqual([
      [first, yesterday],
      [second, null],
    ]);

    const occupied = await api(stack, officer)
      .post(`/api/seats/${seat.id}/mandates`)
      .send({ memberId: third, startsOn: today });
    expect(occupied.status).toBe(409);
    const { seats } = (await api(stack, officer).get(`/api/bodies/${bureau}`)).body as { seats: Seat[] };
    expect(seats.map((s) => [s.id, s.current?.member.id, s.mandates.length])).toEqual([[seat.id, second, 2]]);
  });

  it('computes participation per college: filled and vacant seats, attendance over the last 12 months', async () => {
    const plenary = await createBody('Plénière de test', 'plenary');
    const m = {
      u1: await createMember('Usager Un', 'users'),
      u1b: await createMember('Usager Un bis', 'users'),
      u2: await createMember('Usager Deux', 'users'),
      u3: await createMember('Usager Trois', 'users'),
      gone: await createMember('Usager Parti', 'users'),
      h1: await createMember('Soignant Un', 'health_actors'),
      h2: await createMember('Soignant Deux', 'health_actors'),
      h2b: await createMember('Soignant Deux bis', 'health_actors'),
    };
    await addSeat(plenary, 'users', m.u1, { alternateMemberId: m.u1b });
    await addSeat(plenary, 'users', m.u2);
    await addSeat(plenary, 'users', m.u3);
    await addSeat(plenary, 'users', m.gone, { endsOn: '2024-06-30' }); // vacant, then and now
    await addSeat(plenary, 'health_actors', m.h1);
    await addSeat(plenary, 'health_actors', m.h2, { alternateMemberId: m.h2b });

    // Users: 2 of 3 held seats (Un via the alternate, Trois); health actors: 2 of 2 (Deux represented).
    const held = await createMeeting(plenary);
    expect(
      await recordAttendance(held, [
        [m.u1, 'absent'],
        [m.u1b, 'present'],
        [m.u2, 'excused'],
        [m.u3, 'present'],
        [m.h1, 'present'],
        [m.h2, 'represented'],
      ]),
    ).toMatchObject({ seatsPresent: 4, seatsTotal: 5, quorumReached: true });
    // Neither a meeting older than 12 months nor a planned one counts.
    const old = await createMeeting(plenary, parisDay(-400));
    await recordAttendance(old, [
      [m.u1, 'absent'],
      [m.h1, 'absent'],
    ]);
    await createMeeting(plenary, parisDay(-5));

    const res = await api(stack, officer).get(`/api/bodies/${plenary}/participation`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ bodyId: plenary, meetingsHeld: 1 });
    const none = { seats: 0, filled: 0, vacant: 0, attendanceRate: null };
    expect(res.body.byCollege).toEqual([
      { college: 'health_actors', seats: 2, filled: 2, vacant: 0, attendanceRate: 1 },
      { college: 'users', seats: 4, filled: 3, vacant: 1, attendanceRate: 0.6667 },
      { college: 'elected', ...none },
      { college: 'institutional', ...none },
      { college: 'qualified_person', ...none },
    ]);
    expect(res.body.total).toEqual({ seats: 6, filled: 5, vacant: 1, attendanceRate: 0.8 });
  });

  it('lets only the mission and the delegate manage the commission; everyone in the team reads it', async () => {
    const referent = await login(stack, DEMO.referent31);
    expect((await api(stack, referent).post('/api/bodies').send({ kind: 'bureau', name: 'Refusé' })).status).toBe(403);
    expect((await api(stack, auditor).post('/api/bodies').send({ kind: 'bureau', name: 'Refusé' })).status).toBe(403);
    const asReferent = await api(stack, referent).put(`/api/meetings/${a.meeting}/attendance`).send([]);
    expect(asReferent.status).toBe(403);

    const bodies = await api(stack, auditor).get('/api/bodies');
    expect(bodies.status).toBe(200);
    expect(bodies.body.items.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([a.body]));
    expect((await api(stack, referent).get(`/api/bodies/${a.body}`)).status).toBe(200);
  });

  it('records every change in the audit trail, and nothing for refused ones', async () => {
    expect(await auditActions('body', a.body)).toEqual(['body.create']);
    expect(await auditActions('member', a.a1)).toEqual(['member.create']);
    expect(await auditActions('decision', decisionId)).toEqual(['decision.create']);
    expect([...(await auditActions('seat', historySeatId))].sort()).toEqual([
      'seat.add_mandate',
      'seat.create',
      'seat.end_mandate',
    ]);
    const meeting = await auditActions('meeting', a.meeting);
    expect(meeting).toContain('meeting.create');
    expect(meeting).toContain('meeting.record_attendance');
    const minutes = await auditActions('minutes', a.meeting);
    expect([...minutes].sort()).toEqual(['minutes.approve', 'minutes.create', 'minutes.publish', 'minutes.update']);

    const me = (await api(stack, officer).get('/api/auth/me')).body;
    const res = await api(stack, auditor).get(`/api/audit-events?entityType=minutes&entityId=${a.meeting}`);
    expect(res.body.items.find((e: { action: string }) => e.action === 'minutes.publish')).toMatchObject({
      actorId: me.id,
      entityType: 'minutes',
      entityId: a.meeting,
      before: { status: 'approved' },
      after: { status: 'published' },
    });
    const verify = await api(stack, auditor).get('/api/audit-events/verify');
    expect(verify.body).toMatchObject({ ok: true });
  });
});
