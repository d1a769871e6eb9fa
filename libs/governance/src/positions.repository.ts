import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource } from 'typeorm';
import { BodyPositionEntity } from './entities/body-position.entity';
import type { PositionRole } from './governance.constants';

export type PositionRow = BodyPositionEntity & { memberName: string };

const POSITION_COLUMNS = `p.id, p.body_id AS "bodyId", p.member_id AS "memberId", mm.display_name AS "memberName",
  p.role, to_char(p.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') AS "endsOn"`;

/** The offices of the bodies (president, vice-president, secretary), with their dates. */
@Injectable()
export class PositionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    position: { bodyId: string; memberId: string; role: PositionRole; startsOn: string; endsOn: string | null },
  ): Promise<string> {
    const { identifiers } = await tx.insert(BodyPositionEntity, position);
    return identifiers[0].id as string;
  }

  async end(tx: Tx, id: string, endsOn: string): Promise<void> {
    await tx.update(BodyPositionEntity, { id }, { endsOn });
  }

  /** Latest first: the current holders above their predecessors. */
  ofBody(bodyId: string, tx: Tx = this.dataSource.manager): Promise<PositionRow[]> {
    return tx.query(
      `SELECT ${POSITION_COLUMNS} FROM body_position p JOIN member mm ON mm.id = p.member_id
       WHERE p.body_id = $1 ORDER BY p.starts_on DESC, p.role`,
      [bodyId],
    );
  }

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<PositionRow | null> {
    const rows: PositionRow[] = await tx.query(
      `SELECT ${POSITION_COLUMNS} FROM body_position p JOIN member mm ON mm.id = p.member_id WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Locks the body's offices for the transaction (the body row): two officers giving the same office
   * at once would otherwise both see it free.
   */
  async lockOffices(tx: Tx, bodyId: string): Promise<void> {
    await tx.query('SELECT 1 FROM body WHERE id = $1 FOR UPDATE', [bodyId]);
  }
}
