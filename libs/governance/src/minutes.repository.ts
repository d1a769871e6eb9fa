import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changedAny, Tx } from '@app/core';
import { DataSource } from 'typeorm';
import { MinutesEntity } from './entities/minutes.entity';
import type { MinutesStatus } from './governance.constants';

/** A meeting's minutes (one per meeting, keyed by its id): the text, its version and its status. */
@Injectable()
export class MinutesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(meetingId: string, tx: Tx = this.dataSource.manager): Promise<MinutesEntity | null> {
    return tx.findOneBy(MinutesEntity, { meetingId });
  }

  /** Those of these meetings whose minutes are published. */
  async publishedAmong(meetingIds: string[]): Promise<Set<string>> {
    if (meetingIds.length === 0) return new Set();
    const rows: { meetingId: string }[] = await this.dataSource.query(
      `SELECT meeting_id AS "meetingId" FROM minutes WHERE meeting_id = ANY ($1::uuid[]) AND status = 'published'`,
      [meetingIds],
    );
    return new Set(rows.map((r) => r.meetingId));
  }

  async insert(tx: Tx, meetingId: string, content: string): Promise<MinutesEntity> {
    await tx.insert(MinutesEntity, { meetingId, content, status: 'draft' });
    return tx.findOneByOrFail(MinutesEntity, { meetingId });
  }

  /** UPDATE … WHERE version = $v: a stale version changes nothing and returns null. */
  async updateContent(tx: Tx, meetingId: string, version: number, content: string): Promise<MinutesEntity | null> {
    const result = await tx.query(
      `UPDATE minutes SET content = $3, version = version + 1, updated_at = now()
       WHERE meeting_id = $1 AND version = $2 AND status = 'draft'`,
      [meetingId, version, content],
    );
    return changedAny(result) ? tx.findOneByOrFail(MinutesEntity, { meetingId }) : null;
  }

  async setStatus(
    tx: Tx,
    meetingId: string,
    from: readonly MinutesStatus[],
    to: MinutesStatus,
  ): Promise<MinutesEntity | null> {
    const stamp = to === 'approved' ? ', approved_at = now()' : to === 'published' ? ', published_at = now()' : '';
    const result = await tx.query(
      `UPDATE minutes SET status = $3, version = version + 1, updated_at = now()${stamp}
       WHERE meeting_id = $1 AND status = ANY ($2::text[])`,
      [meetingId, from, to],
    );
    return changedAny(result) ? tx.findOneByOrFail(MinutesEntity, { meetingId }) : null;
  }
}
