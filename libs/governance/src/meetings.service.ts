import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, DecisionLinks, type DecisionSubject, DomainError, found, Page, parisDay, Tx } from '@app/core';
import { BodiesRepository } from './bodies.repository';
import {
  AttendanceEntryDto,
  AttendanceResultDto,
  CreateDecisionDto,
  CreateMeetingDto,
  MoveMeetingDto,
  DecisionDto,
  MeetingDetailDto,
  MeetingDto,
  MeetingQueryDto,
} from './dto/meeting.dto';
import { AgendaItemEntity } from './entities/agenda-item.entity';
import { DecisionEntity } from './entities/decision.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { GovernanceAccess } from './governance-access';
import { MEETING_LIFECYCLE, type MeetingStatus } from './governance.constants';
import { GovernanceErrorCode } from './governance.errors';
import {
  governancePolicy,
  isOpenForRecords,
  MANAGERS_ONLY,
  mayReadMinutes,
  meetingActions,
  minutesActions,
  type MeetingActions,
} from './governance.policy';
import { MeetingMail } from './meeting-mail';
import { MeetingsRepository } from './meetings.repository';
import { MinutesRepository } from './minutes.repository';
import { computeQuorum, quorumThreshold } from './quorum';

type AgendaItem = Pick<AgendaItemEntity, 'position' | 'title'>;

/** The meeting as stored and audited; the DTO adds what the caller may do with it. */
type MeetingState = Omit<MeetingDto, keyof MeetingActions | 'minutesPublished'>;

