import { Gauge, Registry } from 'prom-client';
import type { Database } from '../database/database';

/**
 * The PostgreSQL pool's use, read at each collection: `<prefix>db_pool_connections{state}` (open
 * connections, and those idle among them) and `<prefix>db_pool_waiting_requests` (callers waiting for
 * a connection: above 0 for long, the pool is too small or a query holds it).
 */
export function registerDatabasePoolGauges(registry: Registry, prefix: string, database: Database): void {
  new Gauge({
    name: `${prefix}db_pool_connections`,
    help: 'PostgreSQL connections of the pool, by state (total: open; idle: open and unused)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const usage = database.poolUsage();
      this.set({ state: 'total' }, usage.total);
      this.set({ state: 'idle' }, usage.idle);
    },
  });
  new Gauge({
    name: `${prefix}db_pool_waiting_requests`,
    help: 'Callers waiting for a PostgreSQL connection of the pool',
    registers: [registry],
    collect() {
      this.set(database.poolUsage().waiting);
    },
  });
}
