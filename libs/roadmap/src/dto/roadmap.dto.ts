import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  IsDay,
  IsDepartmentCodeList,
  IsIdList,
  IsLeverList,
  IsNestedList,
  IsOptionalText,
  IsTargetPublicList,
  IsText,
  IsVersion,
  IsYear,
  PageQueryDto,
} from '@app/core';
import { PARTICIPATION_LEVELS, TARGET_PUBLICS, type ParticipationLevel } from '@app/vocabulary';
import { ACTION_STATUSES, ROADMAP_STATUSES } from '../roadmap.constants';
import type { ActionStatus, RoadmapStatus } from '../roadmap.constants';

export class RoadmapAxisInputDto {
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'code must be 1 to 20 letters, digits, - or _' })
  code: string;

  @IsText(300)
  label: string;

  @IsOptionalText(5000)
  description?: string;

  /** An internal work axis of the mission (tools, communication), as opposed to a public axis. */
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class SetAxesDto {
  @ApiProperty({ type: [RoadmapAxisInputDto] })
  @IsNestedList(() => RoadmapAxisInputDto, { min: 1, max: 20 })
  axes: RoadmapAxisInputDto[];
}

export class CreateRoadmapDto extends SetAxesDto {
  @IsYear()
  year: number;
}

export class IndicatorInputDto {
  @IsText(300)
  label: string;

  @IsOptional()
  @IsNumber()
  baseline?: number;

  @IsOptional()
  @IsNumber()
  target?: number;

  /** e.g. "familles", "%". */
  @IsOptionalText(50)
  unit?: string;
}

export class CreateActionDto {
  @IsString()
  @MaxLength(20)
  axisCode: string;

  @IsText(300)
  title: string;

  @IsOptionalText(5000)
  description?: string;

  /** Who leads the action (person or organisation). */
  @IsText(300)
  pilot: string;

  @IsOptionalText(2000)
  partners?: string;

  /** ISS levers: 1 social determinants, 2 life course, 3 proportionate response / "aller vers". */
  @ApiPropertyOptional({ type: [Number], enum: [1, 2, 3] })
  @IsOptional()
  @IsLeverList()
  levers?: number[];

  @IsOptional()
  @IsDay()
  startsOn?: string;

  @IsOptional()
  @IsDay()
  endsOn?: string;

  /** The departments concerned; empty for a region-wide action. */
  @IsDepartmentCodeList()
  departmentCodes: string[];

  /** Target publics, from the same controlled list as projects. */
  @ApiPropertyOptional({ enum: TARGET_PUBLICS, isArray: true })
  @IsOptional()
  @IsTargetPublicList()
  targetPublics?: string[];

  /** How far the people concerned take part in the action ("rien sur nous sans nous"); default none. */
  @ApiPropertyOptional({ enum: PARTICIPATION_LEVELS, default: 'none' })
  @IsOptional()
  @IsIn(PARTICIPATION_LEVELS)
  participation?: ParticipationLevel;

  @ApiPropertyOptional({ type: [IndicatorInputDto] })
  @IsOptional()
  @IsNestedList(() => IndicatorInputDto, { max: 20 })
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
  @IsVersion()
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

  @IsOptionalText(5000)
  comment?: string;

  /** How far the people concerned take part in the action. */
  @ApiPropertyOptional({ enum: PARTICIPATION_LEVELS })
  @IsOptional()
  @IsIn(PARTICIPATION_LEVELS)
  participation?: ParticipationLevel;

  /** New values of the action's indicators; each change is kept in the history like the others. */
  @ApiPropertyOptional({ type: [IndicatorValueDto] })
  @IsOptional()
  @IsNestedList(() => IndicatorValueDto, { max: 20 })
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
  @IsYear()
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
  /** The statuses the caller may move the roadmap to from this one. */
  @ApiProperty({ enum: ROADMAP_STATUSES, isArray: true })
  allowedTransitions: RoadmapStatus[];
  /** Whether the caller may replace the axes (the mission, until the commission validates the roadmap). */
  canSetAxes: boolean;
  /** Whether the caller may add actions to the roadmap (the mission). */
  canAddAction: boolean;
}

/** A decision of the plenary assembly that may validate the roadmap: adopted, about this roadmap. */
export class RoadmapDecisionDto {
  id: string;
  title: string;
  meetingId: string;
  meetingStartsAt: string;
  bodyName: string;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

export class RoadmapDecisionPageDto {
  @ApiProperty({ type: [RoadmapDecisionDto] })
  items: RoadmapDecisionDto[];
  total: number;
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

/** A year that has a roadmap, and where it stands: what `GET /roadmaps` lists to pick from. */
export class RoadmapYearDto {
  year: number;
  @ApiProperty({ enum: ROADMAP_STATUSES })
  status: RoadmapStatus;
}

export class RoadmapYearPageDto {
  @ApiProperty({ type: [RoadmapYearDto] })
  items: RoadmapYearDto[];
  total: number;
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
  /** How far the people concerned take part in the action. */
  @ApiProperty({ enum: PARTICIPATION_LEVELS })
  participation: ParticipationLevel;
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
  /** Whether the caller may set the projects and contracts that carry it (the mission). */
  canSetLinks: boolean;
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
  @IsIdList(100)
  projectIds: string[];

  /** Local health contracts that carry the action. */
  @IsIdList(100)
  contractIds: string[];
}

export class ActionLinksDto {
  actionId: string;
  projectIds: string[];
  contractIds: string[];
}

export class ImportActionsDto {
  /** The CSV exported by GET /api/actions/export.csv, edited (statut, avancement, commentaire). */
  @IsText(5_000_000)
  csv: string;
}

/** The columns the import reads, one of which a line that cannot be read names. */
export const IMPORTED_COLUMNS = ['id', 'version', 'statut', 'avancement'] as const;
export type ImportedColumn = (typeof IMPORTED_COLUMNS)[number];

export class ImportRowResultDto {
  line: number;
  @ApiPropertyOptional({ nullable: true, type: String })
  actionId: string | null;
  ok: boolean;
  @ApiPropertyOptional()
  version?: number;
  @ApiPropertyOptional()
  error?: string;
  /** Why the line was refused, as an error code (`actions.csv`: the line cannot be read); absent when applied. */
  @ApiPropertyOptional()
  code?: string;
  /** For a line that cannot be read, the column at fault. */
  @ApiPropertyOptional({ enum: IMPORTED_COLUMNS })
  column?: ImportedColumn;
}

export class ImportResultDto {
  @ApiProperty({ type: [ImportRowResultDto] })
  results: ImportRowResultDto[];
  applied: number;
  rejected: number;
}

/** A contract's action sheet: an action without a roadmap axis. */
export class CreateActionSheetDto extends OmitType(CreateActionDto, ['axisCode'] as const) {}
