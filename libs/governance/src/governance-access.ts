import { Injectable } from '@nestjs/common';
import { Actor, DomainError, found, parisDay } from '@app/core';
import { BodiesRepository } from './bodies.repository';
import { MeetingEntity } from './entities/meeting.entity';
import { MinutesEntity } from './entities/minutes.entity';
import { GovernanceErrorCode } from './governance.errors';
import { governancePolicy, mayReadMinutes } from './governance.policy';
import { MeetingsRepository } from './meetings.repository';
import { MinutesRepository } from './minutes.repository';

/**
 * The commission's object scope, beside its role rules (governance.policy.ts): a commission member
 * reads only the bodies it sits on on the day (as full member, alternate or office holder), their
 * meetings, and their minutes once published.
 */
@Injectable()
export class GovernanceAccess {
  constructor(
    private readonly bodies: BodiesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly minutes: MinutesRepository,
  ) {}

  /** null: every body; otherwise the ids of the bodies the actor may read. */
  async readableBodyIds(actor: Actor): Promise<string[] | null> {
    if (governancePolicy.allows(actor, 'readAllBodies')) return null;
    if (governancePolicy.allows(actor, 'readOwnBodies') && actor.memberId)
      return this.bodies.bodyIdsOfMember(actor.memberId, parisDay());
    return [];
  }

  async assertCanReadBody(actor: Actor, bodyId: string): Promise<void> {
    const readable = await this.readableBodyIds(actor);
    if (readable && !readable.includes(bodyId)) throw DomainError.forbidden('Vous ne siégez pas dans cette instance');
  }

  /** The meeting, if the actor reads its body: 404 without it, 403 outside the actor's bodies. */
  async readableMeeting(actor: Actor, id: string): Promise<MeetingEntity> {
    const meeting = found(await this.meetings.findMeeting(id), GovernanceErrorCode.MeetingNotFound, id);
    await this.assertCanReadBody(actor, meeting.bodyId);
    return meeting;
  }

  /** The meeting's minutes, for a reader of the meeting: 404 before any is written, 403 for a member before publication. */
  async readableMinutes(actor: Actor, meetingId: string): Promise<MinutesEntity> {
    await this.readableMeeting(actor, meetingId);
    const minutes = found(await this.minutes.find(meetingId), GovernanceErrorCode.MinutesNotFound, meetingId);
    if (!mayReadMinutes(actor, minutes.status)) governancePolicy.assert(actor, 'readUnpublishedMinutes');
    return minutes;
  }
}
