import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { StorageModule } from '@app/core';
import { IdentityModule } from '@app/identity';
import { ReportEntity } from './entities/report.entity';
import { DirectoryReport } from './kinds/directory.report';
import { ReportKindRegistry } from './report-kind.registry';
import { ReportMaintenanceService } from './report-maintenance.service';
import { ReportRendererService } from './report-renderer.service';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity]), AuditModule, IdentityModule, StorageModule],
  providers: [
    ReportsRepository,
    ReportKindRegistry,
    ReportsService,
    ReportRendererService,
    ReportMaintenanceService,
    DirectoryReport,
  ],
  exports: [ReportsService, ReportRendererService, ReportMaintenanceService, ReportKindRegistry],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly registry: ReportKindRegistry,
    private readonly directory: DirectoryReport,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.directory);
  }
}
