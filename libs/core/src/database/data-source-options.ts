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
      // By default fail fast when PostgreSQL is away, so requests get a 503 instead of hanging.
      connectionTimeoutMillis: settings.connectionWaitMs ?? 2000,
      idleTimeoutMillis: 30000,
    },
  };
}