/** Meetings of the commission's bodies: agenda, attendance and quorum, decisions (minutes: MinutesService). */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly minutes: MinutesRepository,
    private readonly bodies: BodiesRepository,
    private readonly access: GovernanceAccess,
    private readonly audit: AuditService,
    private readonly links: DecisionLinks,
    private readonly mail: MeetingMail,
  ) {}

  async create(actor: Actor, dto: CreateMeetingDto): Promise<MeetingDto> {
    governancePolicy.assert(actor, 'manage');
    const body = await this.bodies.findBody(dto.bodyId);
    if (!body) throw DomainError.invalid(GovernanceErrorCode.BodyUnknown, `bodyId: no body ${dto.bodyId}`);
    const meeting = await this.audit.write(actor, async (tx) => {
      const id = await this.meetings.insertMeeting(
        tx,
        { bodyId: body.id, startsAt: new Date(dto.startsAt), place: dto.place ?? null, videoUrl: dto.videoUrl ?? null },
        dto.agenda.map((a) => a.title),
      );
      const created = await this.meetingState((await this.meetings.findMeeting(id, tx))!, tx);
      return {
        result: created,
        audit: { action: 'meeting.create', entityType: 'meeting', entityId: id, after: created },
      };
    });
    return forCaller(actor, meeting, false); // a new meeting has no minutes
  }

  async list(actor: Actor, query: MeetingQueryDto): Promise<Page<MeetingDto>> {
    const bodyIds = await this.access.readableBodyIds(actor);
    const [rows, total] = await this.meetings.listMeetings({ ...query, bodyIds });
    const agenda = await this.meetings.agendaOf(rows.map((m) => m.id));
    const names = await this.bodyNames(rows.map((m) => m.bodyId));
    const published = await this.minutes.publishedAmong(rows.map((m) => m.id));
    return {
      items: rows.map((m) =>
        forCaller(
          actor,
          toMeetingState(
            m,
            names.get(m.bodyId) ?? '',
            agenda.filter((a) => a.meetingId === m.id),
          ),
          published.has(m.id),
        ),
      ),
      total,
    };
  }

  async get(actor: Actor, id: string): Promise<MeetingDetailDto> {
    const meeting = await this.access.readableMeeting(actor, id);
    const [base, attendance, decisions, minutes] = await Promise.all([
      this.meetingState(meeting),
      this.meetings.attendanceOf(id),
      this.meetings.decisionsOf(id),
      this.minutes.find(id),
    ]);
    const minutesStatus = minutes?.status ?? null;
    return {
      ...forCaller(actor, base, minutesStatus === 'published'),
      attendance,
      decisions: decisions.map((d) => toDecisionDto(d, base.agenda)),
      minutesStatus,
      canWriteMinutes: minutesActions(actor, minutesStatus).canEdit,
      canReadMinutes: minutesStatus !== null && mayReadMinutes(actor, minutesStatus),
    };
  }

  async transition(actor: Actor, id: string, to: MeetingStatus): Promise<MeetingDto> {
    MEETING_LIFECYCLE.assertMayMoveTo(actor, to, MANAGERS_ONLY);
    const after = await this.audit.write(actor, async (tx) => {
      const before = await this.lockedMeeting(tx, id);
      MEETING_LIFECYCLE.assertMove(actor, before.status, to, {
        transition: GovernanceErrorCode.MeetingTransitionForbidden,
      });
      await this.meetings.setStatus(tx, id, MEETING_LIFECYCLE.leadingTo(to), to);
      return {
        result: await this.meetingState((await this.meetings.findMeeting(id, tx))!, tx),
        audit: {
          action: `meeting.${to}`,
          entityType: 'meeting',
          entityId: id,
          before: { status: before.status },
          after: { status: to },
        },
      };
    });
    return forCaller(actor, after, (await this.minutes.find(id))?.status === 'published');
  }

  /**
   * Convenes a planned meeting: the convocation, with the agenda and the notice PDF, to each member of
   * the body (full members and alternates), written with the event and sent by the worker after commit.
   * Once only: a meeting already convened answers 409 (a change of date or place sends an update).
   */
  async convene(actor: Actor, id: string): Promise<MeetingDto> {
    governancePolicy.assert(actor, 'manage');
    const { meeting, messages } = await this.audit.write(actor, async (tx) => {
      const before = await this.plannedMeeting(tx, id, 'convoquée');
      if (before.convenedAt)
        throw DomainError.conflict(GovernanceErrorCode.MeetingAlreadyConvened, 'Cette séance a déjà été convoquée');
      await this.meetings.markConvened(tx, id);
      const convened = (await this.meetings.findMeeting(id, tx))!;
      const messages = await this.mail.convocations(tx, convened);
      const after = await this.meetingState(convened, tx);
      return {
        result: { meeting: after, messages },
        audit: {
          action: 'meeting.convene',
          entityType: 'meeting',
          entityId: id,
          before: { convenedAt: null },
          after: { convenedAt: after.convenedAt, messages: messages.length },
        },
      };
    });
    await this.mail.enqueue(messages);
    return forCaller(actor, meeting, false); // a planned meeting has no published minutes
  }

  /**
   * Moves a meeting not yet held (date, place, video link) at the version read; once convened, each
   * member gets an update with the notice as it now reads.
   */
  async move(actor: Actor, id: string, dto: MoveMeetingDto): Promise<MeetingDto> {
    governancePolicy.assert(actor, 'manage');
    const { meeting, messages } = await this.audit.write(actor, async (tx) => {
      const before = await this.plannedMeeting(tx, id, 'déplacée');
      const to = {
        startsAt: dto.startsAt ? new Date(dto.startsAt) : new Date(before.startsAt),
        place: dto.place ?? before.place,
        videoUrl: dto.videoUrl ?? before.videoUrl,
      };
      if (!(await this.meetings.move(tx, id, dto.version, to)))
        throw DomainError.staleVersion(GovernanceErrorCode.MeetingStaleVersion);
      const moved = (await this.meetings.findMeeting(id, tx))!;
      const changed =
        to.startsAt.getTime() !== new Date(before.startsAt).getTime() ||
        to.place !== before.place ||
        to.videoUrl !== before.videoUrl;
      const messages = before.convenedAt && changed ? await this.mail.updates(tx, moved, before) : [];
      const where = (m: MeetingEntity) => ({
        startsAt: new Date(m.startsAt).toISOString(),
        place: m.place,
        videoUrl: m.videoUrl,
      });
      return {
        result: { meeting: await this.meetingState(moved, tx), messages },
        audit: {
          action: 'meeting.move',
          entityType: 'meeting',
          entityId: id,
          before: where(before),
          after: where(moved),
        },
      };
    });
    await this.mail.enqueue(messages);
    return forCaller(actor, meeting, false);
  }

  /**
   * Replaces the attendance sheet and stores the quorum it gives. Everyone listed must sit in the
   * body on the meeting's day, as full member or alternate. Recording attendance marks the meeting held.
   */
  async recordAttendance(actor: Actor, id: string, entries: AttendanceEntryDto[]): Promise<AttendanceResultDto> {
    governancePolicy.assert(actor, 'manage');
    const duplicates = entries.map((e) => e.memberId).filter((m, i, all) => all.indexOf(m) !== i);
    if (duplicates.length > 0)
      throw DomainError.invalid(
        GovernanceErrorCode.AttendanceDuplicate,
        `memberId: listed twice: ${[...new Set(duplicates)].join(', ')}`,
      );
    return this.audit.write(actor, async (tx) => {
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
      return {
        result,
        audit: { action: 'meeting.record_attendance', entityType: 'meeting', entityId: id, before, after: result },
      };
    });
  }

  /**
   * A deliberation or opinion, voted at a meeting that reached its quorum, by no more voices than
   * seats present or represented. Its subject must exist (the owning lib says, through DecisionLinks);
   * a selection list moves the projects it carries in the same transaction, all or none.
   */
  async addDecision(actor: Actor, id: string, dto: CreateDecisionDto): Promise<DecisionDto> {
    governancePolicy.assert(actor, 'manage');
    if (dto.projectIds && dto.subjectType !== 'call_selection')
      throw DomainError.invalid(
        GovernanceErrorCode.DecisionSelectionOutsideCall,
        'projectIds: only a call_selection decision carries the projects it selects',
      );
    return this.audit.write(actor, async (tx) => {
      const meeting = await this.lockedMeeting(tx, id);
      assertOpen(meeting);
      assertMayVote(meeting, dto);
      const item = await this.agendaItem(tx, id, dto.agendaItemPosition);
      const subject = dto.subjectType ? this.links.subject(dto.subjectType) : null;
      const subjectId = subject ? await this.subjectId(tx, subject, dto) : null;
      const decision = toDecisionDto(
        await this.meetings.insertDecision(tx, {
          meetingId: id,
          agendaItemPosition: item?.position ?? null,
          title: dto.title,
          text: dto.text ?? null,
          votesFor: dto.votesFor,
          votesAgainst: dto.votesAgainst,
          abstentions: dto.abstentions,
          subjectType: dto.subjectType ?? null,
          subjectId,
        }),
        item ? [item] : [],
      );
      if (subject?.carryOut && dto.projectIds?.length)
        await subject.carryOut(tx, actor, subjectId!, { ...decision, selected: dto.projectIds });
      return {
        result: decision,
        audit: {
          action: 'decision.create',
          entityType: 'decision',
          entityId: decision.id,
          after: dto.projectIds ? { ...decision, projectIds: dto.projectIds } : decision,
        },
      };
    });
  }

  /** The subject's id as its lib resolves the reference given (a roadmap's year gives its id); 400 when none. */
  private async subjectId(tx: Tx, subject: DecisionSubject, dto: CreateDecisionDto): Promise<string> {
    const resolved = await subject.resolve(dto.subjectId!, tx);
    if (!resolved)
      throw DomainError.invalid(
        GovernanceErrorCode.DecisionSubjectUnknown,
        `subjectId: no ${dto.subjectType} ${dto.subjectId}`,
      );
    return resolved;
  }

  /** The meeting, for whoever reads its body (the meeting documents' access rule). */
  readableMeeting(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.access.readableMeeting(actor, id);
  }

  /** The item of this meeting's agenda a decision answers; 400 for a position the agenda does not have. */
  private async agendaItem(tx: Tx, meetingId: string, position: number | undefined): Promise<AgendaItem | null> {
    if (position === undefined) return null;
    const item = (await this.meetings.agendaOf([meetingId], tx)).find((a) => a.position === position);
    if (!item) {
      throw DomainError.invalid(
        GovernanceErrorCode.DecisionAgendaItemUnknown,
        `agendaItemPosition: this meeting's agenda has no item ${position}`,
      );
    }
    return item;
  }

  private async lockedMeeting(tx: Tx, id: string): Promise<MeetingEntity> {
    return found(await this.meetings.lockMeeting(tx, id), GovernanceErrorCode.MeetingNotFound, id);
  }

  /** The meeting, locked, if it is still planned (409 otherwise: it cannot be `done` any more). */
  private async plannedMeeting(tx: Tx, id: string, done: string): Promise<MeetingEntity> {
    const meeting = await this.lockedMeeting(tx, id);
    if (meeting.status !== 'planned')
      throw DomainError.conflict(GovernanceErrorCode.MeetingNotPlanned, `Seule une séance prévue peut être ${done}`);
    return meeting;
  }

  private async meetingState(meeting: MeetingEntity, tx?: Tx): Promise<MeetingState> {
    const [names, agenda] = await Promise.all([
      this.bodyNames([meeting.bodyId]),
      this.meetings.agendaOf([meeting.id], tx),
    ]);
    return toMeetingState(meeting, names.get(meeting.bodyId) ?? '', agenda);
  }

  private async bodyNames(ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) names.set(id, (await this.bodies.findBody(id))?.name ?? '');
    return names;
  }
}

