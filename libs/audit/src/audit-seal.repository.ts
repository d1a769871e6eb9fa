import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource, In } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditSealEntity } from './entities/audit-seal.entity';

export interface ChainHead {
  id: string;
  hash: string;
}

@Injectable()
export class AuditSealRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async nextId(tx: Tx): Promise<string> {
    const rows: { id: string }[] = await tx.query(`SELECT nextval('audit_seal_id_seq')::text AS id`);
    return rows[0].id;
  }

  /** The newest event; call it under the chain lock for a head that cannot move before commit. */
  async head(tx: Tx): Promise<ChainHead | null> {
    const rows: ChainHead[] = await tx.query(
      'SELECT id::text AS id, hash FROM audit_event ORDER BY audit_event.id DESC LIMIT 1',
    );
    return rows[0] ?? null;
  }

  async insert(tx: Tx, seal: AuditSealEntity): Promise<void> {
    await tx.insert(AuditSealEntity, seal);
  }

  async newest(): Promise<AuditSealEntity | null> {
    return this.dataSource.getRepository(AuditSealEntity).findOne({ where: {}, order: { id: 'DESC' } });
  }

  async list(limit: number, offset: number): Promise<[AuditSealEntity[], number]> {
    return this.dataSource
      .getRepository(AuditSealEntity)
      .findAndCount({ order: { id: 'DESC' }, take: limit, skip: offset });
  }

  /** Every seal, oldest first: one a day is a few hundred rows a year. */
  async all(): Promise<AuditSealEntity[]> {
    return this.dataSource.getRepository(AuditSealEntity).find({ order: { id: 'ASC' } });
  }

  /** The current hash of each given event (absent when the event is gone). */
  async hashesOf(eventIds: string[]): Promise<Map<string, string>> {
    if (eventIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(AuditEventEntity)
      .find({ select: { id: true, hash: true }, where: { id: In(eventIds) } });
    return new Map(rows.map((r) => [String(r.id), r.hash]));
  }
}
