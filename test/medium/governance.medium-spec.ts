import { AuditService } from '@app/audit';
import { ReportKindRegistry } from '@app/reports';
import type { Actor } from '@app/core';
import {
  BodiesService,
  BodyDto,
  GovernanceErrorCode,
  GovernanceModule,
  MeetingDto,
  MeetingsService,
  MemberDto,
  MinutesService,
  PositionsService,
} from '@app/governance';
import { Medium, mediumModule } from './support/medium-module';
import { expectVersionFollowsData } from './support/report-version';

/**
 * The commission through the real BodiesService, MeetingsService and MinutesService: the module as
 * the api imports it (audit, reports and the job queue the published minutes' PDF goes to), its SQL
 * on a migrated database, the app's runtime role.
 */
describe('governance', () => {
  let medium: Medium;
  let bodies: BodiesService;
  let meetings: MeetingsService;
  let minutes: MinutesService;
  let positions: PositionsService;
  let officer: Actor;
  let delegate: Actor;
  let admin: Actor;
  let referent: Actor;
  let auditor: Actor;
  /** A commission member who sits in the bodies `seated` makes. */
  let member: Actor;
  /** A member who sits nowhere. */
  let outsider: Actor;

  beforeAll(async () => {
    medium = await mediumModule([GovernanceModule], { jobs: true });
    bodies = medium.get(BodiesService);
    meetings = medium.get(MeetingsService);
    minutes = medium.get(MinutesService);
    positions = medium.get(PositionsService);
    officer = await medium.actors.missionOfficer();
    delegate = await medium.actors.regionalDelegate();
    admin = await medium.actors.admin();
    referent = await medium.actors.departmentalReferent('31');
    auditor = await medium.actors.auditor();
    member = await medium.actors.commissionMember({ displayName: 'Membre siégeant' });
    outsider = await medium.actors.commissionMember({ displayName: 'Membre sans siège' });
  });

  let made = 0;
  const newBody = (kind: BodyDto['kind'] = 'working_group') =>
    bodies.createBody(officer, { kind, name: `Instance de test ${++made}`, installedOn: '2024-01-01' });
  const newMember = (displayName = `Membre ${++made}`): Promise<MemberDto> =>
    bodies.createMember(officer, {
      displayName,
      organization: 'Organisme',
      college: 'users',
      email: `membre-${++made}@example.org`,
    });
  const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> => {
    const [{ n }] = await medium.db.manager.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return n;
  };

  /** A body of three seats held since 2024 (the first with an alternate), the seated member holding the third. */
  async function seatedBody() {
    const body = await newBody();
    const [a, alternate, b] = [await newMember(), await newMember(), await newMember()];
    await bodies.addSeat(officer, body.id, {
      college: 'users',
      memberId: a.id,
      alternateMemberId: alternate.id,
      startsOn: '2024-01-01',
    });
    await bodies.addSeat(officer, body.id, { college: 'elected', memberId: b.id, startsOn: '2024-01-01' });
    await bodies.addSeat(officer, body.id, {
      college: 'health_actors',
      memberId: member.memberId!,
      startsOn: '2024-01-01',
    });
    return { body, a, alternate, b };
  }

  const meetingOf = (bodyId: string) =>
    meetings.create(officer, {
      bodyId,
      startsAt: '2025-03-10T14:00:00+01:00',
      place: 'Toulouse',
      agenda: [{ title: 'Ouverture' }, { title: 'Feuille de route' }],
    });

  /** A meeting whose attendance reached the quorum (two seats of three). */
  async function heldMeeting() {
    const seated = await seatedBody();
    const meeting = await meetingOf(seated.body.id);
    await meetings.recordAttendance(officer, meeting.id, [
      { memberId: seated.a.id, status: 'absent' },
      { memberId: seated.alternate.id, status: 'present' },
      { memberId: seated.b.id, status: 'present' },
    ]);
    return { ...seated, meeting };
  }

  describe('bodies and members', () => {
    it('lets the mission and the delegate create a body, audited without what the caller may do', async () => {
      const body = await bodies.createBody(delegate, { kind: 'bureau', name: 'Bureau de test' });

      expect(body).toMatchObject({
        kind: 'bureau',
        status: 'active',
        version: 1,
        canManageSeats: true,
        canAddPosition: true,
        canCreateMeeting: true,
      });
      const [event] = await medium.auditEvents('body', body.id);
      expect(event).toMatchObject({ action: 'body.create', actorId: delegate.id, before: null });
      expect(event.after).toEqual({
        id: body.id,
        kind: 'bureau',
        name: 'Bureau de test',
        installedOn: null,
        status: 'active',
        version: 1,
      });
    });

    it('refuses every other role before writing anything', async () => {
      for (const actor of [admin, referent, auditor, member]) {
        await expect(bodies.createBody(actor, { kind: 'bureau', name: 'Refusée' })).rejects.toMatchObject({
          kind: 'forbidden',
          message: 'Seuls la mission et le délégué régional gèrent la commission',
        });
        await expect(
          bodies.createMember(actor, { displayName: 'Refusé', organization: 'x', college: 'users' }),
        ).rejects.toMatchObject({ kind: 'forbidden' });
      }
      expect(await count('body', "name = 'Refusée'")).toBe(0);
      expect(await count('member', "display_name = 'Refusé'")).toBe(0);
    });

    it('writes nothing when the audit event cannot be written (one transaction)', async () => {
      jest.spyOn(medium.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit trail unavailable'));

      await expect(bodies.createBody(officer, { kind: 'bureau', name: 'Sans trace' })).rejects.toThrow(
        'audit trail unavailable',
      );
      expect(await count('body', "name = 'Sans trace'")).toBe(0);
    });

    it('lists every body to the team, referents and auditors, and to a member only those it sits in', async () => {
      const { body } = await seatedBody();
      const other = await newBody();

      for (const actor of [officer, admin, referent, auditor]) {
        const ids = (await bodies.listBodies(actor, { limit: 200, offset: 0 })).items.map((b) => b.id);
        expect(ids).toEqual(expect.arrayContaining([body.id, other.id]));
      }
      const mine = await bodies.listBodies(member, { limit: 200, offset: 0 });
      expect(mine.items.map((b) => b.id)).toContain(body.id);
      expect(mine.items.map((b) => b.id)).not.toContain(other.id);
      expect(mine.canCreate).toBe(false);
      expect(mine.items.every((b) => !b.canManageSeats && !b.canCreateMeeting)).toBe(true);
      expect((await bodies.listBodies(outsider, { limit: 200, offset: 0 })).items).toEqual([]);
      expect((await bodies.listBodies(officer, { limit: 1, offset: 0 })).canCreate).toBe(true);

      await expect(bodies.getBody(member, other.id)).rejects.toMatchObject({ kind: 'forbidden' });
      const detail = await bodies.getBody(member, body.id);
      expect(detail.seats).toHaveLength(3);
      expect(detail.seats.every((s) => !s.canEndMandate && !s.canAddMandate)).toBe(true);
    });

    it("shows members' e-mails to the team and to the member itself only; a plain member reads no list", async () => {
      const created = await newMember('Membre aux coordonnées');

      expect(created.email).toMatch(/@example\.org$/);
      expect((await bodies.getMember(admin, created.id)).email).toBe(created.email);
      expect((await bodies.getMember(referent, created.id)).email).toBeNull();
      expect((await bodies.getMember(auditor, created.id)).email).toBeNull();
      expect((await bodies.getMember(member, member.memberId!)).id).toBe(member.memberId);
      await expect(bodies.getMember(member, created.id)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(bodies.listMembers(member, { limit: 10, offset: 0 })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      const page = await bodies.listMembers(referent, { limit: 200, offset: 0 });
      expect(page.canCreate).toBe(false);
      expect(page.items.find((m) => m.id === created.id)?.email).toBeNull();
      expect((await bodies.listMembers(officer, { limit: 1, offset: 0 })).canCreate).toBe(true);
      await expect(bodies.getMember(officer, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        kind: 'not_found',
        code: GovernanceErrorCode.MemberNotFound,
      });
    });
  });

  describe('seats and mandates', () => {
    it('ends a mandate (the seat falls vacant, its history kept) and gives the seat a new holder', async () => {
      const body = await newBody();
      const [first, second] = [await newMember(), await newMember()];
      const seat = await bodies.addSeat(officer, body.id, {
        college: 'elected',
        label: 'siège de test',
        memberId: first.id,
        startsOn: '2024-01-01',
      });
      expect(seat).toMatchObject({ vacant: false, canEndMandate: true, canAddMandate: false });
      expect(seat.current?.member.id).toBe(first.id);

      const ended = await bodies.endMandate(officer, seat.id, { endsOn: '2025-06-30' });
      expect(ended).toMatchObject({ vacant: true, current: null, canEndMandate: false, canAddMandate: true });
      expect(ended.mandates).toHaveLength(1);

      await expect(
        bodies.addMandate(officer, seat.id, { memberId: second.id, startsOn: '2025-06-01' }),
      ).rejects.toMatchObject({ kind: 'conflict', code: GovernanceErrorCode.SeatOccupied });
      const filled = await bodies.addMandate(officer, seat.id, { memberId: second.id, startsOn: '2025-07-01' });
      expect(filled.current?.member.id).toBe(second.id);
      expect(filled.mandates.map((m) => m.member.id)).toEqual([first.id, second.id]);
      expect(await bodies.getSeat(referent, seat.id)).toMatchObject({ canEndMandate: false, canAddMandate: false });

      const events = await medium.auditEvents('seat', seat.id);
      expect(events.map((e) => e.action)).toEqual(['seat.create', 'seat.end_mandate', 'seat.add_mandate']);
      expect(events[1].before).toMatchObject({ vacant: false });
      expect(events[1].after).toMatchObject({ vacant: true });
      expect(events[2].after).not.toHaveProperty('canEndMandate');
    });

    it('refuses impossible mandates: alternate holding the seat, unknown member, dates backwards, vacant seat', async () => {
      const body = await newBody();
      const holder = await newMember();
      await expect(
        bodies.addSeat(officer, body.id, {
          college: 'users',
          memberId: holder.id,
          alternateMemberId: holder.id,
          startsOn: '2024-01-01',
        }),
      ).rejects.toMatchObject({ kind: 'invalid', code: GovernanceErrorCode.SeatAlternateIsHolder });
      await expect(
        bodies.addSeat(officer, body.id, {
          college: 'users',
          memberId: '00000000-0000-4000-8000-000000000000',
          startsOn: '2024-01-01',
        }),
      ).rejects.toMatchObject({ kind: 'invalid', code: GovernanceErrorCode.MemberUnknown });
      await expect(
        bodies.addSeat(officer, body.id, {
          college: 'users',
          memberId: holder.id,
          startsOn: '2024-01-01',
          endsOn: '2023-01-01',
        }),
      ).rejects.toMatchObject({ kind: 'invalid', code: GovernanceErrorCode.DatesOrder });
      expect(await count('seat', 'body_id = $1', [body.id])).toBe(0);

      const seat = await bodies.addSeat(officer, body.id, {
        college: 'users',
        memberId: holder.id,
        startsOn: '2024-01-01',
      });
      await bodies.endMandate(officer, seat.id, { endsOn: '2024-12-31' });
      await expect(bodies.endMandate(officer, seat.id, { endsOn: '2025-01-31' })).rejects.toMatchObject({
        kind: 'conflict',
        code: GovernanceErrorCode.SeatVacant,
      });
      await expect(bodies.endMandate(referent, seat.id, { endsOn: '2025-01-31' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(bodies.getSeat(officer, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        kind: 'not_found',
        code: GovernanceErrorCode.SeatNotFound,
      });
    });

    it('gives an office to a member, audited on the body', async () => {
      const body = await newBody('plenary');
      const president = await newMember();

      const position = await positions.add(officer, body.id, {
        memberId: president.id,
        role: 'president',
        startsOn: '2024-01-01',
      });

      expect(position).toMatchObject({ bodyId: body.id, endsOn: null, canEnd: true });
      expect((await bodies.getBody(auditor, body.id)).positions).toEqual([{ ...position, canEnd: false }]);
      expect((await medium.auditEvents('body', body.id)).map((e) => e.action)).toEqual([
        'body.create',
        'body.add_position',
      ]);
      await expect(
        positions.add(auditor, body.id, { memberId: president.id, role: 'secretary', startsOn: '2024-01-01' }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('keeps one holder per office at a time: the next one starts after the office is ended', async () => {
      const body = await newBody('plenary');
      const [first, second] = [await newMember(), await newMember()];
      const office = await positions.add(officer, body.id, {
        memberId: first.id,
        role: 'president',
        startsOn: '2024-01-01',
      });
      const next = { memberId: second.id, role: 'president' as const, startsOn: '2025-01-01' };
      await expect(positions.add(officer, body.id, next)).rejects.toMatchObject({
        code: GovernanceErrorCode.PositionTaken,
      });
      await positions.add(officer, body.id, { ...next, role: 'secretary' });

      const ended = await positions.end(officer, office.id, { endsOn: '2024-12-31' });
      const successor = await positions.add(officer, body.id, next);

      expect(ended).toMatchObject({ endsOn: '2024-12-31', canEnd: false });
      expect((await bodies.getBody(officer, body.id)).positions.filter((p) => p.role === 'president')).toEqual([
        successor,
        ended,
      ]);
      const events = await medium.auditEvents('body', body.id);
      expect(events.find((e) => e.action === 'body.end_position')).toMatchObject({
        before: { endsOn: null },
        after: { endsOn: '2024-12-31' },
      });
    });

    it('refuses to end an office before it started, one already over, or for a reader', async () => {
      const body = await newBody('plenary');
      const office = await positions.add(officer, body.id, {
        memberId: (await newMember()).id,
        role: 'secretary',
        startsOn: '2024-06-01',
      });

      await expect(positions.end(officer, office.id, { endsOn: '2024-05-31' })).rejects.toMatchObject({
        code: GovernanceErrorCode.DatesOrder,
      });
      await expect(positions.end(auditor, office.id, { endsOn: '2024-12-31' })).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await positions.end(officer, office.id, { endsOn: '2024-12-31' });
      await expect(positions.end(officer, office.id, { endsOn: '2025-01-31' })).rejects.toMatchObject({
        code: GovernanceErrorCode.PositionEnded,
      });
      await expect(
        positions.end(officer, '00000000-0000-4000-8000-000000000000', { endsOn: '2025-01-31' }),
      ).rejects.toMatchObject({ code: GovernanceErrorCode.PositionNotFound });
    });
  });

  describe('meetings', () => {
    it('convenes a meeting and tells each caller what it may do with it', async () => {
      const { body } = await seatedBody();
      const meeting = await meetingOf(body.id);

      expect(meeting).toMatchObject({
        bodyId: body.id,
        bodyName: body.name,
        status: 'planned',
        agenda: [
          { position: 1, title: 'Ouverture' },
          { position: 2, title: 'Feuille de route' },
        ],
        quorumReached: null,
        allowedTransitions: ['held'],
        canRecordAttendance: true,
        canRecordDecision: false,
      });
      expect(await meetings.get(auditor, meeting.id)).toMatchObject({
        allowedTransitions: [],
        canRecordAttendance: false,
        canRecordDecision: false,
        canWriteMinutes: false,
        canReadMinutes: false,
        minutesStatus: null,
      });
      expect((await meetings.get(officer, meeting.id)).canWriteMinutes).toBe(true);
      const [event] = await medium.auditEvents('meeting', meeting.id);
      expect(event.action).toBe('meeting.create');
      expect(event.after).not.toHaveProperty('allowedTransitions');

      await expect(
        meetings.create(officer, {
          bodyId: '00000000-0000-4000-8000-000000000000',
          startsAt: meeting.startsAt,
          agenda: [],
        }),
      ).rejects.toMatchObject({ kind: 'invalid', code: GovernanceErrorCode.BodyUnknown });
      await expect(
        meetings.create(referent, { bodyId: body.id, startsAt: meeting.startsAt, agenda: [] }),
      ).rejects.toMatchObject({
        kind: 'forbidden',
      });
    });

    it('records the attendance, counting a seat once and an alternate in the holder’s place, and marks the meeting held', async () => {
      const { meeting, a, alternate, b } = await heldMeeting();

      const detail = await meetings.get(officer, meeting.id);
      expect(detail).toMatchObject({
        status: 'held',
        seatsTotal: 3,
        seatsPresent: 2,
        quorumThreshold: 2,
        quorumReached: true,
        allowedTransitions: ['closed'],
        canRecordDecision: true,
      });
      expect(detail.attendance.map((x) => x.memberId).sort()).toEqual([a.id, alternate.id, b.id].sort());
      const events = await medium.auditEvents('meeting', meeting.id);
      expect(events.map((e) => e.action)).toEqual(['meeting.create', 'meeting.record_attendance']);
      expect(events[1].after).toMatchObject({ seatsPresent: 2, quorumReached: true });
    });

    it('refuses an attendance naming someone twice or someone who does not sit, and writes nothing', async () => {
      const { body, a } = await seatedBody();
      const meeting = await meetingOf(body.id);
      const stranger = await newMember();

      await expect(
        meetings.recordAttendance(officer, meeting.id, [
          { memberId: a.id, status: 'present' },
          { memberId: a.id, status: 'absent' },
        ]),
      ).rejects.toMatchObject({ kind: 'invalid', code: GovernanceErrorCode.AttendanceDuplicate });
      await expect(
        meetings.recordAttendance(officer, meeting.id, [{ memberId: stranger.id, status: 'present' }]),
      ).rejects.toMatchObject({ kind: 'invalid', code: GovernanceErrorCode.AttendanceNotSitting });
      expect(await count('attendance', 'meeting_id = $1', [meeting.id])).toBe(0);
      expect((await meetings.get(officer, meeting.id)).status).toBe('planned');
    });

    it('refuses a vote without quorum, then records it once the quorum is reached', async () => {
      const { body, a, b } = await seatedBody();
      const meeting = await meetingOf(body.id);
      const vote = { title: 'Avis', votesFor: 1, votesAgainst: 0, abstentions: 1 };

      await expect(meetings.addDecision(officer, meeting.id, vote)).rejects.toMatchObject({
        kind: 'conflict',
        code: GovernanceErrorCode.MeetingNoQuorum,
      });
      await meetings.recordAttendance(officer, meeting.id, [{ memberId: a.id, status: 'present' }]);
      expect((await meetings.get(officer, meeting.id)).canRecordDecision).toBe(false);
      await meetings.recordAttendance(officer, meeting.id, [
        { memberId: a.id, status: 'present' },
        { memberId: b.id, status: 'represented' },
      ]);

      const decision = await meetings.addDecision(officer, meeting.id, vote);
      expect(decision).toMatchObject({ meetingId: meeting.id, adopted: true, subjectType: null });
      expect((await meetings.get(member, meeting.id)).decisions).toEqual([decision]);
      expect((await medium.auditEvents('decision', decision.id))[0]).toMatchObject({
        action: 'decision.create',
        actorId: officer.id,
      });
      await expect(meetings.addDecision(auditor, meeting.id, vote)).rejects.toMatchObject({ kind: 'forbidden' });
    });

    it('attaches a decision to an item of its meeting’s agenda, refuses one its agenda lacks, and keeps it when the item goes', async () => {
      const { meeting } = await heldMeeting();
      const other = await meetings.create(officer, {
        bodyId: meeting.bodyId,
        startsAt: '2025-04-10T14:00:00+02:00',
        agenda: [{ title: 'Ouverture' }, { title: 'Feuille de route' }, { title: 'Questions diverses' }],
      });
      const vote = { title: 'Avis sur la feuille de route', votesFor: 2, votesAgainst: 0, abstentions: 0 };

      const attached = await meetings.addDecision(officer, meeting.id, { ...vote, agendaItemPosition: 2 });
      expect(attached).toMatchObject({ agendaItemPosition: 2, agendaItemTitle: 'Feuille de route' });
      const outside = await meetings.addDecision(officer, meeting.id, vote);
      expect(outside).toMatchObject({ agendaItemPosition: null, agendaItemTitle: null });
      expect((await meetings.get(member, meeting.id)).decisions).toEqual([attached, outside]);
      expect((await medium.auditEvents('decision', attached.id))[0].after).toMatchObject({
        agendaItemPosition: 2,
        agendaItemTitle: 'Feuille de route',
      });

      // Item 3 is on the other meeting's agenda only; 9 on none.
      for (const agendaItemPosition of [3, 9]) {
        await expect(meetings.addDecision(officer, meeting.id, { ...vote, agendaItemPosition })).rejects.toMatchObject({
          kind: 'invalid',
          code: GovernanceErrorCode.DecisionAgendaItemUnknown,
        });
      }
      expect(await count('decision', 'meeting_id = $1', [meeting.id])).toBe(2);
      // The database holds the same line: the reference carries the decision's own meeting.
      await expect(
        medium.db.manager.query(
          `INSERT INTO decision (meeting_id, agenda_item_position, title, votes_for, votes_against, abstentions)
           VALUES ($1, 3, 'Hors de son ordre du jour', 1, 0, 0)`,
          [meeting.id],
        ),
      ).rejects.toThrow(/decision_agenda_item_fkey/);
      expect((await meetings.get(officer, other.id)).decisions).toEqual([]);

      // An item taken off the agenda unlinks its decisions instead of being blocked by them.
      await medium.db.manager.query('DELETE FROM agenda_item WHERE meeting_id = $1 AND position = 2', [meeting.id]);
      const [kept] = (await meetings.get(officer, meeting.id)).decisions;
      expect(kept).toMatchObject({ id: attached.id, agendaItemPosition: null, agendaItemTitle: null });
    });

    it('moves planned → held → closed; refuses other moves (409 naming the allowed ones) and records on a closed meeting', async () => {
      const { body, a } = await seatedBody();
      const meeting = await meetingOf(body.id);

      await expect(meetings.transition(officer, meeting.id, 'closed')).rejects.toMatchObject({
        kind: 'conflict',
        code: GovernanceErrorCode.MeetingTransitionForbidden,
        details: { from: 'planned', to: 'closed', allowedTransitions: ['held'] },
      });
      const held: MeetingDto = await meetings.transition(officer, meeting.id, 'held');
      expect(held).toMatchObject({ status: 'held', allowedTransitions: ['closed'], version: 2 });
      const closed = await meetings.transition(delegate, meeting.id, 'closed');
      expect(closed).toMatchObject({
        status: 'closed',
        allowedTransitions: [],
        canRecordAttendance: false,
        canRecordDecision: false,
      });
      await expect(meetings.transition(officer, meeting.id, 'held')).rejects.toMatchObject({
        kind: 'conflict',
        details: { from: 'closed', to: 'held', allowedTransitions: [] },
      });
      await expect(
        meetings.recordAttendance(officer, meeting.id, [{ memberId: a.id, status: 'present' }]),
      ).rejects.toMatchObject({ kind: 'conflict', code: GovernanceErrorCode.MeetingClosed });

      const events = await medium.auditEvents('meeting', meeting.id);
      expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
        ['meeting.create', null, expect.anything()],
        ['meeting.held', { status: 'planned' }, { status: 'held' }],
        ['meeting.closed', { status: 'held' }, { status: 'closed' }],
      ]);
    });

    it('refuses a move to a non-manager before reading the meeting (403 even for a meeting that does not exist)', async () => {
      for (const actor of [admin, referent, auditor, member]) {
        await expect(meetings.transition(actor, '00000000-0000-4000-8000-000000000000', 'held')).rejects.toMatchObject({
          kind: 'forbidden',
        });
      }
      await expect(meetings.transition(officer, '00000000-0000-4000-8000-000000000000', 'held')).rejects.toMatchObject({
        kind: 'not_found',
        code: GovernanceErrorCode.MeetingNotFound,
      });
    });

    it('shows a member the meetings of its own bodies only', async () => {
      const { meeting } = await heldMeeting();
      const elsewhere = await meetingOf((await newBody()).id);

      expect((await meetings.get(member, meeting.id)).id).toBe(meeting.id);
      await expect(meetings.get(member, elsewhere.id)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(meetings.get(outsider, meeting.id)).rejects.toMatchObject({ kind: 'forbidden' });
      const listed = (await meetings.list(member, { limit: 200, offset: 0 })).items.map((m) => m.id);
      expect(listed).toContain(meeting.id);
      expect(listed).not.toContain(elsewhere.id);
      const everything = (await meetings.list(referent, { limit: 200, offset: 0 })).items.map((m) => m.id);
      expect(everything).toEqual(expect.arrayContaining([meeting.id, elsewhere.id]));
    });
  });

  describe('minutes', () => {
    it('takes the minutes draft → approved → published, at the version read, with their PDF queued', async () => {
      const { meeting } = await heldMeeting();

      const draft = await minutes.write(officer, meeting.id, { content: 'Premier jet.' });
      expect(draft).toMatchObject({
        status: 'draft',
        version: 1,
        allowedTransitions: ['approved'],
        canEdit: true,
      });
      await expect(minutes.write(officer, meeting.id, { content: 'Sans version' })).rejects.toMatchObject({
        kind: 'invalid',
        code: GovernanceErrorCode.MinutesVersionRequired,
      });
      const second = await minutes.write(officer, meeting.id, { content: 'Texte relu.', version: 1 });
      expect(second.version).toBe(2);
      await expect(minutes.write(delegate, meeting.id, { content: 'Écrasé', version: 1 })).rejects.toMatchObject({
        kind: 'conflict',
        code: GovernanceErrorCode.MinutesStaleVersion,
      });
      expect((await minutes.get(officer, meeting.id)).content).toBe('Texte relu.');

      await expect(minutes.publish(officer, meeting.id)).rejects.toMatchObject({
        kind: 'conflict',
        code: GovernanceErrorCode.MinutesTransitionForbidden,
        details: { from: 'draft', to: 'published', allowedTransitions: ['approved'] },
      });
      const approved = await minutes.approve(officer, meeting.id);
      expect(approved).toMatchObject({ status: 'approved', allowedTransitions: ['published'], canEdit: false });
      await expect(
        minutes.write(officer, meeting.id, { content: 'Retouche', version: approved.version }),
      ).rejects.toMatchObject({ kind: 'conflict', code: GovernanceErrorCode.MinutesNotDraft });
      await expect(minutes.approve(officer, meeting.id)).rejects.toMatchObject({
        kind: 'conflict',
        code: GovernanceErrorCode.MinutesTransitionForbidden,
      });

      const listedBefore = (await meetings.list(officer, { limit: 200, offset: 0 })).items;
      expect(listedBefore.find((m) => m.id === meeting.id)?.minutesPublished).toBe(false);
      const published = await minutes.publish(delegate, meeting.id);
      expect(published).toMatchObject({ status: 'published', allowedTransitions: [], canEdit: false });
      const listed = (await meetings.list(officer, { limit: 200, offset: 0 })).items;
      expect(listed.find((m) => m.id === meeting.id)?.minutesPublished).toBe(true);
      expect((await meetings.get(officer, meeting.id)).minutesPublished).toBe(true);
      expect(
        await count('report', "kind = 'minutes' AND params->>'meetingId' = $1 AND requested_by = $2", [
          meeting.id,
          delegate.id,
        ]),
      ).toBe(1);

      const events = await medium.auditEvents('minutes', meeting.id);
      expect(events.map((e) => [e.action, e.actorId])).toEqual([
        ['minutes.create', officer.id],
        ['minutes.update', officer.id],
        ['minutes.approve', officer.id],
        ['minutes.publish', delegate.id],
      ]);
      expect(events[3]).toMatchObject({
        before: { status: 'approved', version: 3 },
        after: { status: 'published', version: 4 },
      });
      expect(events[0].after).not.toHaveProperty('canEdit');
    });

    it('lets only managers write, approve and publish, refused before anything is read', async () => {
      const { meeting } = await heldMeeting();
      await minutes.write(officer, meeting.id, { content: 'Brouillon.' });

      for (const actor of [admin, referent, auditor, member]) {
        await expect(minutes.write(actor, meeting.id, { content: 'x', version: 1 })).rejects.toMatchObject({
          kind: 'forbidden',
        });
        await expect(minutes.approve(actor, meeting.id)).rejects.toMatchObject({ kind: 'forbidden' });
        await expect(minutes.publish(actor, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
          kind: 'forbidden',
        });
      }
      expect((await minutes.get(officer, meeting.id)).version).toBe(1);
      await expect(minutes.approve(officer, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
        kind: 'not_found',
        code: GovernanceErrorCode.MeetingNotFound,
      });
    });

    it('lets a member read the minutes of its bodies once published; the team reads every state', async () => {
      const { meeting } = await heldMeeting();

      await expect(minutes.get(auditor, meeting.id)).rejects.toMatchObject({
        kind: 'not_found',
        code: GovernanceErrorCode.MinutesNotFound,
      });
      await expect(minutes.approve(officer, meeting.id)).rejects.toMatchObject({
        kind: 'not_found',
        code: GovernanceErrorCode.MinutesNotFound,
      });
      await minutes.write(officer, meeting.id, { content: 'Brouillon.' });
      expect(await minutes.get(auditor, meeting.id)).toMatchObject({ status: 'draft', canEdit: false });
      expect(await minutes.get(referent, meeting.id)).toMatchObject({ allowedTransitions: [] });
      await expect(minutes.get(member, meeting.id)).rejects.toMatchObject({
        kind: 'forbidden',
        message: 'Ce procès-verbal n’est pas encore publié',
      });
      expect((await meetings.get(member, meeting.id)).canReadMinutes).toBe(false);
      expect((await meetings.get(auditor, meeting.id)).canReadMinutes).toBe(true);

      await minutes.approve(officer, meeting.id);
      expect((await meetings.get(officer, meeting.id)).canWriteMinutes).toBe(false);
      await minutes.publish(officer, meeting.id);
      expect(await minutes.get(member, meeting.id)).toMatchObject({ status: 'published', canEdit: false });
      expect(await meetings.get(member, meeting.id)).toMatchObject({
        minutesStatus: 'published',
        canReadMinutes: true,
        canWriteMinutes: false,
      });
      await expect(minutes.assertCanRead(outsider, meeting.id)).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });
  describe('meeting documents’ data version', () => {
    it('changes with whatever the minutes, the notice and the attendance sheet print', async () => {
      const { meeting, body, a, alternate, b } = await heldMeeting();
      const params = { meetingId: meeting.id };
      const sql = (text: string, values: unknown[]) => medium.db.manager.query(text, values);

      await expectVersionFollowsData(medium, 'minutes', params, {
        'an attendee added': () =>
          meetings.recordAttendance(officer, meeting.id, [
            { memberId: a.id, status: 'absent' },
            { memberId: alternate.id, status: 'present' },
            { memberId: b.id, status: 'present' },
            { memberId: member.memberId!, status: 'present' },
          ]),
        'a decision recorded': () =>
          meetings.addDecision(officer, meeting.id, { title: 'Avis', votesFor: 2, votesAgainst: 0, abstentions: 1 }),
        'the minutes written': () => minutes.write(officer, meeting.id, { content: 'Premier jet.' }),
        'the minutes rewritten': () => minutes.write(officer, meeting.id, { content: 'Texte relu.', version: 1 }),
        'a seated member renamed': () => sql('UPDATE member SET display_name = $2 WHERE id = $1', [b.id, 'Nom changé']),
        'an agenda item retitled': () =>
          sql('UPDATE agenda_item SET title = $2 WHERE meeting_id = $1 AND position = 1', [meeting.id, 'Accueil']),
      });
      await expectVersionFollowsData(medium, 'notice', params, {
        'a seat added to the body': async () =>
          bodies.addSeat(officer, body.id, {
            college: 'qualified_person',
            memberId: (await newMember()).id,
            startsOn: '2024-06-01',
          }),
        'the meeting moved': () => sql('UPDATE meeting SET place = $2 WHERE id = $1', [meeting.id, 'Montpellier']),
      });
      await expectVersionFollowsData(medium, 'attendance_sheet', params, {
        'the body renamed': () => sql('UPDATE body SET name = name || $2 WHERE id = $1', [body.id, ' (renommée)']),
      });
    });

    it('stays put when another meeting of the body changes', async () => {
      const { meeting, body } = await heldMeeting();
      const definition = medium.get(ReportKindRegistry).get('notice');
      const before = await definition.dataVersion({ meetingId: meeting.id });

      const other = await meetingOf(body.id);
      await medium.db.manager.query('UPDATE meeting SET place = $2 WHERE id = $1', [other.id, 'Albi']);

      expect(await definition.dataVersion({ meetingId: meeting.id })).toBe(before);
    });
  });
});
