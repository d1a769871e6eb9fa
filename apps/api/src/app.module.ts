import { hostname } from 'node:os';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule, AuditVerificationModule } from '@app/audit';
import { AppConfig, AppConfigModule, DatabaseModule, HttpErrorFilter, JobsModule } from '@app/core';
import { CallsModule } from '@app/calls';
import { ContractsModule } from '@app/contracts';
import { EquityModule } from '@app/equity';
import { GovernanceModule } from '@app/governance';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { ReportsModule } from '@app/reports';
import { RoadmapModule } from '@app/roadmap';
import { JwtAuthGuard, RolesGuard } from './auth/guards';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { requestIdOf } from './auth/request-id';
import { requestLogFields, responseLogFields } from './request-log';
import { AuditController } from './controllers/audit.controller';
import { AuthController } from './controllers/auth.controller';
import { ProConnectController } from './controllers/proconnect.controller';
import { BodiesController } from './controllers/bodies.controller';
import { CallsController } from './controllers/calls.controller';
import { ContractsController } from './controllers/contracts.controller';
import { EquityController } from './controllers/equity.controller';
import { RoadmapController } from './controllers/roadmap.controller';
import { ExportsController } from './controllers/exports.controller';
import { GrantsController } from './controllers/grants.controller';
import { MailController } from './controllers/mail.controller';
import { MeetingsController } from './controllers/meetings.controller';
import { ProjectsController } from './controllers/projects.controller';
import { DepartmentsController } from './controllers/departments.controller';
import { ReportsController } from './controllers/reports.controller';
import { TerritoryController } from './controllers/territory.controller';
import { UsersController } from './controllers/users.controller';
import { HealthController } from './health/health.controller';
import { RedisHealthIndicator } from './health/redis.health';
import { RateLimitsModule } from './rate-limits/rate-limits';
import { JobDashboardModule } from './job-dashboard/job-dashboard.module';
import { MetricsModule } from './metrics/metrics.module';

@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.get('LOG_LEVEL'),
          genReqId: (req) => requestIdOf(req),
          // Bound once on the logger, not per request (pino-http's customProps makes a child logger
          // for every request line).
          base: { pid: process.pid, hostname: hostname(), app: 'api' },
          // One line per request, kept lean: no headers at all (so no token or cookie to redact, and
          // no per-request redaction copy; headers and the copy were a tenth of the api's CPU on a list).
          serializers: { req: requestLogFields, res: responseLogFields },
        },
      }),
    }),
    DatabaseModule.forApp('iss-api', 'request'),
    JobsModule.forRole('producer'),
    PassportModule,
    TerminusModule,
    RateLimitsModule,
    AuditModule,
    AuditVerificationModule,
    IdentityModule,
    ReportsModule,
    GovernanceModule,
    CallsModule,
    RoadmapModule,
    ContractsModule,
    EquityModule,
    MetricsModule,
    JobDashboardModule,
    MailModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    ProConnectController,
    UsersController,
    DepartmentsController,
    AuditController,
    ReportsController,
    BodiesController,
    MeetingsController,
    CallsController,
    ProjectsController,
    GrantsController,
    ExportsController,
    RoadmapController,
    ContractsController,
    TerritoryController,
    EquityController,
    MailController,
  ],
  providers: [
    JwtStrategy,
    LocalStrategy,
    RedisHealthIndicator,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
})
export class AppModule {}
