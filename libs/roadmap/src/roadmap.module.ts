import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ReportKindRegistry, ReportsModule } from '@app/reports';
import { TerritoryModule } from '@app/territory';
import { RoadmapReport } from './reports/roadmap.report';
import { RoadmapRepository } from './roadmap.repository';
import { RoadmapService } from './roadmap.service';

@Module({
  imports: [AuditModule, TerritoryModule, ReportsModule],
  providers: [RoadmapRepository, RoadmapService, RoadmapReport],
  exports: [RoadmapService],
})
export class RoadmapModule implements OnModuleInit {
  constructor(
    private readonly registry: ReportKindRegistry,
    private readonly report: RoadmapReport,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.report);
  }
}
