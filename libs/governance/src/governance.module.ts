import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ReportKindRegistry, ReportsModule } from '@app/reports';
import { BodiesRepository } from './bodies.repository';
import { BodiesService } from './bodies.service';
import { BodyEntity, BodyPositionEntity, MandateEntity, MemberEntity, SeatEntity } from './entities/body.entity';
import {
  AgendaItemEntity,
  AttendanceEntity,
  DecisionEntity,
  MeetingEntity,
  MinutesEntity,
} from './entities/meeting.entity';
import { GovernanceAccess } from './governance-access';
import { MeetingReportDataService } from './meeting-report-data';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
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
  ],
  providers: [
    BodiesRepository,
    MeetingsRepository,
    GovernanceAccess,
    BodiesService,
    MeetingsService,
    MeetingReportDataService,
    MinutesReport,
    NoticeReport,
    AttendanceSheetReport,
  ],
  exports: [BodiesService, MeetingsService],
})
export class GovernanceModule implements OnModuleInit {
  constructor(
    private readonly registry: ReportKindRegistry,
    private readonly minutes: MinutesReport,
    private readonly notice: NoticeReport,
    private readonly attendanceSheet: AttendanceSheetReport,
  ) {}

  onModuleInit(): void {
    for (const kind of [this.minutes, this.notice, this.attendanceSheet]) this.registry.register(kind);
  }
}
