import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ReportKindRegistry, ReportsModule } from '@app/reports';
import { TerritoryModule } from '@app/territory';
import { ActionsRepository } from './actions.repository';
import { ActionsService } from './actions.service';
import { RoadmapReport } from './reports/roadmap.report';
import { RoadmapsRepository } from './roadmaps.repository';
import { RoadmapsService } from './roadmaps.service';

@Module({
  imports: [AuditModule, TerritoryModule, ReportsModule],
  providers: [RoadmapsRepository, ActionsRepository, RoadmapsService, ActionsService, RoadmapReport],
  exports: [RoadmapsService, ActionsService],
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
