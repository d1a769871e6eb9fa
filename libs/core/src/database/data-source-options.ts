import { MIGRATIONS } from '@app/migrations';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TimeoutClosingClient } from './timeout-closing-client';

/** Bounds on the time a session may spend, server-side and client-side (none when left out). */
export interface DatabaseTimeouts {
  /** PostgreSQL's `statement_timeout`: the server cancels a longer statement. */
  statementMs?: number;
  /** PostgreSQL's `idle_in_transaction_session_timeout`: a transaction left idle is ended. */
  idleInTransactionMs?: number;
  /** pg's `query_timeout`: the client stops waiting for a server that does not answer. */
  queryMs?: number;
}

export interface DatabaseSettings {
  url: string;
  applicationName: string;
  poolSize?: number;
  /** How long a query waits for a pooled connection (or a new one to open) before failing. */
  connectionWaitMs?: number;
  timeouts?: DatabaseTimeouts;
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
      ...poolTimeouts(settings.timeouts ?? {}),
    },
  };
}

/** pg's client options for the timeouts that are set; the server-side ones go in the startup packet. */
function poolTimeouts({ statementMs, idleInTransactionMs, queryMs }: DatabaseTimeouts): Record<string, unknown> {
  return {
    ...(statementMs ? { statement_timeout: statementMs } : {}),
    ...(idleInTransactionMs ? { idle_in_transaction_session_timeout: idleInTransactionMs } : {}),
    ...(queryMs ? { query_timeout: queryMs, Client: TimeoutClosingClient } : {}),
  };
}
