import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCents, IsDay, IsOptionalText, IsText, PageQueryDto } from '@app/core';
import { GRANT_REPORT_KINDS } from '@app/vocabulary';

export class CoFunderInputDto {
  @IsText(300)
  name: string;

  @IsCents()
  amountCents: number;
}

export class SetCoFundersDto {
  @ApiProperty({ type: [CoFunderInputDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CoFunderInputDto)
  coFunders: CoFunderInputDto[];
}

export class TrancheInputDto {
  /** The tranche this line keeps (its payments stay tied to it); left out for a new tranche. */
  @IsOptional()
  @IsUUID()
  id?: string;

  @IsText(200)
  label: string;

  @IsDay()
  dueOn: string;

  @IsCents(1)
  amountCents: number;

  /** e.g. "à réception du bilan final". */
  @IsOptionalText(500)
  condition?: string;
}

export class SetScheduleDto {
  @ApiProperty({ type: [TrancheInputDto] })
  @IsArray()
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => TrancheInputDto)
  tranches: TrancheInputDto[];
}

export class GrantReportInputDto {
  @ApiProperty({ enum: GRANT_REPORT_KINDS })
  @IsIn(GRANT_REPORT_KINDS)
  kind: 'progress' | 'final';

  @IsDay()
  dueOn: string;

  @IsOptional()
  @IsDay()
  receivedOn?: string;
}

export class SetGrantReportsDto {
  @ApiProperty({ type: [GrantReportInputDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GrantReportInputDto)
  reports: GrantReportInputDto[];
}

export class OverdueQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  callId?: string;
}

export class CoFunderDto {
  name: string;
  amountCents: number;
}

export const TRANCHE_STATES = ['paid', 'overdue', 'upcoming'] as const;

export class TrancheDto {
  id: string;
  label: string;
  dueOn: string;
  amountCents: number;
  @ApiPropertyOptional({ nullable: true, type: String })
  condition: string | null;
  /** Planned up to and including this tranche. */
  cumulativePlannedCents: number;
  /** What the payments naming this tranche add up to (never more than its amount). */
  paidCents: number;
  /** paid: payments cover it (those naming it, then those naming no tranche, in date order); overdue: its date has passed without; upcoming: not due yet. */
  @ApiProperty({ enum: TRANCHE_STATES })
  state: (typeof TRANCHE_STATES)[number];
}

export class GrantReportDto {
  id: string;
  @ApiProperty({ enum: GRANT_REPORT_KINDS })
  kind: 'progress' | 'final';
  dueOn: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  receivedOn: string | null;
  overdue: boolean;
}

export class GrantFollowUpDto {
  grantId: string;
  amountCents: number;
  paidCents: number;
  @ApiProperty({ type: [CoFunderDto] })
  coFunders: CoFunderDto[];
  @ApiProperty({ type: [TrancheDto] })
  schedule: TrancheDto[];
  @ApiProperty({ type: [GrantReportDto] })
  reports: GrantReportDto[];
  /** The caller may change the co-funders, the schedule and the reports owed (the regional team). */
  canEdit: boolean;
}

export class OverdueReportDto {
  reportId: string;
  grantId: string;
  projectId: string;
  projectTitle: string;
  holderName: string;
  @ApiProperty({ enum: GRANT_REPORT_KINDS })
  kind: 'progress' | 'final';
  dueOn: string;
}

export class OverdueReportPageDto {
  @ApiProperty({ type: [OverdueReportDto] })
  items: OverdueReportDto[];
  total: number;
}

export class BudgetLineInputDto {
  @IsText(300)
  label: string;

  @IsCents()
  amountCents: number;
}
