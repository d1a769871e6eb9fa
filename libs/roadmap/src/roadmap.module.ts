import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { DecisionLinks, DecisionLinksModule } from '@app/core';
import { ReportKindRegistry, ReportsModule } from '@app/reports';
import { TerritoryModule } from '@app/territory';
import { ActionsRepository } from './actions.repository';
import { ActionsService } from './actions.service';
import { RoadmapReport } from './reports/roadmap.report';
import { RoadmapsRepository } from './roadmaps.repository';
import { RoadmapsService } from './roadmaps.service';

@Module({
  imports: [AuditModule, TerritoryModule, ReportsModule, DecisionLinksModule],
  providers: [RoadmapsRepository, ActionsRepository, RoadmapsService, ActionsService, RoadmapReport],
  exports: [RoadmapsService, ActionsService],
})
export class RoadmapModule implements OnModuleInit {
  constructor(
    private readonly registry: ReportKindRegistry,
    private readonly report: RoadmapReport,
    private readonly links: DecisionLinks,
    private readonly roadmaps: RoadmapsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.report);
    // A decision of the commission names the roadmap it validates by its year or its id.
    this.links.registerSubject('roadmap', { resolve: (reference, tx) => this.roadmaps.idOf(reference, tx) });
  }
}
