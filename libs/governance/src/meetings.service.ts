import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, Database, DomainError, Page, parisDay, TransitionForbiddenCode, Tx } from '@app/core';
import { ReportsService } from '@app/reports';
import { BodiesRepository } from './bodies.repository';
import {
  AttendanceEntryDto,
  AttendanceResultDto,
  CreateDecisionDto,
  CreateMeetingDto,
  DecisionDto,
  MeetingDetailDto,
  MeetingDto,
  MeetingQueryDto,
  MinutesDto,
  WriteMinutesDto,
} from './dto/meeting.dto';
import { DecisionEntity } from './entities/decision.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { MinutesEntity } from './entities/minutes.entity';
import { GovernanceAccess } from './governance-access';
import {
  MEETING_OPEN_FOR_RECORDS,
  MEETING_TRANSITIONS,
  MINUTES_TRANSITIONS,
  type MeetingStatus,
  type MinutesStatus,
} from './governance.constants';
import { MeetingsRepository } from './meetings.repository';
import { computeQuorum } from './quorum';
import { GovernanceErrorCode } from './governance.errors';

/** Meetings of the commission's bodies: agenda, attendance and quorum, decisions, minutes. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly db: Database,
    private readonly meetings: MeetingsRepository,
    private readonly bodies: BodiesRepository,
    private readonly access: GovernanceAccess,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
  ) {}

  async create(actor: Actor, dto: CreateMeetingDto): Promise<MeetingDto> {
    this.access.assertManager(actor);
    const body = await this.bodies.findBody(dto.bodyId);
    if (!body) throw DomainError.invalid(GovernanceErrorCode.BodyUnknown, `bodyId: no body ${dto.bodyId}`);
    return this.db.transaction(async (tx) => {
      const id = await this.meetings.insertMeeting(
        tx,
        { bodyId: body.id, startsAt: new Date(dto.startsAt), place: dto.place ?? null, videoUrl: dto.videoUrl ?? null },
        dto.agenda.map((a) => a.title),
      );
      const meeting = await this.meetingDto((await this.meetings.findMeeting(id, tx))!, tx);
      await this.audit.record(tx, actor, {
        action: 'meeting.create',
        entityType: 'meeting',
        entityId: id,
        after: meeting,
      });
      return meeting;
    });
  }

  async list(actor: Actor, query: MeetingQueryDto): Promise<Page<MeetingDto>> {
    const bodyIds = await this.access.readableBodyIds(actor);
    const [rows, total] = await this.meetings.listMeetings({ ...query, bodyIds });
    const agenda = await this.meetings.agendaOf(rows.map((m) => m.id));
    const names = await this.bodyNames(rows.map((m) => m.bodyId));
    return {
      items: rows.map((m) =>
        toMeetingDto(
          m,
          names.get(m.bodyId) ?? '',
          agenda.filter((a) => a.meetingId === m.id),
        ),
      ),
      total,
    };
  }

  async get(actor: Actor, id: string): Promise<MeetingDetailDto> {
    const meeting = await this.readableMeeting(actor, id);
    const [base, attendance, decisions, minutes] = await Promise.all([
      this.meetingDto(meeting),
      this.meetings.attendanceOf(id),
      this.meetings.decisionsOf(id),
      this.meetings.findMinutes(id),
    ]);
    return { ...base, attendance, decisions: decisions.map(toDecisionDto), minutesStatus: minutes?.status ?? null };
  }

  async transition(actor: Actor, id: string, to: MeetingStatus): Promise<MeetingDto> {
    this.access.assertManager(actor);
    return this.db.transaction(async (tx) => {
      const before = await this.lockedMeeting(tx, id);
      assertTransition(GovernanceErrorCode.MeetingTransitionForbidden, MEETING_TRANSITIONS, before.status, to);
      await this.meetings.setStatus(tx, id, [before.status], to);
      const after = await this.meetingDto((await this.meetings.findMeeting(id, tx))!, tx);
      await this.audit.record(tx, actor, {
        action: `meeting.${to}`,
        entityType: 'meeting',
        entityId: id,
        before: { status: before.status },
        after: { status: to },
      });
      return after;
    });
  }

  /**
   * Replaces the attendance sheet and stores the quorum it gives. Everyone listed must sit in the
   * body on the meeting's day, as full member or alternate. Recording attendance marks the meeting held.
   */
  async recordAttendance(actor: Actor, id: string, entries: AttendanceEntryDto[]): Promise<AttendanceResultDto> {
    this.access.assertManager(actor);
    const duplicates = entries.map((e) => e.memberId).filter((m, i, all) => all.indexOf(m) !== i);
    if (duplicates.length > 0)
      throw DomainError.invalid(
        GovernanceErrorCode.AttendanceDuplicate,
        `memberId: listed twice: ${[...new Set(duplicates)].join(', ')}`,
      );
    return this.db.transaction(async (tx) => {
      const meeting = await this.lockedMeeting(tx, id);
      assertOpen(meeting);
      const holders = await this.bodies.seatHoldersOn(meeting.bodyId, parisDay(meeting.startsAt), tx);
      const sitting = new Set(
        holders.flatMap((h) => [h.memberId, h.alternateMemberId].filter((m): m is string => m !== null)),
      );
      const strangers = entries.filter((e) => !sitting.has(e.memberId)).map((e) => e.memberId);
      if (strangers.length > 0) {
        throw DomainError.invalid(
          GovernanceErrorCode.AttendanceNotSitting,
          `memberId: not sitting in this body on the meeting's day: ${strangers.join(', ')}`,
        );
      }
      const before = { attendance: await this.meetings.attendanceOf(id, tx), quorumReached: meeting.quorumReached };
      await this.meetings.replaceAttendance(tx, id, entries);
      const quorum = computeQuorum(holders, new Map(entries.map((e) => [e.memberId, e.status])));
      await this.meetings.recordQuorum(tx, id, quorum, 'held');
      const result: AttendanceResultDto = {
        meetingId: id,
        attendance: await this.meetings.attendanceOf(id, tx),
        ...quorum,
      };
      await this.audit.record(tx, actor, {
        action: 'meeting.record_attendance',
        entityType: 'meeting',
        entityId: id,
        before,
        after: result,
      });
      return result;
    });
  }

  /** A deliberation or opinion, voted at a meeting that reached its quorum. */
  async addDecision(actor: Actor, id: string, dto: CreateDecisionDto): Promise<DecisionDto> {
    this.access.assertManager(actor);
    return this.db.transaction(async (tx) => {
      const meeting = await this.lockedMeeting(tx, id);
      assertOpen(meeting);
      if (meeting.quorumReached !== true) {
        throw DomainError.conflict(
          GovernanceErrorCode.MeetingNoQuorum,
          'No vote without quorum: record an attendance that reaches it first',
        );
      }
      const decision = toDecisionDto(
        await this.meetings.insertDecision(tx, {
          meetingId: id,
          title: dto.title,
          text: dto.text ?? null,
          votesFor: dto.votesFor,
          votesAgainst: dto.votesAgainst,
          abstentions: dto.abstentions,
          subjectType: dto.subjectType ?? null,
          subjectId: dto.subjectId ?? null,
        }),
      );
      await this.audit.record(tx, actor, {
        action: 'decision.create',
        entityType: 'decision',
        entityId: decision.id,
        after: decision,
      });
      return decision;
    });
  }

  /** Creates the draft, or changes it at the version read (stale → 409, nothing written). */
  async writeMinutes(actor: Actor, id: string, dto: WriteMinutesDto): Promise<MinutesDto> {
    this.access.assertManager(actor);
    return this.db.transaction(async (tx) => {
      await this.lockedMeeting(tx, id);
      const before = await this.meetings.findMinutes(id, tx);
      if (!before) {
        const created = await this.meetings.insertMinutes(tx, id, dto.content);
        await this.audit.record(tx, actor, {
          action: 'minutes.create',
          entityType: 'minutes',
          entityId: id,
          after: toMinutesDto(created),
        });
        return toMinutesDto(created);
      }
      if (before.status !== 'draft') {
        throw DomainError.conflict(
          GovernanceErrorCode.MinutesNotDraft,
          `Minutes are ${before.status}: only a draft can be edited`,
        );
      }
      if (dto.version === undefined)
        throw DomainError.invalid(
          GovernanceErrorCode.MinutesVersionRequired,
          'version: required to change existing minutes',
        );
      const after = await this.meetings.updateMinutesContent(tx, id, dto.version, dto.content);
      if (!after) throw DomainError.staleVersion(GovernanceErrorCode.MinutesStaleVersion);
      await this.audit.record(tx, actor, {
        action: 'minutes.update',
        entityType: 'minutes',
        entityId: id,
        before: toMinutesDto(before),
        after: toMinutesDto(after),
      });
      return toMinutesDto(after);
    });
  }

  approveMinutes(actor: Actor, id: string): Promise<MinutesDto> {
    return this.db.transaction((tx) => this.moveMinutes(tx, actor, id, 'approved'));
  }

  /** Publishes and records the minutes PDF request in the same transaction; queues it after commit. */
  async publishMinutes(actor: Actor, id: string): Promise<MinutesDto> {
    const { minutes, report } = await this.db.transaction(async (tx) => {
      const published = await this.moveMinutes(tx, actor, id, 'published');
      const queued = await this.reports.requestWithin(tx, actor, { kind: 'minutes', params: { meetingId: id } });
      return { minutes: published, report: queued };
    });
    await this.reports.enqueue(report);
    return minutes;
  }

  async getMinutes(actor: Actor, id: string): Promise<MinutesDto> {
    await this.assertCanReadMinutes(actor, id);
    return toMinutesDto((await this.meetings.findMinutes(id))!);
  }

  /** Members read published minutes of their own bodies only; the team reads every state. */
  async assertCanReadMinutes(actor: Actor, id: string): Promise<void> {
    await this.readableMeeting(actor, id);
    const minutes = await this.meetings.findMinutes(id);
    if (!minutes) throw DomainError.notFound(GovernanceErrorCode.MinutesNotFound, id);
    if ((await this.access.readableBodyIds(actor)) !== null && minutes.status !== 'published') {
      throw DomainError.forbidden('Ce procès-verbal n’est pas encore publié');
    }
  }

  async readableMeeting(actor: Actor, id: string): Promise<MeetingEntity> {
    const meeting = await this.meetings.findMeeting(id);
    if (!meeting) throw DomainError.notFound(GovernanceErrorCode.MeetingNotFound, id);
    await this.access.assertCanReadBody(actor, meeting.bodyId);
    return meeting;
  }

  private async moveMinutes(tx: Tx, actor: Actor, id: string, to: MinutesStatus): Promise<MinutesDto> {
    this.access.assertManager(actor);
    await this.lockedMeeting(tx, id);
    const before = await this.meetings.findMinutes(id, tx);
    if (!before) throw DomainError.notFound(GovernanceErrorCode.MinutesNotFound, id);
    assertTransition(GovernanceErrorCode.MinutesTransitionForbidden, MINUTES_TRANSITIONS, before.status, to);
    const after = (await this.meetings.setMinutesStatus(tx, id, [before.status], to))!;
    await this.audit.record(tx, actor, {
      action: `minutes.${to === 'approved' ? 'approve' : 'publish'}`,
      entityType: 'minutes',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version },
    });
    return toMinutesDto(after);
  }

  private async lockedMeeting(tx: Tx, id: string): Promise<MeetingEntity> {
    const meeting = await this.meetings.lockMeeting(tx, id);
    if (!meeting) throw DomainError.notFound(GovernanceErrorCode.MeetingNotFound, id);
    return meeting;
  }

  private async meetingDto(meeting: MeetingEntity, tx?: Tx): Promise<MeetingDto> {
    const [names, agenda] = await Promise.all([
      this.bodyNames([meeting.bodyId]),
      this.meetings.agendaOf([meeting.id], tx),
    ]);
    return toMeetingDto(meeting, names.get(meeting.bodyId) ?? '', agenda);
  }

  private async bodyNames(ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) names.set(id, (await this.bodies.findBody(id))?.name ?? '');
    return names;
  }
}