/** A vote needs the attendance recorded, the quorum reached, and no more voices than seats present or represented. */
function assertMayVote(meeting: MeetingEntity, dto: CreateDecisionDto): void {
  if (meeting.quorumReached === null)
    throw DomainError.conflict(
      GovernanceErrorCode.MeetingNoQuorum,
      'No vote before the attendance sheet: record who is present or represented first',
    );
  if (!meeting.quorumReached)
    throw DomainError.conflict(
      GovernanceErrorCode.MeetingNoQuorum,
      'No vote without quorum: record an attendance that reaches it first',
    );
  const cast = dto.votesFor + dto.votesAgainst + dto.abstentions;
  if (cast > meeting.seatsPresent!)
    throw DomainError.invalid(
      GovernanceErrorCode.DecisionVotesOverPresent,
      `votesFor: ${cast} voices (for, against, abstentions) for ${meeting.seatsPresent} seats present or represented`,
      { cast, seatsPresent: meeting.seatsPresent },
    );
}

function assertOpen(meeting: MeetingEntity): void {
  if (!isOpenForRecords(meeting.status)) {
    throw DomainError.conflict(
      GovernanceErrorCode.MeetingClosed,
      'This meeting is closed: nothing more can be recorded on it',
    );
  }
}

function toMeetingState(m: MeetingEntity, bodyName: string, agenda: AgendaItem[]): MeetingState {
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
    quorumThreshold: m.seatsTotal === null ? null : quorumThreshold(m.seatsTotal),
    version: m.version,
    convenedAt: m.convenedAt ? new Date(m.convenedAt).toISOString() : null,
  };
}

function forCaller(actor: Actor, meeting: MeetingState, minutesPublished: boolean): MeetingDto {
  return { ...meeting, minutesPublished, ...meetingActions(actor, meeting) };
}

/** The decision with the title of its agenda item, found among its meeting's `agenda`. */
export function toDecisionDto(d: DecisionEntity, agenda: AgendaItem[]): DecisionDto {
  return {
    id: d.id,
    meetingId: d.meetingId,
    agendaItemPosition: d.agendaItemPosition,
    agendaItemTitle: agenda.find((a) => a.position === d.agendaItemPosition)?.title ?? null,
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
