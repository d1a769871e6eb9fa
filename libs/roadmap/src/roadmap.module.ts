import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { TerritoryModule } from '@app/territory';
import { RoadmapRepository } from './roadmap.repository';
import { RoadmapService } from './roadmap.service';

@Module({
  imports: [AuditModule, TerritoryModule],
  providers: [RoadmapRepository, RoadmapService],
  exports: [RoadmapService],
})
export class RoadmapModule {}
