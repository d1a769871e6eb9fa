import { Injectable } from '@nestjs/common';
import { Actor } from '@app/core';
import { ReportDefinition } from '@app/reports';
import { BODY_KIND_LABELS, REPORT_KIND_LABELS } from '@app/vocabulary';
import { MeetingReportData, MeetingReportDataService } from '../meeting-report-data';
import { MeetingsService } from '../meetings.service';
import { MinutesService } from '../minutes.service';
import { MeetingReportParamsDto } from './meeting-report.dto';
import { drawAttendanceSheet, drawMinutes, drawNotice, when, where } from './meeting.drawing';

type MeetingParams = MeetingReportParamsDto;

/** Shared by the three meeting documents: params, data, access (whoever reads the meeting) and the scope line. */
@Injectable() // so that subclasses inherit the constructor's parameter types for injection
abstract class MeetingDocument implements Omit<
  ReportDefinition<MeetingParams, MeetingReportData>,
  'kind' | 'title' | 'render'
> {
  constructor(
    protected readonly data: MeetingReportDataService,
    protected readonly meetings: MeetingsService,
  ) {}

  async authorize(actor: Actor, params: MeetingParams): Promise<void> {
    await this.meetings.readableMeeting(actor, params.meetingId);
  }

  readonly params = MeetingReportParamsDto;

  dataVersion(params: MeetingParams): Promise<string> {
    return this.data.version(params.meetingId);
  }

  collect(params: MeetingParams): Promise<MeetingReportData> {
    return this.data.collect(params.meetingId);
  }

  scope(_p: MeetingParams, d: MeetingReportData): string {
    return `${BODY_KIND_LABELS[d.body.kind]} « ${d.body.name} » — séance du ${when(d)} — ${where(d)}`;
  }
}

/** Convocation: date, place, agenda, and who is convened (full members and their alternates). */
@Injectable()
export class NoticeReport extends MeetingDocument implements ReportDefinition<MeetingParams, MeetingReportData> {
  readonly kind = 'notice' as const;

  title(_p: MeetingParams, d: MeetingReportData): string {
    return `${REPORT_KIND_LABELS[this.kind]} — ${d.body.name}`;
  }

  readonly render = drawNotice;
}

/** Feuille d'émargement: one line per seat, the full member, the alternate, and room to sign. */
@Injectable()
export class AttendanceSheetReport
  extends MeetingDocument
  implements ReportDefinition<MeetingParams, MeetingReportData>
{
  readonly kind = 'attendance_sheet' as const;

  title(_p: MeetingParams, d: MeetingReportData): string {
    return `${REPORT_KIND_LABELS[this.kind]} — ${d.body.name}`;
  }

  readonly render = drawAttendanceSheet;
}

/** Procès-verbal: attendance by college with the quorum, agenda, decisions with their votes, the text. */
@Injectable()
export class MinutesReport extends MeetingDocument implements ReportDefinition<MeetingParams, MeetingReportData> {
  readonly kind = 'minutes' as const;

  constructor(
    data: MeetingReportDataService,
    meetings: MeetingsService,
    private readonly minutes: MinutesService,
  ) {
    super(data, meetings);
  }

  /** Stricter than the other documents: the minutes' own read rule (members download published minutes only). */
  override authorize(actor: Actor, params: MeetingParams): Promise<void> {
    return this.minutes.assertCanRead(actor, params.meetingId);
  }

  title(_p: MeetingParams, d: MeetingReportData): string {
    return `${REPORT_KIND_LABELS[this.kind]} — ${d.body.name}`;
  }

  readonly render = drawMinutes;
}
