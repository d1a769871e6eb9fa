import { IsUUID } from 'class-validator';
import { reportRequestDto } from '@app/reports';

/** The meeting documents' params: the minutes, the notice and the attendance sheet of one meeting. */
export class MeetingReportParamsDto {
  @IsUUID(undefined, { message: 'must be a meeting id' })
  meetingId: string;
}

export const MinutesReportRequestDto = reportRequestDto('minutes', MeetingReportParamsDto);
export const NoticeReportRequestDto = reportRequestDto('notice', MeetingReportParamsDto);
export const AttendanceSheetReportRequestDto = reportRequestDto('attendance_sheet', MeetingReportParamsDto);
