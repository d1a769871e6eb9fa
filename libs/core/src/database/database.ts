import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A transaction handle: repositories take it explicitly so that a use case's writes commit together. */
export type Tx = EntityManager;

/** Opens transactions for services; only repositories use the manager inside. */
@Injectable()
export class Database {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The manager outside any transaction, for reads. */
  get manager(): Tx {
    return this.dataSource.manager;
  }

  /** The connection pool's use now (pg's counters): open connections, idle ones, callers waiting for one. */
  poolUsage(): { total: number; idle: number; waiting: number } {
    const pool = (
      this.dataSource.driver as { master?: { totalCount: number; idleCount: number; waitingCount: number } }
    ).master;
    return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
