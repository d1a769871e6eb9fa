import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { StorageModule } from '@app/core';
import { ReportEntity } from './entities/report.entity';
import { ReportKindRegistry } from './report-kind.registry';
import { ReportMaintenanceService } from './report-maintenance.service';
import { ReportRendererService } from './report-renderer.service';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * The report pipeline. It knows no kind: each domain module that owns a subject (identity, governance,
 * calls, roadmap) imports this one and registers its kinds in `ReportKindRegistry` on init.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity]), AuditModule, StorageModule],
  providers: [ReportsRepository, ReportKindRegistry, ReportsService, ReportRendererService, ReportMaintenanceService],
  exports: [ReportsService, ReportRendererService, ReportMaintenanceService, ReportKindRegistry],
})
export class ReportsModule {}
