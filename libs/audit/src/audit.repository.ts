import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEventEntity } from './entities/audit-event.entity';

/** Any fixed number: the advisory lock that serializes appends so the hash chain never forks. */
const CHAIN_LOCK_KEY = 4_277_001;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the chain lock for the rest of the transaction and returns the hash to chain onto. */
  async lockChainHead(tx: Tx): Promise<string | null> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const rows: { hash: string }[] = await tx.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    return rows[0]?.hash ?? null;
  }

  async insert(tx: Tx, event: Omit<AuditEventEntity, 'id'>): Promise<void> {
    await tx.insert(AuditEventEntity, event as QueryDeepPartialEntity<AuditEventEntity>);
  }

  async list(filter: AuditFilter): Promise<[AuditEventEntity[], number]> {
    return this.dataSource.getRepository(AuditEventEntity).findAndCount({
      // TypeORM 1 refuses undefined in `where`: name only the filters that were given.
      where: {
        ...(filter.entityType !== undefined && { entityType: filter.entityType }),
        ...(filter.entityId !== undefined && { entityId: filter.entityId }),
      },
      order: { id: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  /** Whether this connection's role could change past events (false before the table exists). */
  async connectionMayRewrite(): Promise<boolean> {
    const rows: { may: boolean | null }[] = await this.dataSource.query(
      `SELECT has_table_privilege(t, 'UPDATE') OR has_table_privilege(t, 'DELETE') OR has_table_privilege(t, 'TRUNCATE') AS may
         FROM (SELECT to_regclass('audit_event') AS t) AS audit`,
    );
    return rows[0]?.may === true;
  }

  /** The chain in order, a batch at a time (keyset), so verification runs in flat memory. */
  async batchAfter(lastId: string, size: number): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { id: MoreThan(lastId) },
      order: { id: 'ASC' },
      take: size,
    });
  }
}
