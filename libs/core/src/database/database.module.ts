import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { Database } from './database';
import { QueryCountingLogger } from './query-count';

@Global()
@Module({})
export class DatabaseModule {
  /**
   * `connectionWaitMs`: the api keeps the default (a request answers 503 rather than wait longer); the
   * worker has no one waiting on it and had rather queue for a connection than fail a job under load.
   */
  static forApp(applicationName: string, { connectionWaitMs }: { connectionWaitMs?: number } = {}) {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions({ url: config.get('DATABASE_URL'), applicationName, connectionWaitMs }),
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