function assertTransition<S extends string>(
  code: GovernanceErrorCode & TransitionForbiddenCode,
  table: Record<S, readonly S[]>,
  from: S,
  to: S,
): void {
  if (!table[from].includes(to)) throw DomainError.forbiddenTransition(code, from, to, table[from]);
}

function assertOpen(meeting: MeetingEntity): void {
  if (!MEETING_OPEN_FOR_RECORDS.includes(meeting.status)) {
    throw DomainError.conflict(
      GovernanceErrorCode.MeetingClosed,
      'This meeting is closed: nothing more can be recorded on it',
    );
  }
}

function toMeetingDto(m: MeetingEntity, bodyName: string, agenda: { position: number; title: string }[]): MeetingDto {
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName,
    startsAt: new Date(m.startsAt).toISOString(),
    place: m.place,
    videoUrl: m.videoUrl,
    status: m.status,
    agenda: agenda.map((a) => ({ position: a.position, title: a.title })),
    quorumReached: m.quorumReached,
    seatsTotal: m.seatsTotal,
    seatsPresent: m.seatsPresent,
    version: m.version,
  };
}

export function toDecisionDto(d: DecisionEntity): DecisionDto {
  return {
    id: d.id,
    meetingId: d.meetingId,
    title: d.title,
    text: d.text,
    votesFor: d.votesFor,
    votesAgainst: d.votesAgainst,
    abstentions: d.abstentions,
    adopted: d.votesFor > d.votesAgainst,
    subjectType: d.subjectType,
    subjectId: d.subjectId,
    createdAt: d.createdAt.toISOString(),
  };
}

function toMinutesDto(m: MinutesEntity): MinutesDto {
  return {
    meetingId: m.meetingId,
    status: m.status,
    content: m.content,
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
  };
}
