import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { RoadmapModule } from '@app/roadmap';
import { TerritoryModule } from '@app/territory';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';

@Module({
  imports: [AuditModule, TerritoryModule, RoadmapModule],
  providers: [ContractsRepository, ContractsService],
  exports: [ContractsService],
})
export class ContractsModule {}
