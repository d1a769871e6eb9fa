import { Module } from '@nestjs/common';
import { AuditVerificationModule } from '@app/audit';
import { ApiMetrics } from './api-metrics';
import { MetricsController } from './metrics.controller';

/** `GET /metrics` and the api's registry (the app factory times requests into its histogram). */
@Module({
  imports: [AuditVerificationModule],
  controllers: [MetricsController],
  providers: [ApiMetrics],
  exports: [ApiMetrics],
})
export class MetricsModule {}
