import { Injectable } from '@nestjs/common';
import { Audited, AuditService } from '@app/audit';
import { Actor, DomainError, found, Tx } from '@app/core';
import { ReportsService } from '@app/reports';
import { MinutesDto, WriteMinutesDto } from './dto/meeting.dto';
import { MinutesEntity } from './entities/minutes.entity';
import { GovernanceAccess } from './governance-access';
import { MINUTES_EDITABLE, MINUTES_LIFECYCLE, type MinutesStatus } from './governance.constants';
import { GovernanceErrorCode } from './governance.errors';
import { governancePolicy, MANAGERS_ONLY, minutesActions, type MinutesActions } from './governance.policy';
import { MeetingMail } from './meeting-mail';
import { MeetingsRepository } from './meetings.repository';
import { MinutesRepository } from './minutes.repository';

/** The minutes as stored and audited; the DTO adds what the caller may do with them. */
type MinutesState = Omit<MinutesDto, keyof MinutesActions>;

/** A meeting's minutes: the draft written at a version, approved, then published with their PDF. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly minutes: MinutesRepository,
    private readonly access: GovernanceAccess,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
    private readonly mail: MeetingMail,
  ) {}

  /** Creates the draft, or changes it at the version read (stale → 409, nothing written). */
  async write(actor: Actor, meetingId: string, dto: WriteMinutesDto): Promise<MinutesDto> {
    governancePolicy.assert(actor, 'manage');
    const minutes = await this.audit.write(actor, async (tx): Promise<Audited<MinutesState>> => {
      await this.lockedMeeting(tx, meetingId);
      const before = await this.minutes.find(meetingId, tx);
      if (!before) {
        const created = toMinutesState(await this.minutes.insert(tx, meetingId, dto.content));
        return {
          result: created,
          audit: { action: 'minutes.create', entityType: 'minutes', entityId: meetingId, after: created },
        };
      }
      if (!MINUTES_EDITABLE.includes(before.status)) {
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
      const after = await this.minutes.updateContent(tx, meetingId, dto.version, dto.content);
      if (!after) throw DomainError.staleVersion(GovernanceErrorCode.MinutesStaleVersion);
      return {
        result: toMinutesState(after),
        audit: {
          action: 'minutes.update',
          entityType: 'minutes',
          entityId: meetingId,
          before: toMinutesState(before),
          after: toMinutesState(after),
        },
      };
    });
    return forCaller(actor, minutes);
  }

  async get(actor: Actor, meetingId: string): Promise<MinutesDto> {
    return forCaller(actor, toMinutesState(await this.access.readableMinutes(actor, meetingId)));
  }

  /** Members read published minutes of their own bodies only; the team reads every state. */
  async assertCanRead(actor: Actor, meetingId: string): Promise<void> {
    await this.access.readableMinutes(actor, meetingId);
  }

  async approve(actor: Actor, meetingId: string): Promise<MinutesDto> {
    MINUTES_LIFECYCLE.assertMayMoveTo(actor, 'approved', MANAGERS_ONLY);
    const minutes = await this.audit.write(actor, (tx) => this.move(tx, actor, meetingId, 'approved'));
    return forCaller(actor, minutes);
  }

  /**
   * Publishes and records the minutes PDF request in the same transaction, with the message telling each
   * member of the body where to read them; queues both after commit.
   */
  async publish(actor: Actor, meetingId: string): Promise<MinutesDto> {
    MINUTES_LIFECYCLE.assertMayMoveTo(actor, 'published', MANAGERS_ONLY);
    const { minutes, report, messages } = await this.audit.write(actor, async (tx) => {
      const published = await this.move(tx, actor, meetingId, 'published');
      const queued = await this.reports.requestWithin(tx, actor, { kind: 'minutes', params: { meetingId } });
      const messages = await this.mail.minutesPublished(tx, (await this.meetings.findMeeting(meetingId, tx))!);
      return { result: { minutes: published.result, report: queued, messages }, audit: published.audit };
    });
    await this.reports.enqueue(report);
    await this.mail.enqueue(messages);
    return forCaller(actor, minutes);
  }

  private async move(tx: Tx, actor: Actor, meetingId: string, to: MinutesStatus): Promise<Audited<MinutesState>> {
    await this.lockedMeeting(tx, meetingId);
    const before = found(await this.minutes.find(meetingId, tx), GovernanceErrorCode.MinutesNotFound, meetingId);
    MINUTES_LIFECYCLE.assertMove(actor, before.status, to, {
      transition: GovernanceErrorCode.MinutesTransitionForbidden,
    });
    const after = (await this.minutes.setStatus(tx, meetingId, MINUTES_LIFECYCLE.leadingTo(to), to))!;
    return {
      result: toMinutesState(after),
      audit: {
        action: `minutes.${to === 'approved' ? 'approve' : 'publish'}`,
        entityType: 'minutes',
        entityId: meetingId,
        before: { status: before.status, version: before.version },
        after: { status: after.status, version: after.version },
      },
    };
  }

  /** Writes on a meeting's records go one at a time: the meeting row is locked for the transaction. */
  private async lockedMeeting(tx: Tx, meetingId: string): Promise<void> {
    found(await this.meetings.lockMeeting(tx, meetingId), GovernanceErrorCode.MeetingNotFound, meetingId);
  }
}

function toMinutesState(m: MinutesEntity): MinutesState {
  return {
    meetingId: m.meetingId,
    status: m.status,
    content: m.content,
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
  };
}

function forCaller(actor: Actor, minutes: MinutesState): MinutesDto {
  return { ...minutes, ...minutesActions(actor, minutes.status) };
}
