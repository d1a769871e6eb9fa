import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JOBS_QUEUE } from './job-registry';
import { JobQueue } from './job-queue';
import { redisOptions } from './redis-connection';
import { WorkerMetricsStore } from '../metrics/worker-metrics-store';

@Module({})
export class JobsModule {
  static forRole(role: 'worker' | 'producer'): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ connection: redisOptions(config.get('REDIS_URL'), role) }),
        }),
        BullModule.registerQueue({ name: JOBS_QUEUE }),
      ],
      providers: [JobQueue, WorkerMetricsStore],
      exports: [JobQueue, WorkerMetricsStore, BullModule],
    };
  }
}
