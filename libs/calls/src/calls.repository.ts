import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changedAny, Tx } from '@app/core';
import { DataSource, In } from 'typeorm';
import type { CallStatus, ProjectStatus } from './calls.constants';
import { CallAxisEntity } from './entities/call-axis.entity';
import { CallEntity } from './entities/call.entity';

@Injectable()
export class CallsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    call: Pick<CallEntity, 'title' | 'year' | 'fundingSource' | 'envelopeCents' | 'opensOn' | 'closesOn'>,
    axes: { code: string; label: string; envelopeCents: number | null }[],
  ): Promise<string> {
    const { identifiers } = await tx.insert(CallEntity, call);
    const callId = identifiers[0].id as string;
    await tx.insert(
      CallAxisEntity,
      axes.map((a, position) => ({ ...a, callId, position })),
    );
    return callId;
  }

  find(id: string, tx: Tx = this.dataSource.manager): Promise<CallEntity | null> {
    return tx.findOneBy(CallEntity, { id });
  }

  /** Locks the call: grants on it are committed one at a time, so the envelope holds under races. */
  lock(tx: Tx, id: string): Promise<CallEntity | null> {
    return tx
      .getRepository(CallEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  /** Conditional on the status read: false when someone else moved the call first. */
  async setStatus(tx: Tx, id: string, from: CallStatus, to: CallStatus): Promise<boolean> {
    const result = await tx.query('UPDATE call SET status = $3, version = version + 1 WHERE id = $1 AND status = $2', [
      id,
      from,
      to,
    ]);
    return changedAny(result);
  }

  /** Conditional on the version read: false when someone else changed the call first. */
  async update(
    tx: Tx,
    id: string,
    version: number,
    fields: Pick<CallEntity, 'title' | 'fundingSource' | 'envelopeCents' | 'opensOn' | 'closesOn'>,
  ): Promise<boolean> {
    const result = await tx.query(
      `UPDATE call SET title = $3, funding_source = $4, envelope_cents = $5, opens_on = $6, closes_on = $7,
         version = version + 1
       WHERE id = $1 AND version = $2`,
      [id, version, fields.title, fields.fundingSource, fields.envelopeCents, fields.opensOn, fields.closesOn],
    );
    return changedAny(result);
  }

  /**
   * Makes the call's axes these, in this order: an axis kept by its code is updated in place (projects
   * and grants refer to it), the others are added or removed (the caller checked that none is in use).
   */
  async replaceAxes(tx: Tx, callId: string, axes: { code: string; label: string; envelopeCents: number | null }[]) {
    await tx.query('DELETE FROM call_axis WHERE call_id = $1 AND NOT (code = ANY($2::text[]))', [
      callId,
      axes.map((a) => a.code),
    ]);
    for (const [position, axis] of axes.entries()) {
      await tx.query(
        `INSERT INTO call_axis (call_id, code, label, envelope_cents, position) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (call_id, code) DO UPDATE SET label = $3, envelope_cents = $4, position = $5`,
        [callId, axis.code, axis.label, axis.envelopeCents, position],
      );
    }
  }

  /** The codes of the call's axes that some project applies to. */
  async axesInUse(tx: Tx, callId: string): Promise<string[]> {
    const rows: { code: string }[] = await tx.query(
      'SELECT DISTINCT axis_code AS code FROM project WHERE call_id = $1 ORDER BY 1',
      [callId],
    );
    return rows.map((r) => r.code);
  }

  axes(callId: string, tx: Tx = this.dataSource.manager): Promise<CallAxisEntity[]> {
    return tx.find(CallAxisEntity, { where: { callId }, order: { position: 'ASC' } });
  }

  /** The axes of each of these calls, in one statement. */
  async axesOfCalls(callIds: string[]): Promise<Map<string, CallAxisEntity[]>> {
    const rows = await this.dataSource.manager.find(CallAxisEntity, {
      where: { callId: In(callIds) },
      order: { position: 'ASC' },
    });
    const byCall = new Map<string, CallAxisEntity[]>(callIds.map((id) => [id, []]));
    for (const axis of rows) byCall.get(axis.callId)?.push(axis);
    return byCall;
  }

  /** The ids of the calls whose `year` is this one, oldest first. */
  async idsOfYear(year: number): Promise<string[]> {
    const rows = await this.dataSource.manager.find(CallEntity, {
      select: { id: true },
      where: { year },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => r.id);
  }

  list(limit: number, offset: number): Promise<[CallEntity[], number]> {
    return this.dataSource.manager.findAndCount(CallEntity, {
      order: { year: 'DESC', createdAt: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  /** The call's projects counted by status (the statuses without any are absent). */
  async projectCountsByStatus(callId: string): Promise<Array<{ status: ProjectStatus; count: number }>> {
    return this.dataSource.query(
      'SELECT status, count(*)::int AS count FROM project WHERE call_id = $1 GROUP BY status',
      [callId],
    );
  }
}
