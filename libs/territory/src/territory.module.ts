import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentEntity, RegionEntity } from './entities/department.entity';
import { TerritoryRepository } from './territory.repository';
import { TerritoryService } from './territory.service';

@Module({
  imports: [TypeOrmModule.forFeature([DepartmentEntity, RegionEntity])],
  providers: [TerritoryRepository, TerritoryService],
  exports: [TerritoryService],
})
export class TerritoryModule {}
