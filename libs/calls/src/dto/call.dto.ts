import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsCents, IsIntBetween, IsDay, IsOptionalText, IsText, IsVersion } from '@app/core';
import { CALL_STATUSES, PROJECT_STATUSES } from '../calls.constants';
import { CriterionDto, CriterionInputDto } from './instruction.dto';
import type { CallStatus, ProjectStatus } from '../calls.constants';

export class CallAxisInputDto {
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'code must be 1 to 20 letters, digits, - or _' })
  code: string;

  @IsText(300)
  label: string;

  /** Optional envelope of the axis; the axes' envelopes never add up to more than the call's. */
  @IsOptional()
  @IsCents()
  envelopeCents?: number;
}

export class CreateCallDto {
  @IsText(300)
  title: string;

  @IsIntBetween(2000, 2100)
  year: number;

  /** e.g. "FIR" (fonds d'intervention régional). */
  @IsText(100)
  fundingSource: string;

  @IsCents()
  envelopeCents: number;

  @IsDay()
  opensOn: string;

  @IsDay()
  closesOn: string;

  @ApiProperty({ type: [CallAxisInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CallAxisInputDto)
  axes: CallAxisInputDto[];

  /** Scoring criteria with their weights; reviewers score each from 0 to 5. */
  @ApiPropertyOptional({ type: [CriterionInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria?: CriterionInputDto[];
}

/**
 * The call's fields, each optional (what is left out stays), at the version read. The axes are replaced
 * whole: an axis keeps its code; one that projects apply to cannot go, and no envelope goes below what
 * is already committed on it. The criteria have their own route (PUT /calls/{id}/criteria).
 */
export class UpdateCallDto extends PartialType(OmitType(CreateCallDto, ['year', 'criteria'] as const)) {
  /** The version read: a stale one gets 409 and changes nothing. */
  @IsVersion()
  version: number;
}

export class CallAxisDto {
  code: string;
  label: string;
  @ApiPropertyOptional({ nullable: true, type: Number })
  envelopeCents: number | null;
}

export class CallDto {
  id: string;
  title: string;
  year: number;
  fundingSource: string;
  envelopeCents: number;
  opensOn: string;
  closesOn: string;
  @ApiProperty({ enum: CALL_STATUSES })
  status: CallStatus;
  @ApiProperty({ type: [CallAxisDto] })
  axes: CallAxisDto[];
  @ApiProperty({ type: [CriterionDto] })
  criteria: CriterionDto[];
  version: number;
  /** The moves of the call's lifecycle this caller may make now. */
  @ApiProperty({ enum: CALL_STATUSES, isArray: true })
  allowedTransitions: CallStatus[];
  /** Among allowedTransitions, those that need a comment (reopening a closed call says why). */
  @ApiProperty({ enum: CALL_STATUSES, isArray: true })
  commentRequiredFor: CallStatus[];
  /** New applications are entered: the call is open (past its closing day too, for the files received by then). */
  acceptsApplications: boolean;
  /** Its closing day (Europe/Paris) has passed: the delegate closes the call once the files received are entered. */
  closingDayPassed: boolean;
  /** Money may be committed to its selected projects in the call's state (not while it is closed). */
  acceptsGrants: boolean;
  /** The caller may edit the call (PATCH /calls/{id}): title, dates, envelope, axes. */
  canEdit: boolean;
  /** The caller may replace the scoring criteria (PUT /calls/:id/criteria; 409 once scoring has started). */
  canSetCriteria: boolean;
  /** The caller may enter an application to this call now (POST /projects). */
  canAddProject: boolean;
  /** The caller may export the call's funding ledger (CSV, workbook, funding report). */
  canExportLedger: boolean;
}

export class CallPageDto {
  @ApiProperty({ type: [CallDto] })
  items: CallDto[];
  total: number;
  /** The caller may create a call (POST /calls). */
  canCreate: boolean;
}

export class FundingLineDto {
  envelopeCents: number | null;
  committedCents: number;
  paidCents: number;
  /** Envelope minus committed; null where there is no envelope. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  remainingCents: number | null;
}

export class AxisFundingDto extends FundingLineDto {
  code: string;
  label: string;
}

export class DepartmentFundingDto {
  code: string;
  name: string;
  committedCents: number;
  paidCents: number;
  /** The department's population in the reference data. */
  population: number;
  /** Committed divided by the population, rounded to the cent. */
  committedPerInhabitantCents: number;
}

export class CallFundingDto {
  callId: string;
  envelopeCents: number;
  committedCents: number;
  paidCents: number;
  remainingCents: number;
  /** Committed but not yet paid. */
  unpaidCents: number;
  @ApiProperty({ type: [AxisFundingDto] })
  byAxis: AxisFundingDto[];
  /** A project in several departments splits its grant by declared shares (equal by default), to the cent. */
  @ApiProperty({ type: [DepartmentFundingDto] })
  byDepartment: DepartmentFundingDto[];
}

/** How many of a call's projects are in one status. */
export class ProjectStatusCountDto {
  @ApiProperty({ enum: PROJECT_STATUSES })
  status: ProjectStatus;
  count: number;
}

export class FundingExportQueryDto {
  @IsUUID()
  callId: string;
}

export class CallTransitionDto {
  @ApiProperty({ enum: CALL_STATUSES })
  @IsIn(CALL_STATUSES)
  to: CallStatus;

  /** Required where the move says so (commentRequiredFor): why a closed call reopens. */
  @IsOptionalText(5000)
  comment?: string;
}
