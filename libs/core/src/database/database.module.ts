import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { clientBoundOf, dataSourceOptions, DatabaseSettings } from './data-source-options';
import { Database } from './database';
import { QueryCountingLogger } from './query-count';

/**
 * Who is waiting on the database: `request` (the api: bounded by DB_* settings, a hung server gives
 * 503 quickly), `background` (the worker: long reports, it had rather queue for a connection than fail
 * a job under load) or `maintenance` (the CLI's migrations and seeds: no bound).
 */
export type DatabaseProfile = 'request' | 'background' | 'maintenance';

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

@Global()
@Module({})
export class DatabaseModule {
  static forApp(applicationName: string, profile: DatabaseProfile) {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions({
              url: config.get('DATABASE_URL'),
              applicationName,
              ...connectionLimits(profile, config),
            }),
            autoLoadEntities: true,
            ...(config.get('COUNT_QUERIES') ? { logger: new QueryCountingLogger() } : {}),
          }),
        }),
      ],
      providers: [Database],
      exports: [Database],
    };
  }
}
