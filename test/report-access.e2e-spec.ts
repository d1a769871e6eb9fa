import { readFileSync } from 'node:fs';
import { createUser } from './support/factories';
import { api, binary, DEMO, login, until } from './support/http';
import { Stack } from './support/stack';

type Report = { id: string; status: string; error?: string | null };
type Account = keyof typeof DEMO;

const DAY_MS = 24 * 3600 * 1000;
/** The day in Paris, `offset` days from today, as YYYY-MM-DD. */
const parisDay = (offset = 0) =>
  new Date(Date.now() + offset * DAY_MS).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/**
 * Who may request, read and download a report is who may read its subject through the subject's own
 * route (CONTRACT.md), checked again at every read with the caller's rights of the moment.
 */
describe('report access follows the right to read the subject, at request and at every download', () => {
  let stack: Stack;
  const tokens = {} as Record<Account, string>;
  let callId: string;
  let plenaryMeeting: string;
  let groupMeeting: string;

  const requestAs = (token: string, kind: string, params: object) =>
    api(stack, token).post('/api/reports').send({ kind, params });
  const statusAs = async (token: string, id: string): Promise<Report> =>
    (await api(stack, token).get(`/api/reports/${id}`)).body;
  const fileAs = (token: string, id: string) =>
    api(stack, token).get(`/api/reports/${id}/file`).buffer(true).parse(binary);
  const finished = (r: Report) => r.status === 'done' || r.status === 'failed';
  const officer = () => api(stack, tokens.officer);

  /** A working group with one seat held by a new member, and a meeting whose minutes are published. */
  const groupWithMeeting = async (memberId?: string) => {
    const body = await officer()
      .post('/api/bodies')
      .send({ kind: 'working_group', name: `Groupe ${Date.now()}` });
    const seatHolder =
      memberId ??
      (await officer().post('/api/members').send({ displayName: 'Élise Test', college: 'users', organization: 'FAS' }))
        .body.id;
    const seat = await officer()
      .post(`/api/bodies/${body.body.id}/seats`)
      .send({ memberId: seatHolder, college: 'users', startsOn: '2024-01-01' });
    expect(seat.status).toBe(201);
    const meeting = await officer()
      .post('/api/meetings')
      .send({ bodyId: body.body.id, startsAt: `${parisDay(-7)}T09:00:00+01:00`, agenda: [{ title: 'Bilan' }] });
    expect(meeting.status).toBe(201);
    const id = meeting.body.id as string;
    for (const [method, url, payload] of [
      ['put', `/api/meetings/${id}/minutes`, { content: 'Relevé de décisions du groupe.' }],
      ['post', `/api/meetings/${id}/minutes/approve`, undefined],
      ['post', `/api/meetings/${id}/minutes/publish`, undefined],
    ] as const)
      expect((await officer()[method](url).send(payload)).status).toBe(200);
    return { meetingId: id, seatId: seat.body.id as string };
  };

  beforeAll(async () => {
    stack = await Stack.start('report_access');
    for (const account of Object.keys(DEMO) as Account[]) tokens[account] = await login(stack, DEMO[account]);
    callId = (await stack.db.query(`SELECT id FROM call WHERE year = 2021`)).rows[0].id;
    plenaryMeeting = (
      await stack.db.query(
        `SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id JOIN minutes n ON n.meeting_id = m.id
         WHERE b.kind = 'plenary' AND n.status = 'published'`,
      )
    ).rows[0].id;
    groupMeeting = (await groupWithMeeting()).meetingId; // the demo member does not sit in it
  }, 120_000);
  afterAll(() => stack.stop());

  // Each report kind against the route that reads its subject: the request answers 202 where that
  // route answers 200, and 403 where it answers 403 — for every kind, one who may not read it.
  // prettier-ignore
  const PARITY: [Account, string, () => object, () => string, 202 | 403][] = [
    ['referent31', 'funding', () => ({ callId }), () => `/api/exports/funding.csv?callId=${callId}`, 403],
    ['member', 'funding', () => ({ callId }), () => `/api/exports/funding.csv?callId=${callId}`, 403],
    ['auditor', 'funding', () => ({ callId }), () => `/api/exports/funding.csv?callId=${callId}`, 202],
    ['member', 'roadmap', () => ({ year: 2022 }), () => '/api/roadmaps/2022', 403],
    ['referent31', 'roadmap', () => ({ year: 2022 }), () => '/api/roadmaps/2022', 202],
    ['member', 'minutes', () => ({ meetingId: groupMeeting }), () => `/api/meetings/${groupMeeting}/minutes`, 403],
    ['member', 'minutes', () => ({ meetingId: plenaryMeeting }), () => `/api/meetings/${plenaryMeeting}/minutes`, 202],
    ['member', 'notice', () => ({ meetingId: groupMeeting }), () => `/api/meetings/${groupMeeting}`, 403],
    ['member', 'notice', () => ({ meetingId: plenaryMeeting }), () => `/api/meetings/${plenaryMeeting}`, 202],
    ['member', 'attendance_sheet', () => ({ meetingId: groupMeeting }), () => `/api/meetings/${groupMeeting}`, 403],
    ['referent34', 'attendance_sheet', () => ({ meetingId: groupMeeting }), () => `/api/meetings/${groupMeeting}`, 202],
    // Every signed-in account reads the directory of referents: no one to refuse.
    ['member', 'directory', () => ({}), () => '/api/departments', 202],
    ['member', 'equity', () => ({ indicator: 'taux_pauvrete_dep', callId }), () => `/api/equity/funding?indicator=taux_pauvrete_dep&callId=${callId}`, 403],
    ['referent31', 'equity', () => ({ indicator: 'taux_pauvrete_dep', year: 2021 }), () => '/api/equity/funding?indicator=taux_pauvrete_dep&year=2021', 202],
  ];

  it.each(PARITY)(
    '%s asks for a %s report → as its subject’s route says (%#)',
    async (account, kind, params, route, expected) => {
      const read = await api(stack, tokens[account]).get(route());
      const requested = await requestAs(tokens[account], kind, params());
      expect({ read: read.status, requested: requested.status }).toEqual({
        read: expected === 202 ? 200 : 403,
        requested: expected,
      });
    },
  );

  it('refuses the funding report of an auditor to a referent, who is refused the same ledger as CSV', async () => {
    const report = await requestAs(tokens.auditor, 'funding', { callId });
    await until(() => statusAs(tokens.auditor, report.body.id), finished, 60_000);
    expect((await fileAs(tokens.auditor, report.body.id)).status).toBe(200);
    for (const account of ['referent31', 'referent34', 'member'] as const) {
      expect((await api(stack, tokens[account]).get(`/api/reports/${report.body.id}`)).status).toBe(403);
      expect((await fileAs(tokens[account], report.body.id)).status).toBe(403);
    }
  }, 90_000);

  it('takes the funding report back from its own requester once its role no longer reads the ledger', async () => {
    const user = await createUser(stack, tokens.admin, { roles: ['auditor'] });
    const auditor = await login(stack, user.email, user.password);
    const requested = await requestAs(auditor, 'funding', { callId });
    expect(requested.status).toBe(202);
    expect(await until(() => statusAs(auditor, requested.body.id), finished, 60_000)).toMatchObject({ status: 'done' });
    expect((await fileAs(auditor, requested.body.id)).status).toBe(200);

    // No route changes an account's roles yet: the admin's change is made in the database.
    await stack.db.query(`UPDATE app_user SET roles = '{departmental_referent}' WHERE id = $1`, [user.id]);
    await stack.db.query(`INSERT INTO user_department (user_id, department_code) VALUES ($1, '31')`, [user.id]);

    expect((await api(stack, auditor).get(`/api/exports/funding.csv?callId=${callId}`)).status).toBe(403);
    expect((await api(stack, auditor).get(`/api/reports/${requested.body.id}`)).status).toBe(403);
    expect((await fileAs(auditor, requested.body.id)).status).toBe(403);
    // Asking again within the dedup window does not hand the existing report back either.
    const again = await requestAs(auditor, 'funding', { callId });
    expect({ status: again.status, id: again.body.id }).toEqual({ status: 403, id: undefined });
  }, 90_000);

  it('takes the minutes report back from a member whose mandate has ended', async () => {
    const memberId = (
      await officer().post('/api/members').send({ displayName: 'Jules Mandat', college: 'users', organization: 'ATD' })
    ).body.id;
    const { meetingId, seatId } = await groupWithMeeting(memberId);
    const user = await api(stack, tokens.admin)
      .post('/api/users')
      .send({
        email: `jules-${Date.now()}@test.iss.local`,
        displayName: 'Jules Mandat',
        password: 'mot-de-passe-solide',
        roles: ['commission_member'],
        memberId,
      });
    expect(user.status).toBe(201);
    const member = await login(stack, user.body.email, 'mot-de-passe-solide');
    const requested = await requestAs(member, 'minutes', { meetingId });
    expect(requested.status).toBe(202);
    expect(await until(() => statusAs(member, requested.body.id), finished, 60_000)).toMatchObject({ status: 'done' });
    expect((await fileAs(member, requested.body.id)).status).toBe(200);

    const ended = await officer()
      .post(`/api/seats/${seatId}/end-mandate`)
      .send({ endsOn: parisDay(-1) });
    expect(ended.status).toBe(201);

    expect((await api(stack, member).get(`/api/meetings/${meetingId}/minutes`)).status).toBe(403);
    expect((await api(stack, member).get(`/api/reports/${requested.body.id}`)).status).toBe(403);
    expect((await fileAs(member, requested.body.id)).status).toBe(403);
    expect((await requestAs(member, 'minutes', { meetingId })).status).toBe(403);
    // The mission still reads it: the report is refused to the member, not lost.
    expect((await fileAs(tokens.officer, requested.body.id)).status).toBe(200);
  }, 120_000);

  it('ends a report whose subject disappeared with a French message; the detail goes to the worker log', async () => {
    const { meetingId } = await groupWithMeeting();
    await stack.stopWorker();
    const requested = await requestAs(tokens.officer, 'notice', { meetingId });
    expect(requested.status).toBe(202);
    await stack.db.query('DELETE FROM agenda_item WHERE meeting_id = $1', [meetingId]);
    await stack.db.query('DELETE FROM minutes WHERE meeting_id = $1', [meetingId]);
    await stack.db.query('DELETE FROM meeting WHERE id = $1', [meetingId]);
    await stack.startWorker();

    const failed = await until(() => statusAs(tokens.officer, requested.body.id), finished, 60_000, 500);
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'Le rapport n’a pas pu être produit : données introuvables (le sujet du rapport n’existe plus)',
    });
    const audit = await api(stack, tokens.admin).get(
      `/api/audit-events?entityType=report&entityId=${requested.body.id}`,
    );
    const failure = audit.body.items.find((e: { action: string }) => e.action === 'report.failed');
    expect(failure.after.error).toBe(failed.error);
    expect(JSON.stringify(audit.body)).not.toContain(`meeting ${meetingId} not found`);
    const log = readFileSync(stack.workerLog!, 'utf8');
    expect(log).toMatch(new RegExp(`Report ${requested.body.id} failed: .*meeting ${meetingId} not found`));
  }, 120_000);
});
