import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule, DatabaseModule, JobsModule } from '@app/core';
import { AuditModule, AuditVerificationModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { EquityModule } from '@app/equity';
import { GovernanceModule } from '@app/governance';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { DigestsModule } from '@app/digests';
import { ReportsModule } from '@app/reports';
import { RoadmapModule } from '@app/roadmap';
import { JobHandlerRegistry } from './job-handlers';
import { JobsProcessor } from './jobs.processor';
import { MaintenanceScheduler } from './maintenance.scheduler';
import { ThreadRenderPool } from './render/thread-render-pool';
import { WorkerMetrics } from './worker-metrics';

@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: { level: config.get('LOG_LEVEL'), customProps: () => ({ app: 'worker' }) },
      }),
    }),
    DatabaseModule.forApp('iss-worker', 'background'),
    JobsModule.forRole('worker'),
    ReportsModule,
    AuditModule,
    AuditVerificationModule,
    GovernanceModule,
    CallsModule,
    EquityModule,
    RoadmapModule,
    IdentityModule,
    MailModule,
    DigestsModule,
  ],
  providers: [JobHandlerRegistry, JobsProcessor, MaintenanceScheduler, ThreadRenderPool, WorkerMetrics],
})
export class WorkerModule {}
