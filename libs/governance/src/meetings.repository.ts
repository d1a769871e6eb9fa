import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changedAny, type DecisionFacts, rowSetsVersion, Tx } from '@app/core';
import { DataSource, In, LessThan, MoreThanOrEqual } from 'typeorm';
import { AgendaItemEntity } from './entities/agenda-item.entity';
import { AttendanceEntity } from './entities/attendance.entity';
import { DecisionEntity } from './entities/decision.entity';
import { MeetingEntity } from './entities/meeting.entity';
import type { AttendanceStatus, DecisionSubjectType, MeetingPeriod, MeetingStatus } from './governance.constants';
import type { QuorumResult } from './quorum';

export interface MeetingFilter {
  bodyIds: string[] | null;
  bodyId?: string;
  status?: MeetingStatus;
  /** Upcoming meetings come soonest first; past ones, and all meetings, latest first. */
  period?: MeetingPeriod;
  limit: number;
  offset: number;
}

export interface AttendanceRow {
  memberId: string;
  displayName: string;
  status: AttendanceStatus;
}

const DECISION_FACTS = `
  SELECT d.id, d.title, d.meeting_id AS "meetingId", to_char(m.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "meetingStartsAt",
         b.kind AS "bodyKind", b.name AS "bodyName", d.votes_for AS "votesFor", d.votes_against AS "votesAgainst",
         d.abstentions, d.votes_for > d.votes_against AS adopted, d.subject_type AS "subjectType", d.subject_id AS "subjectId"
  FROM decision d JOIN meeting m ON m.id = d.meeting_id JOIN body b ON b.id = m.body_id`;

