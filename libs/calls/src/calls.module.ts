import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { DecisionLinks, DecisionLinksModule } from '@app/core';
import { ReportKindRegistry, ReportsModule } from '@app/reports';
import { TerritoryModule } from '@app/territory';
import { AwaitingActionService } from './awaiting-action.service';
import { CallsRepository } from './calls.repository';
import { CallEditService } from './call-edit.service';
import { CallsService } from './calls.service';
import { CallAxisEntity } from './entities/call-axis.entity';
import { CallEntity } from './entities/call.entity';
import { GrantEntity } from './entities/grant.entity';
import { OpinionEntity } from './entities/opinion.entity';
import { PaymentEntity } from './entities/payment.entity';
import { ProjectCommuneEntity } from './entities/project-commune.entity';
import { ProjectDepartmentEntity } from './entities/project-department.entity';
import { ProjectEntity } from './entities/project.entity';
import { ProjectTransitionEntity } from './entities/project-transition.entity';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpService } from './follow-up.service';
import { FundingRepository } from './funding.repository';
import { FundingService } from './funding.service';
import { ProjectsRepository } from './projects.repository';
import { InstructionRepository } from './instruction.repository';
import { InstructionService } from './instruction.service';
import { ProjectEditService } from './project-edit.service';
import { ProjectsService } from './projects.service';
import { SelectionService } from './selection.service';
import { FundingReport } from './reports/funding.report';

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
    ReportsModule,
    DecisionLinksModule,
  ],
  providers: [
    CallEditService,
    CallsRepository,
    ProjectsRepository,
    FundingRepository,
    CallsService,
    ProjectsService,
    ProjectEditService,
    FundingService,
    FundingReport,
    InstructionRepository,
    InstructionService,
    FollowUpRepository,
    FollowUpService,
    AwaitingActionService,
    SelectionService,
  ],
  exports: [
    CallEditService,
    AwaitingActionService,
    CallsService,
    ProjectsService,
    ProjectEditService,
    FundingService,
    InstructionService,
    FollowUpService,
  ],
})
export class CallsModule implements OnModuleInit {
  constructor(
    private readonly registry: ReportKindRegistry,
    private readonly fundingReport: FundingReport,
    private readonly links: DecisionLinks,
    private readonly selection: SelectionService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.fundingReport);
    // The commission's selection list names its call and moves the projects it selects.
    this.links.registerSubject('call_selection', {
      resolve: (reference, tx) => this.selection.callId(reference, tx),
      carryOut: (tx, actor, callId, decision) => this.selection.select(tx, actor, callId, decision),
    });
  }
}
