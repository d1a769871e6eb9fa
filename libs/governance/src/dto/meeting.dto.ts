import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsId, IsIdList, IsIntBetween, IsOptionalText, IsText, IsVersion, PageQueryDto } from '@app/core';
import {
  ATTENDANCE_STATUSES,
  DECISION_SUBJECT_TYPES,
  MEETING_PERIODS,
  MEETING_STATUSES,
  MINUTES_STATUSES,
} from '../governance.constants';
import type {
  AttendanceStatus,
  DecisionSubjectType,
  MeetingPeriod,
  MeetingStatus,
  MinutesStatus,
} from '../governance.constants';

export class AgendaItemInputDto {
  @IsText(500)
  title: string;
}

export class CreateMeetingDto {
  @IsId()
  bodyId: string;

  /** Date and time with its offset (e.g. 2026-12-10T14:00:00+01:00); shown in Europe/Paris. */
  @IsISO8601({ strict: true })
  startsAt: string;

  @IsOptionalText(300)
  place?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  videoUrl?: string;

  @ApiProperty({ type: [AgendaItemInputDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  agenda: AgendaItemInputDto[];
}

export class MeetingQueryDto extends PageQueryDto {
  @IsOptional()
  @IsId()
  bodyId?: string;

  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;

  /** `upcoming`: from now on, soonest first; `past`: already begun, latest first. */
  @ApiPropertyOptional({ enum: MEETING_PERIODS })
  @IsOptional()
  @IsIn(MEETING_PERIODS)
  period?: MeetingPeriod;
}

/** A meeting moved: its new date, place or video link, at the version read. */
export class MoveMeetingDto {
  /** Date and time with its offset; unchanged when absent. */
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  /** Unchanged when absent. */
  @IsOptionalText(300)
  place?: string;

  /** Unchanged when absent. */
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  videoUrl?: string;

  @IsVersion()
  version: number;
}

export class MeetingTransitionDto {
  @ApiProperty({ enum: MEETING_STATUSES })
  @IsIn(MEETING_STATUSES)
  to: MeetingStatus;
}

export class AttendanceEntryDto {
  @IsId()
  memberId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;
}

export class CreateDecisionDto {
  @IsText(500)
  title: string;

  @IsOptionalText(20000)
  text?: string;

  @IsIntBetween(0, 10000)
  votesFor: number;

  @IsIntBetween(0, 10000)
  votesAgainst: number;

  @IsIntBetween(0, 10000)
  abstentions: number;

  /** What the decision decides: a roadmap's validation, a call's selection list, a contract's approval. */
  @ApiPropertyOptional({ enum: DECISION_SUBJECT_TYPES })
  @ValidateIf((d: CreateDecisionDto) => d.subjectId !== undefined)
  @IsIn(DECISION_SUBJECT_TYPES)
  subjectType?: DecisionSubjectType;

  /** The subject, which must exist: a roadmap's year or id, a call's id, a contract's id. */
  @ValidateIf((d: CreateDecisionDto) => d.subjectType !== undefined)
  @IsText(100)
  subjectId?: string;

  /**
   * A `call_selection` decision's list: these projects of the call, all under review, move to
   * selected with the decision, all or none.
   */
  @IsOptional()
  @IsIdList(500)
  projectIds?: string[];

  /** The point of this meeting's agenda the decision answers (its `position`); none for other business. */
  @IsOptional()
  @IsIntBetween(1, 100)
  agendaItemPosition?: number;
}

export class WriteMinutesDto {
  @IsString()
  @MaxLength(200000)
  content: string;

  /** The version read; required to change existing minutes (a stale one gets 409). */
  @IsOptional()
  @IsVersion()
  version?: number;
}

export class AgendaItemDto {
  position: number;
  title: string;
}

export class AttendanceDto {
  memberId: string;
  displayName: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  status: AttendanceStatus;
}

export class DecisionDto {
  id: string;
  meetingId: string;
  /** The agenda item the decision answers; null for a decision outside the agenda. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  agendaItemPosition: number | null;
  /** That item's title, as on the agenda. */
  @ApiPropertyOptional({ nullable: true, type: String })
  agendaItemTitle: string | null;
  title: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  text: string | null;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  adopted: boolean;
  @ApiPropertyOptional({ nullable: true, enum: DECISION_SUBJECT_TYPES })
  subjectType: DecisionSubjectType | null;
  /** The subject's id (a roadmap's id, even when named by its year). */
  @ApiPropertyOptional({ nullable: true, type: String })
  subjectId: string | null;
  createdAt: string;
}

export class MeetingDto {
  id: string;
  bodyId: string;
  bodyName: string;
  startsAt: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  place: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  videoUrl: string | null;
  @ApiProperty({ enum: MEETING_STATUSES })
  status: MeetingStatus;
  @ApiProperty({ type: [AgendaItemDto] })
  agenda: AgendaItemDto[];
  @ApiPropertyOptional({ nullable: true, type: Boolean })
  quorumReached: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  seatsTotal: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  seatsPresent: number | null;
  /** Seats present or represented the quorum needs (more than half of `seatsTotal`); null before the attendance sheet. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  quorumThreshold: number | null;
  version: number;
  /** When the convocation was sent to the body's members (POST /meetings/:id/convene); null before. */
  @ApiProperty({ nullable: true, type: String })
  convenedAt: string | null;
  /** The caller may convene the meeting: planned, not convened yet, and the caller runs the commission. */
  @ApiProperty()
  canConvene: boolean;
  /** The meeting's minutes are published (members read them then). */
  @ApiProperty()
  minutesPublished: boolean;
  /** The moves the caller may make from the current status (POST /meetings/:id/transitions). */
  @ApiProperty({ enum: MEETING_STATUSES, isArray: true })
  allowedTransitions: MeetingStatus[];
  /** The caller may record the attendance sheet (PUT /meetings/:id/attendance): the meeting is not closed. */
  @ApiProperty()
  canRecordAttendance: boolean;
  /** The caller may record a decision (POST /meetings/:id/decisions): the meeting is not closed and reached its quorum. */
  @ApiProperty()
  canRecordDecision: boolean;
}

export class MeetingDetailDto extends MeetingDto {
  @ApiProperty({ type: [AttendanceDto] })
  attendance: AttendanceDto[];
  @ApiProperty({ type: [DecisionDto] })
  decisions: DecisionDto[];
  @ApiPropertyOptional({ nullable: true, enum: MINUTES_STATUSES })
  minutesStatus: MinutesStatus | null;
  /** The caller may write the minutes (PUT /meetings/:id/minutes): none yet, or a draft. */
  @ApiProperty()
  canWriteMinutes: boolean;
  /** The caller may read the minutes and download their PDF: written, and published unless the caller reads drafts. */
  @ApiProperty()
  canReadMinutes: boolean;
}

export class MeetingPageDto {
  @ApiProperty({ type: [MeetingDto] })
  items: MeetingDto[];
  total: number;
}

export class AttendanceResultDto {
  meetingId: string;
  @ApiProperty({ type: [AttendanceDto] })
  attendance: AttendanceDto[];
  seatsTotal: number;
  seatsPresent: number;
  quorumReached: boolean;
}

export class MinutesDto {
  meetingId: string;
  @ApiProperty({ enum: MINUTES_STATUSES })
  status: MinutesStatus;
  content: string;
  version: number;
  updatedAt: string;
  /** The moves the caller may make: approved (POST …/minutes/approve), published (POST …/minutes/publish). */
  @ApiProperty({ enum: MINUTES_STATUSES, isArray: true })
  allowedTransitions: MinutesStatus[];
  /** The caller may change the text (PUT /meetings/:id/minutes): the minutes are a draft. */
  @ApiProperty()
  canEdit: boolean;
}