@Injectable()
export class MeetingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertMeeting(
    tx: Tx,
    meeting: { bodyId: string; startsAt: Date; place: string | null; videoUrl: string | null },
    agenda: string[],
  ): Promise<string> {
    const { identifiers } = await tx.insert(MeetingEntity, meeting);
    const meetingId = identifiers[0].id as string;
    if (agenda.length > 0) {
      await tx.insert(
        AgendaItemEntity,
        agenda.map((title, i) => ({ meetingId, position: i + 1, title })),
      );
    }
    return meetingId;
  }

  /**
   * Changes whenever a meeting document (notice, attendance sheet, minutes) would print other data: the
   * meeting, its body, agenda, attendance, decisions and minutes, and the body's seats, mandates and
   * the members they name (whose mandates are in force on the meeting's day is read from these).
   */
  reportDataVersion(meetingId: string): Promise<string> {
    const body = '(SELECT m.body_id FROM meeting m WHERE m.id = $1)';
    const seats = `(SELECT s.id FROM seat s WHERE s.body_id = ${body})`;
    return rowSetsVersion(
      this.dataSource,
      [
        'meeting t WHERE t.id = $1',
        `body t WHERE t.id = ${body}`,
        ...['agenda_item', 'attendance', 'decision', 'minutes'].map((table) => `${table} t WHERE t.meeting_id = $1`),
        `seat t WHERE t.body_id = ${body}`,
        `mandate t WHERE t.seat_id IN ${seats}`,
        `member t WHERE t.id IN (SELECT x.member_id FROM mandate x WHERE x.seat_id IN ${seats}
           UNION SELECT x.alternate_member_id FROM mandate x WHERE x.seat_id IN ${seats})`,
      ],
      [meetingId],
    );
  }

  findMeeting(id: string, tx: Tx = this.dataSource.manager): Promise<MeetingEntity | null> {
    return tx.findOneBy(MeetingEntity, { id });
  }

  /** Locks the meeting for the rest of the transaction: records on one meeting are written one at a time. */
  lockMeeting(tx: Tx, id: string): Promise<MeetingEntity | null> {
    return tx
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }

  listMeetings(filter: MeetingFilter): Promise<[MeetingEntity[], number]> {
    const where: Record<string, unknown> = {};
    if (filter.bodyIds)
      where.bodyId = In(filter.bodyId ? filter.bodyIds.filter((b) => b === filter.bodyId) : filter.bodyIds);
    else if (filter.bodyId) where.bodyId = filter.bodyId;
    if (filter.status) where.status = filter.status;
    const now = new Date();
    if (filter.period) where.startsAt = filter.period === 'upcoming' ? MoreThanOrEqual(now) : LessThan(now);
    return this.dataSource.manager.findAndCount(MeetingEntity, {
      where,
      order: { startsAt: filter.period === 'upcoming' ? 'ASC' : 'DESC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  agendaOf(meetingIds: string[], tx: Tx = this.dataSource.manager): Promise<AgendaItemEntity[]> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return tx.find(AgendaItemEntity, { where: { meetingId: In(meetingIds) }, order: { position: 'ASC' } });
  }

  attendanceOf(meetingId: string, tx: Tx = this.dataSource.manager): Promise<AttendanceRow[]> {
    return tx.query(
      `SELECT a.member_id AS "memberId", m.display_name AS "displayName", a.status
       FROM attendance a JOIN member m ON m.id = a.member_id WHERE a.meeting_id = $1 ORDER BY m.display_name`,
      [meetingId],
    );
  }

  async replaceAttendance(
    tx: Tx,
    meetingId: string,
    entries: { memberId: string; status: AttendanceStatus }[],
  ): Promise<void> {
    await tx.delete(AttendanceEntity, { meetingId });
    if (entries.length > 0)
      await tx.insert(
        AttendanceEntity,
        entries.map((e) => ({ ...e, meetingId })),
      );
  }

  async recordQuorum(tx: Tx, meetingId: string, quorum: QuorumResult, status: MeetingStatus): Promise<void> {
    await tx.query(
      `UPDATE meeting SET seats_total = $2, seats_present = $3, quorum_reached = $4, status = $5, version = version + 1 WHERE id = $1`,
      [meetingId, quorum.seatsTotal, quorum.seatsPresent, quorum.quorumReached, status],
    );
  }

  async markConvened(tx: Tx, meetingId: string): Promise<void> {
    await tx.query(`UPDATE meeting SET convened_at = now(), version = version + 1 WHERE id = $1`, [meetingId]);
  }

  /** New date, place and video link, at the version read: false when someone changed the meeting since. */
  async move(
    tx: Tx,
    meetingId: string,
    version: number,
    to: { startsAt: Date; place: string | null; videoUrl: string | null },
  ): Promise<boolean> {
    const result = await tx.query(
      `UPDATE meeting SET starts_at = $3, place = $4, video_url = $5, version = version + 1 WHERE id = $1 AND version = $2`,
      [meetingId, version, to.startsAt, to.place, to.videoUrl],
    );
    return changedAny(result);
  }

  /** Conditional on the statuses it may leave: false when the meeting was not in one of them. */
  async setStatus(tx: Tx, meetingId: string, from: readonly MeetingStatus[], to: MeetingStatus): Promise<boolean> {
    const result = await tx.query(
      `UPDATE meeting SET status = $3, version = version + 1 WHERE id = $1 AND status = ANY ($2::text[])`,
      [meetingId, from, to],
    );
    return changedAny(result);
  }

  async insertDecision(tx: Tx, decision: Omit<DecisionEntity, 'id' | 'createdAt'>): Promise<DecisionEntity> {
    const { identifiers } = await tx.insert(DecisionEntity, decision);
    return tx.findOneByOrFail(DecisionEntity, { id: identifiers[0].id as string });
  }

  /** One decision with its meeting and body, as the domains it decides about read it. */
  async decisionFacts(id: string, tx: Tx = this.dataSource.manager): Promise<DecisionFacts | null> {
    const rows: DecisionFacts[] = await tx.query(`${DECISION_FACTS} WHERE d.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The decisions about one subject, the latest meeting first. */
  decisionsAbout(subjectType: DecisionSubjectType, subjectId: string): Promise<DecisionFacts[]> {
    return this.dataSource.query(
      `${DECISION_FACTS} WHERE d.subject_type = $1 AND d.subject_id = $2 ORDER BY m.starts_at DESC, d.created_at DESC`,
      [subjectType, subjectId],
    );
  }

  decisionsOf(meetingId: string): Promise<DecisionEntity[]> {
    return this.dataSource.manager.find(DecisionEntity, {
      where: { meetingId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Meetings of a body held (or closed) since a date, oldest first: the basis of participation figures. */
  heldMeetingsSince(bodyId: string, since: Date): Promise<MeetingEntity[]> {
    return this.dataSource.query(
      `SELECT id, starts_at AS "startsAt" FROM meeting
       WHERE body_id = $1 AND status IN ('held', 'closed') AND starts_at >= $2 ORDER BY starts_at`,
      [bodyId, since],
    );
  }

  async attendanceByMeeting(meetingIds: string[]): Promise<Map<string, Map<string, AttendanceStatus>>> {
    const byMeeting = new Map<string, Map<string, AttendanceStatus>>();
    if (meetingIds.length === 0) return byMeeting;
    const rows = await this.dataSource.manager.find(AttendanceEntity, { where: { meetingId: In(meetingIds) } });
    for (const row of rows) {
      const map = byMeeting.get(row.meetingId) ?? new Map<string, AttendanceStatus>();
      map.set(row.memberId, row.status);
      byMeeting.set(row.meetingId, map);
    }
    return byMeeting;
  }
}
