import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDepartmentCodeList, IsLeverList, IsTargetPublicList, PageQueryDto } from '@app/core';
import { TARGET_PUBLICS } from '@app/vocabulary';
import { ACTION_STATUSES, ROADMAP_STATUSES } from '../roadmap.constants';
import type { ActionStatus, RoadmapStatus } from '../roadmap.constants';

export class RoadmapAxisInputDto {
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'code must be 1 to 20 letters, digits, - or _' })
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  label: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** An internal work axis of the mission (tools, communication), as opposed to a public axis. */
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class SetAxesDto {
  @ApiProperty({ type: [RoadmapAxisInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RoadmapAxisInputDto)
  axes: RoadmapAxisInputDto[];
}

export class CreateRoadmapDto extends SetAxesDto {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class IndicatorInputDto {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  label: string;

  @IsOptional()
  @IsNumber()
  baseline?: number;

  @IsOptional()
  @IsNumber()
  target?: number;

  /** e.g. "familles", "%". */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string;
}

export class CreateActionDto {
  @IsString()
  @MaxLength(20)
  axisCode: string;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** Who leads the action (person or organisation). */
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  pilot: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  partners?: string;

  /** ISS levers: 1 social determinants, 2 life course, 3 proportionate response / "aller vers". */
  @ApiPropertyOptional({ type: [Number], enum: [1, 2, 3] })
  @IsOptional()
  @IsLeverList()
  levers?: number[];

  @IsOptional()
  @IsISO8601({ strict: true })
  startsOn?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  endsOn?: string;

  /** The departments concerned; empty for a region-wide action. */
  @IsDepartmentCodeList()
  departmentCodes: string[];

  /** Target publics, from the same controlled list as projects. */
  @ApiPropertyOptional({ enum: TARGET_PUBLICS, isArray: true })
  @IsOptional()
  @IsTargetPublicList()
  targetPublics?: string[];

  @ApiPropertyOptional({ type: [IndicatorInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorInputDto)
  indicators?: IndicatorInputDto[];
}

export class IndicatorValueDto {
  @IsUUID()
  id: string;

  @IsNumber()
  value: number;
}

export class UpdateActionDto {
  /** The version read: a stale one gets 409 and changes nothing. */
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent?: number;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;

  /** New values of the action's indicators; each change is kept in the history like the others. */
  @ApiPropertyOptional({ type: [IndicatorValueDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueDto)
  indicators?: IndicatorValueDto[];
}

export class ActionQueryDto extends PageQueryDto {
  /** The action sheets of one local health contract. */
  @IsOptional()
  @IsUUID()
  contractId?: string;

  @IsOptional()
  @Matches(/^[0-9]{2}$/)
  departmentCode?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  /** Overdue actions first, then those without update for 90 days, then the longest without update. */
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  attentionFirst?: boolean;
}

export class RoadmapAxisDto {
  code: string;
  label: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  description: string | null;
  internal: boolean;
}

export class RoadmapDto {
  id: string;
  year: number;
  @ApiProperty({ enum: ROADMAP_STATUSES })
  status: RoadmapStatus;
  /** The commission's decision that validated it. */
  @ApiPropertyOptional({ nullable: true, type: String })
  validatedByDecisionId: string | null;
  @ApiProperty({ type: [RoadmapAxisDto] })
  axes: RoadmapAxisDto[];
  version: number;
}

export class IndicatorDto {
  id: string;
  label: string;
  @ApiPropertyOptional({ nullable: true, type: Number })
  baseline: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  target: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  latestValue: number | null;
  /** When the latest value was posted. */
  @ApiPropertyOptional({ nullable: true, type: String })
  latestOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  unit: string | null;
}

export class ActionDto {
  id: string;
  /** The roadmap's year; null for a contract's action sheet. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  year: number | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  axisCode: string | null;
  /** The local health contract whose action sheet this is; null for a roadmap action. */
  @ApiPropertyOptional({ nullable: true, type: String })
  contractId: string | null;
  title: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  description: string | null;
  pilot: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  partners: string | null;
  levers: number[];
  @ApiPropertyOptional({ nullable: true, type: String })
  startsOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  endsOn: string | null;
  departmentCodes: string[];
  regionWide: boolean;
  targetPublics: string[];
  @ApiProperty({ enum: ACTION_STATUSES })
  status: ActionStatus;
  progressPercent: number;
  @ApiProperty({ type: [IndicatorDto] })
  indicators: IndicatorDto[];
  version: number;
  updatedAt: string;
  /** The latest accepted update, or the creation when there is none. */
  lastUpdatedAt: string;
  /** Unfinished after its end date. */
  overdue: boolean;
  /** Unfinished and without any update for 90 days. */
  stale: boolean;
  /** Whether the caller may update it (the mission, or a referent of one of its departments). */
  canUpdate: boolean;
}

export class ActionPageDto {
  @ApiProperty({ type: [ActionDto] })
  items: ActionDto[];
  total: number;
}

export class ActionUpdateDto {
  id: number;
  at: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  actorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  actorName: string | null;
  /** What changed, field by field: { status: { from, to } }. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  changes: Record<string, { from: unknown; to: unknown }>;
  @ApiPropertyOptional({ nullable: true, type: String })
  comment: string | null;
}

export class ActionUpdatePageDto {
  @ApiProperty({ type: [ActionUpdateDto] })
  items: ActionUpdateDto[];
  total: number;
}

export class RoadmapTransitionDto {
  @ApiProperty({ enum: ROADMAP_STATUSES })
  @IsIn(ROADMAP_STATUSES)
  to: RoadmapStatus;

  /** Required to validate: the commission's decision (governance) that validates the roadmap. */
  @IsOptional()
  @IsUUID()
  decisionId?: string;
}

export class ProgressLineDto {
  /** Axis code or department code. */
  key: string;
  label: string;
  actions: number;
  /** Mean progress of the actions, each counting once (a region-wide action counts for every department). */
  progressPercent: number;
  byStatus: Record<ActionStatus, number>;
}

export class RoadmapProgressDto {
  year: number;
  @ApiProperty({ type: [ProgressLineDto] })
  byAxis: ProgressLineDto[];
  @ApiProperty({ type: [ProgressLineDto] })
  byDepartment: ProgressLineDto[];
}

export class SetActionLinksDto {
  /** Funded projects (calls) that carry the action. */
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  projectIds: string[];

  /** Local health contracts that carry the action. */
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  contractIds: string[];
}

export class ActionLinksDto {
  actionId: string;
  projectIds: string[];
  contractIds: string[];
}

export class ImportActionsDto {
  /** The CSV exported by GET /api/actions/export.csv, edited (statut, avancement, commentaire). */
  @IsString()
  @MinLength(1)
  @MaxLength(5_000_000)
  csv: string;
}

export class ImportRowResultDto {
  line: number;
  @ApiPropertyOptional({ nullable: true, type: String })
  actionId: string | null;
  ok: boolean;
  @ApiPropertyOptional()
  version?: number;
  @ApiPropertyOptional()
  error?: string;
}

export class ImportResultDto {
  @ApiProperty({ type: [ImportRowResultDto] })
  results: ImportRowResultDto[];
  applied: number;
  rejected: number;
}

/** A contract's action sheet: an action without a roadmap axis. */
export class CreateActionSheetDto extends OmitType(CreateActionDto, ['axisCode'] as const) {}
