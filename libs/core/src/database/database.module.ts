import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { connectionLimits, DatabaseProfile } from './connection-limits';
import { dataSourceOptions } from './data-source-options';
import { Database } from './database';
import { QueryCountingLogger } from './query-count';

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
