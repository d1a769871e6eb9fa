import type { AppConfig } from '../config/app-config';
import type { DatabaseSettings } from './data-source-options';

/**
 * The client-side bound of a statement the server bounds itself at `statementMs`: the client waits
 * a little longer, so that a live server's own cancel comes first.
 */
export const clientBoundOf = (statementMs: number) => statementMs + 5_000;

/**
 * Who is waiting on the database: `request` (the api: bounded by DB_* settings, a hung server gives
 * 503 quickly), `background` (the worker: long reports, it had rather queue for a connection than fail
 * a job under load) or `maintenance` (the CLI's migrations and seeds: no bound).
 */
export type DatabaseProfile = 'request' | 'background' | 'maintenance';

/** The pool settings of a profile, from the DB_* and WORKER_DB_* settings. */
export function connectionLimits(profile: DatabaseProfile, config: AppConfig): Partial<DatabaseSettings> {
  const idleInTransactionMs = config.get('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS');
  switch (profile) {
    case 'request':
      return {
        connectionWaitMs: config.get('DB_CONNECTION_TIMEOUT_MS'),
        timeouts: {
          statementMs: config.get('DB_STATEMENT_TIMEOUT_MS'),
          idleInTransactionMs,
          queryMs: config.get('DB_QUERY_TIMEOUT_MS'),
        },
      };
    case 'background': {
      const statementMs = config.get('WORKER_DB_STATEMENT_TIMEOUT_MS');
      return {
        connectionWaitMs: 30_000,
        timeouts: { statementMs, idleInTransactionMs, queryMs: clientBoundOf(statementMs) },
      };
    }
    case 'maintenance':
      return {};
  }
}
