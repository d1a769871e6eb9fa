import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource, In } from 'typeorm';
import { BodyEntity } from './entities/body.entity';
import { MandateEntity } from './entities/mandate.entity';
import { MemberEntity } from './entities/member.entity';
import { SeatEntity } from './entities/seat.entity';
import type { BodyKind, College } from './governance.constants';

export interface MandateRow {
  id: string;
  seatId: string;
  memberId: string;
  memberName: string;
  alternateMemberId: string | null;
  alternateName: string | null;
  startsOn: string;
  endsOn: string | null;
}

export interface SeatHolderRow {
  seatId: string;
  college: College;
  label: string | null;
  memberId: string;
  memberName: string;
  alternateMemberId: string | null;
  alternateName: string | null;
}

/** Mandates in force on a date: started, and not ended before it. */
const IN_FORCE = `m.starts_on <= $2::date AND (m.ends_on IS NULL OR m.ends_on >= $2::date)`;

@Injectable()
export class BodiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertBody(tx: Tx, body: { kind: BodyKind; name: string; installedOn: string | null }): Promise<BodyEntity> {
    const { identifiers } = await tx.insert(BodyEntity, body);
    return tx.findOneByOrFail(BodyEntity, { id: identifiers[0].id as string });
  }

  findBody(id: string): Promise<BodyEntity | null> {
    return this.dataSource.manager.findOneBy(BodyEntity, { id });
  }

  /** Bodies by kind then name; `onlyIds` restricts the list (a commission member's own bodies). */
  listBodies(onlyIds: string[] | null, limit: number, offset: number): Promise<[BodyEntity[], number]> {
    return this.dataSource.manager.findAndCount(BodyEntity, {
      where: onlyIds ? { id: In(onlyIds) } : {},
      order: { kind: 'ASC', name: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  async insertMember(tx: Tx, member: Omit<MemberEntity, 'id' | 'version' | 'createdAt'>): Promise<MemberEntity> {
    const { identifiers } = await tx.insert(MemberEntity, member);
    return tx.findOneByOrFail(MemberEntity, { id: identifiers[0].id as string });
  }

  findMember(id: string): Promise<MemberEntity | null> {
    return this.dataSource.manager.findOneBy(MemberEntity, { id });
  }

  listMembers(limit: number, offset: number): Promise<[MemberEntity[], number]> {
    return this.dataSource.manager.findAndCount(MemberEntity, {
      order: { college: 'ASC', displayName: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  async existingMemberIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.dataSource.manager.find(MemberEntity, { select: { id: true }, where: { id: In(ids) } });
    return new Set(rows.map((r) => r.id));
  }

  async insertSeat(tx: Tx, seat: { bodyId: string; college: College; label: string | null }): Promise<string> {
    const { identifiers } = await tx.insert(SeatEntity, seat);
    return identifiers[0].id as string;
  }

  findSeat(id: string, tx: Tx = this.dataSource.manager): Promise<SeatEntity | null> {
    return tx.findOneBy(SeatEntity, { id });
  }

  /** Locks the seat so that two mandates cannot be given to it at once. */
  async lockSeat(tx: Tx, id: string): Promise<SeatEntity | null> {
    return tx
      .getRepository(SeatEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
  }

  seatsOfBody(bodyId: string, tx: Tx = this.dataSource.manager): Promise<SeatEntity[]> {
    return tx.find(SeatEntity, { where: { bodyId }, order: { college: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  async insertMandate(tx: Tx, mandate: Omit<MandateEntity, 'id'>): Promise<string> {
    const { identifiers } = await tx.insert(MandateEntity, mandate);
    return identifiers[0].id as string;
  }

  async endMandate(tx: Tx, mandateId: string, endsOn: string): Promise<void> {
    await tx.update(MandateEntity, { id: mandateId }, { endsOn });
  }

  /** Every mandate of the given seats, with names, oldest first. */
  mandatesOfSeats(seatIds: string[], tx: Tx = this.dataSource.manager): Promise<MandateRow[]> {
    if (seatIds.length === 0) return Promise.resolve([]);
    return tx.query(
      `SELECT m.id, m.seat_id AS "seatId", m.member_id AS "memberId", mm.display_name AS "memberName",
              m.alternate_member_id AS "alternateMemberId", am.display_name AS "alternateName",
              to_char(m.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(m.ends_on, 'YYYY-MM-DD') AS "endsOn"
       FROM mandate m JOIN member mm ON mm.id = m.member_id LEFT JOIN member am ON am.id = m.alternate_member_id
       WHERE m.seat_id = ANY ($1::uuid[]) ORDER BY m.starts_on, m.created_at`,
      [seatIds],
    );
  }

  /** Who holds each seat of a body on a date (vacant seats are absent). */
  async seatHoldersOn(bodyId: string, date: string, tx: Tx = this.dataSource.manager): Promise<SeatHolderRow[]> {
    return (await this.seatHoldersOnDays(bodyId, [date], tx)).get(date) ?? [];
  }

  /**
   * Who held each seat of a body on each of these days ('YYYY-MM-DD'), by day, in one statement: a
   * year of meetings is one query, not one per meeting.
   */
  async seatHoldersOnDays(
    bodyId: string,
    days: readonly string[],
    tx: Tx = this.dataSource.manager,
  ): Promise<Map<string, SeatHolderRow[]>> {
    const rows: (SeatHolderRow & { day: string })[] = await tx.query(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, s.id AS "seatId", s.college, s.label, m.member_id AS "memberId",
              mm.display_name AS "memberName", m.alternate_member_id AS "alternateMemberId", am.display_name AS "alternateName"
       FROM unnest($2::date[]) AS d(day) JOIN seat s ON s.body_id = $1
       JOIN mandate m ON m.seat_id = s.id AND m.starts_on <= d.day AND (m.ends_on IS NULL OR m.ends_on >= d.day)
       JOIN member mm ON mm.id = m.member_id LEFT JOIN member am ON am.id = m.alternate_member_id
       ORDER BY d.day, s.college, s.created_at, s.id`,
      [bodyId, [...new Set(days)]],
    );
    const byDay = new Map<string, SeatHolderRow[]>();
    for (const { day, ...holder } of rows) byDay.set(day, [...(byDay.get(day) ?? []), holder]);
    return byDay;
  }

  /** Everyone holding a seat of the body on a date, full member or alternate, once each, with the address. */
  sittingMembersOn(
    bodyId: string,
    date: string,
    tx: Tx,
  ): Promise<{ memberId: string; displayName: string; email: string | null }[]> {
    return tx.query(
      `SELECT DISTINCT mm.id AS "memberId", mm.display_name AS "displayName", mm.email
       FROM seat s JOIN mandate m ON m.seat_id = s.id AND ${IN_FORCE}
       JOIN member mm ON mm.id IN (m.member_id, m.alternate_member_id)
       WHERE s.body_id = $1 ORDER BY mm.display_name, mm.id`,
      [bodyId, date],
    );
  }

  /** Bodies where the member sits on a date, as full member, alternate or office holder. */
  async bodyIdsOfMember(memberId: string, date: string): Promise<string[]> {
    const rows: { bodyId: string }[] = await this.dataSource.query(
      `SELECT DISTINCT s.body_id AS "bodyId" FROM seat s JOIN mandate m ON m.seat_id = s.id AND ${IN_FORCE}
       WHERE m.member_id = $1 OR m.alternate_member_id = $1
       UNION
       SELECT p.body_id FROM body_position p
       WHERE p.member_id = $1 AND p.starts_on <= $2::date AND (p.ends_on IS NULL OR p.ends_on >= $2::date)`,
      [memberId, date],
    );
    return rows.map((r) => r.bodyId);
  }
}
