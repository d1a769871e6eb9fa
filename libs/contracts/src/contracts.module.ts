import { Module, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AuditModule } from '@app/audit';
import { DecisionLinks, DecisionLinksModule } from '@app/core';
import { RoadmapModule } from '@app/roadmap';
import { TerritoryModule } from '@app/territory';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';

@Module({
  imports: [AuditModule, TerritoryModule, RoadmapModule, DecisionLinksModule],
  providers: [ContractsRepository, ContractsService],
  exports: [ContractsService],
})
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly links: DecisionLinks,
    private readonly contracts: ContractsRepository,
  ) {}

  onModuleInit(): void {
    // A decision of the commission approving a local health contract names it by its id.
    this.links.registerSubject('contract', {
      resolve: async (reference, tx) =>
        isUUID(reference) ? ((await this.contracts.find(reference, tx))?.id ?? null) : null,
    });
  }
}
