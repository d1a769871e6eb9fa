import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { TerritoryModule } from '@app/territory';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import {
  CallAxisEntity,
  CallEntity,
  GrantEntity,
  OpinionEntity,
  PaymentEntity,
  ProjectCommuneEntity,
  ProjectDepartmentEntity,
  ProjectEntity,
  ProjectTransitionEntity,
} from './entities/call.entity';
import { FundingRepository } from './funding.repository';
import { FundingService } from './funding.service';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      CallEntity,
      CallAxisEntity,
      ProjectEntity,
      ProjectDepartmentEntity,
      ProjectCommuneEntity,
      ProjectTransitionEntity,
      OpinionEntity,
      GrantEntity,
      PaymentEntity,
    ]),
    AuditModule,
    TerritoryModule,
  ],
  providers: [CallsRepository, ProjectsRepository, FundingRepository, CallsService, ProjectsService, FundingService],
  exports: [CallsService, ProjectsService, FundingService],
})
export class CallsModule {}
