import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { DecisionLinks, DecisionLinksModule } from '@app/core';
import { MailModule } from '@app/mail';
import { ReportKindRegistry, ReportsModule } from '@app/reports';
import { BodiesRepository } from './bodies.repository';
import { BodiesService } from './bodies.service';
import { AgendaItemEntity } from './entities/agenda-item.entity';
import { AttendanceEntity } from './entities/attendance.entity';
import { BodyPositionEntity } from './entities/body-position.entity';
import { BodyEntity } from './entities/body.entity';
import { DecisionEntity } from './entities/decision.entity';
import { MandateEntity } from './entities/mandate.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { MemberEntity } from './entities/member.entity';
import { MinutesEntity } from './entities/minutes.entity';
import { SeatEntity } from './entities/seat.entity';
import { GovernanceAccess } from './governance-access';
import { MeetingMail } from './meeting-mail';
import { MeetingReportDataService } from './meeting-report-data';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { MinutesRepository } from './minutes.repository';
import { MinutesService } from './minutes.service';
import { PositionsRepository } from './positions.repository';
import { PositionsService } from './positions.service';
import { AttendanceSheetReport, MinutesReport, NoticeReport } from './reports/meeting-reports';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      BodyEntity,
      MemberEntity,
      SeatEntity,
      MandateEntity,
      BodyPositionEntity,
      MeetingEntity,
      AgendaItemEntity,
      AttendanceEntity,
      DecisionEntity,
      MinutesEntity,
    ]),
    AuditModule,
    ReportsModule,
    DecisionLinksModule,
    MailModule,
  ],
  providers: [
    BodiesRepository,
    MeetingsRepository,
    MinutesRepository,
    GovernanceAccess,
    PositionsRepository,
    PositionsService,
    BodiesService,
    MeetingsService,
    MinutesService,
    MeetingReportDataService,
    MeetingMail,
    MinutesReport,
    NoticeReport,
    AttendanceSheetReport,
  ],
  exports: [BodiesService, PositionsService, MeetingsService, MinutesService],
})
export class GovernanceModule implements OnModuleInit {
  constructor(
    private readonly registry: ReportKindRegistry,
    private readonly minutes: MinutesReport,
    private readonly notice: NoticeReport,
    private readonly attendanceSheet: AttendanceSheetReport,
    private readonly links: DecisionLinks,
    private readonly meetings: MeetingsRepository,
  ) {}

  onModuleInit(): void {
    for (const kind of [this.minutes, this.notice, this.attendanceSheet]) this.registry.register(kind);
    // The roadmap asks, without importing governance, which decision may validate it.
    this.links.registerReader({
      find: (id, tx) => this.meetings.decisionFacts(id, tx),
      about: (type, id) => this.meetings.decisionsAbout(type, id),
    });
  }
}
