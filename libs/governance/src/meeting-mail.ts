import { Injectable } from '@nestjs/common';
import { AppConfig, parisDay, Tx } from '@app/core';
import {
  convocationMail,
  type MailContent,
  type MeetingFacts,
  meetingUpdateMail,
  minutesPublishedMail,
  type NewMessage,
  OutboxService,
} from '@app/mail';
import type { MailKind } from '@app/vocabulary';
import { BodiesRepository } from './bodies.repository';
import { MeetingEntity } from './entities/meeting.entity';
import { MeetingsRepository } from './meetings.repository';

/** The notice PDF, attached by reference: the worker renders it when it sends, as the meeting is then. */
const NOTICE = (meetingId: string) => ({ reportKind: 'notice', params: { meetingId }, filename: 'convocation.pdf' });

/**
 * The messages a meeting's events send to the body's members (full members and alternates sitting on the
 * meeting's day), written in the event's transaction. Each message's key names the event and the member,
 * so the same event written twice sends once.
 */
@Injectable()
export class MeetingMail {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly bodies: BodiesRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** The convocation, with the agenda and the notice attached. */
  convocations(tx: Tx, meeting: MeetingEntity): Promise<string[]> {
    return this.write(tx, meeting, 'convocation', `convocation:${meeting.id}`, true, (name, facts) =>
      convocationMail(name, facts),
    );
  }

  /** The meeting moved after its convocation: one update per move (the meeting's new version). */
  updates(tx: Tx, meeting: MeetingEntity, before: MeetingEntity): Promise<string[]> {
    return this.write(
      tx,
      meeting,
      'meeting_update',
      `meeting_update:${meeting.id}:${meeting.version}`,
      true,
      (name, facts) =>
        meetingUpdateMail(name, facts, {
          startsAt: new Date(before.startsAt),
          place: before.place,
          videoUrl: before.videoUrl,
        }),
    );
  }

  /** The minutes are published: where to read them. */
  minutesPublished(tx: Tx, meeting: MeetingEntity): Promise<string[]> {
    return this.write(tx, meeting, 'minutes_published', `minutes_published:${meeting.id}`, false, (name, facts) =>
      minutesPublishedMail(name, facts),
    );
  }

  /** Queues what the committed transaction wrote. */
  enqueue(ids: readonly string[]): Promise<void> {
    return this.outbox.enqueue(ids);
  }

  private async write(
    tx: Tx,
    meeting: MeetingEntity,
    kind: MailKind,
    eventKey: string,
    withNotice: boolean,
    compose: (recipientName: string, facts: MeetingFacts) => MailContent,
  ): Promise<string[]> {
    const facts = await this.facts(tx, meeting);
    const members = await this.bodies.sittingMembersOn(meeting.bodyId, parisDay(new Date(meeting.startsAt)), tx);
    const messages: NewMessage[] = members.map((m) => {
      const content = compose(m.displayName, facts);
      return {
        key: `${eventKey}:${m.memberId}`,
        kind,
        recipientEmail: m.email,
        recipientName: m.displayName,
        ...content,
        attachments: withNotice ? [NOTICE(meeting.id)] : [],
      };
    });
    return this.outbox.add(tx, messages);
  }

  private async facts(tx: Tx, meeting: MeetingEntity): Promise<MeetingFacts> {
    const [body, agenda] = await Promise.all([
      this.bodies.findBody(meeting.bodyId),
      this.meetings.agendaOf([meeting.id], tx),
    ]);
    return {
      bodyName: body?.name ?? '',
      startsAt: new Date(meeting.startsAt),
      place: meeting.place,
      videoUrl: meeting.videoUrl,
      agenda: agenda.map((a) => a.title),
      link: `${this.config.get('APP_URL')}/seances/${meeting.id}`,
    };
  }
}
