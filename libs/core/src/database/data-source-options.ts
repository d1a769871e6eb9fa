import { MIGRATIONS } from '@app/migrations';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseSettings {
  url: string;
  applicationName: string;
  poolSize?: number;
  /** How long a query waits for a pooled connection (or a new one to open) before failing. */
  connectionWaitMs?: number;
}

/** One definition of the connection, shared by the api, the worker, the CLI and the tests. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    applicationName: settings.applicationName,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: settings.poolSize ?? 10,
      // A stopped PostgreSQL refuses at once (503 without waiting); this bounds the wait for a pooled
      // connection under a burst (200 grants queued on one call lock) and for a server that hangs.
      connectionTimeoutMillis: settings.connectionWaitMs ?? 10_000,
      idleTimeoutMillis: 30000,
    },
  };
}
