import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsCents,
  IsDepartmentCode,
  IsDepartmentCodeList,
  IsDay,
  IsIntBetween,
  IsLeverList,
  IsOptionalText,
  IsTargetPublicList,
  IsText,
  IsVersion,
  PageQueryDto,
} from '@app/core';
import { PARTICIPATION_LEVELS, type ParticipationLevel } from '@app/vocabulary';
import { IsSiret } from '../siret';
import { BudgetLineInputDto } from './follow-up.dto';
import { IsLegalCommitmentNumber } from './grant-edit.dto';
import { DecisionContextDto } from './instruction.dto';
import {
  HOLDER_KINDS,
  OPINIONS,
  PAYMENT_KINDS,
  PROJECT_SORTS,
  PROJECT_STATUSES,
  TARGET_PUBLICS,
  type TargetPublic,
} from '../calls.constants';
import type { HolderKind, Opinion, PaymentKind, ProjectSort, ProjectStatus } from '../calls.constants';

export class HolderDto {
  @IsText(300)
  name: string;

  @ApiProperty({ enum: HOLDER_KINDS })
  @IsIn(HOLDER_KINDS)
  kind: HolderKind;

  /** SIRET, when the holder has one: 14 digits with a valid checksum. */
  @IsOptional()
  @IsSiret()
  siret?: string;
}

/** A holder as the API sends it: `siret` is null when the holder has none. */
export class HolderViewDto {
  name: string;
  @ApiProperty({ enum: HOLDER_KINDS })
  kind: string;
  @ApiProperty({ type: String, nullable: true })
  siret: string | null;
}

export class CreateProjectDto {
  @IsUUID()
  callId: string;

  @IsString()
  @MaxLength(20)
  axisCode: string;

  @IsText(300)
  title: string;

  @IsOptionalText(5000)
  summary?: string;

  @ApiProperty({ type: HolderDto })
  @ValidateNested()
  @Type(() => HolderDto)
  holder: HolderDto;

  @IsDepartmentCodeList()
  @ArrayMinSize(1)
  departmentCodes: string[];

  /** Communes of intervention by INSEE code. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { each: true, message: 'each value in communeCodes must be an INSEE code' })
  communeCodes?: string[];

  /** Target publics, from the controlled list shared with roadmap actions. */
  @ApiProperty({ enum: TARGET_PUBLICS, isArray: true })
  @ArrayUnique()
  @IsTargetPublicList()
  targetPublics: string[];

  /** ISS levers: 1 social determinants, 2 life course, 3 proportionate response / "aller vers". */
  @ApiProperty({ type: [Number], enum: [1, 2, 3] })
  @IsLeverList()
  levers: number[];

  @IsCents()
  requestedCents: number;

  /** How far the people concerned take part in the project ("rien sur nous sans nous"); default none. */
  @ApiPropertyOptional({ enum: PARTICIPATION_LEVELS, default: 'none' })
  @IsOptional()
  @IsIn(PARTICIPATION_LEVELS)
  participation?: ParticipationLevel;

  /** The application's budget, line by line. */
  @ApiPropertyOptional({ type: [BudgetLineInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInputDto)
  budgetLines?: BudgetLineInputDto[];
}

/** A department's declared share of a multi-department project, in basis points (10 000 = 100 %). */
export class DepartmentShareDto {
  @IsDepartmentCode()
  departmentCode: string;

  @IsIntBetween(0, 10_000)
  shareBp: number;
}

/**
 * The application's fields, each optional (what is left out stays), at the version read; only while
 * it is a draft or returned for changes. Lists (departments, communes, budget lines) are replaced whole.
 */
export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['callId', 'axisCode'] as const)) {
  /** The version read: a stale one gets 409 and changes nothing. */
  @IsVersion()
  version: number;

  /**
   * Each department of the project exactly once, adding up to 10 000; null for equal shares. Left out,
   * the declared shares stay unless the departments change (then they go back to equal shares).
   */
  @ApiPropertyOptional({ type: [DepartmentShareDto], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DepartmentShareDto)
  departmentShares?: DepartmentShareDto[] | null;
}

export class ProjectQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  callId?: string;

  @IsOptional()
  @Matches(/^[0-9]{2}$/)
  departmentCode?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @IsOptionalText(20)
  axisCode?: string;

  @ApiPropertyOptional({ enum: TARGET_PUBLICS })
  @IsOptional()
  @IsIn(TARGET_PUBLICS)
  targetPublic?: TargetPublic;

  /** Words to find in the title or the holder's name (case-insensitive). */
  @IsOptionalText(100)
  search?: string;

  /** For a referent: the projects of its own departments (the routing of applications to referents). */
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;

  /** Projects carrying this shared label. */
  @IsOptionalText(60)
  label?: string;

  /** `recent` (default): newest first; `score`: best weighted score first, unscored last. */
  @ApiPropertyOptional({ enum: PROJECT_SORTS })
  @IsOptional()
  @IsIn(PROJECT_SORTS)
  sort?: ProjectSort;
}

export class TransitionDto {
  @ApiProperty({ enum: PROJECT_STATUSES })
  @IsIn(PROJECT_STATUSES)
  to: ProjectStatus;

  /** Required to reject (the reason) and to return for changes (what to correct). */
  @IsOptionalText(5000)
  comment?: string;

  /** When given, the move is refused (409) if the project changed since this version. */
  @IsOptional()
  @IsVersion()
  version?: number;
}

export class CreateOpinionDto {
  @IsDepartmentCode()
  departmentCode: string;

  @ApiProperty({ enum: OPINIONS })
  @IsIn(OPINIONS)
  opinion: Opinion;

  @IsString()
  @MaxLength(5000)
  comment: string;
}

export class CreateGrantDto {
  @IsCents(1)
  amountCents: number;

  /** Engagement juridique number in the State's accounting system (ten digits). */
  @IsOptional()
  @IsLegalCommitmentNumber()
  legalCommitmentNumber?: string;

  @IsOptional()
  @IsDay()
  agreementSignedOn?: string;
}

export class ReduceGrantDto {
  /** The new amount: lower than the current one, never below what was paid. */
  @IsCents()
  amountCents: number;

  @IsVersion()
  version: number;

  @IsText(2000)
  reason: string;
}

export class CancelGrantDto {
  @IsVersion()
  version: number;

  @IsText(2000)
  reason: string;
}

export class CreatePaymentDto {
  @IsCents(1)
  amountCents: number;

  @ApiProperty({ enum: PAYMENT_KINDS })
  @IsIn(PAYMENT_KINDS)
  kind: PaymentKind;

  @IsDay()
  paidOn: string;

  /** The planned tranche (of this grant's schedule) the payment settles; none when left out. */
  @IsOptional()
  @IsUUID()
  trancheId?: string;
}

export class OpinionDto {
  id: string;
  projectId: string;
  departmentCode: string;
  @ApiProperty({ enum: OPINIONS })
  opinion: Opinion;
  comment: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  authorId: string | null;
  createdAt: string;
}

export class ProjectTransitionDto {
  @ApiProperty({ enum: PROJECT_STATUSES })
  from: ProjectStatus;
  @ApiProperty({ enum: PROJECT_STATUSES })
  to: ProjectStatus;
  @ApiPropertyOptional({ nullable: true, type: String })
  comment: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  actorId: string | null;
  at: string;
}

export class ProjectDto {
  id: string;
  callId: string;
  axisCode: string;
  title: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  summary: string | null;
  @ApiProperty({ type: HolderViewDto })
  holder: HolderViewDto;
  departmentCodes: string[];
  targetPublics: string[];
  levers: number[];
  requestedCents: number;
  /** How far the people concerned take part in the project. */
  @ApiProperty({ enum: PARTICIPATION_LEVELS })
  participation: ParticipationLevel;
  @ApiProperty({ enum: PROJECT_STATUSES })
  status: ProjectStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The moves of the project's lifecycle this caller may make now (its role's, on a project of its departments). */
  @ApiProperty({ enum: PROJECT_STATUSES, isArray: true })
  allowedTransitions: ProjectStatus[];
  /** Those of `allowedTransitions` that need a comment (400 without): the reason of a rejection, what to correct. */
  @ApiProperty({ enum: PROJECT_STATUSES, isArray: true })
  commentRequiredFor: ProjectStatus[];
  /** The caller may decide now: select or reject the project (the regional delegate, under review). */
  canDecide: boolean;
  /** The caller may give a departmental opinion now: a referent of one of its departments, while opinions are open. */
  canGiveOpinion: boolean;
  /** The departments whose opinion the caller may give now (the choices of `departmentCode`). */
  opinionDepartmentCodes: string[];
  /** The caller may score the project now: a mission officer, while the project is under instruction. */
  canScore: boolean;
  /** The caller reviews the project: reads and writes its private notes and sets its labels. */
  canReview: boolean;
  /** The caller may edit the application now (PATCH /projects/:id): the regional team, draft or returned for changes. */
  canEdit: boolean;
}

export class ProjectDetailDto extends ProjectDto {
  communeCodes: string[];
  @ApiProperty({ type: [BudgetLineInputDto] })
  budgetLines: BudgetLineInputDto[];
  /** The departments' declared shares, in the order of `departmentCodes`; empty when shared equally. */
  @ApiProperty({ type: [DepartmentShareDto] })
  departmentShares: DepartmentShareDto[];
  @ApiProperty({ type: [OpinionDto] })
  opinions: OpinionDto[];
  @ApiProperty({ type: [ProjectTransitionDto] })
  history: ProjectTransitionDto[];
  @ApiPropertyOptional({ nullable: true, type: () => GrantDto })
  grant: GrantDto | null;
  /** The caller may commit money to the project now (POST /projects/:id/grant): the delegate, selected, no grant yet. */
  canGrant: boolean;
  /** What to read before deciding: envelopes now and if the requested amount is granted, weighted score, rank. */
  @ApiProperty({ type: () => DecisionContextDto })
  decisionContext: DecisionContextDto;
}

export class DepartmentOpinionDto {
  departmentCode: string;
  /** The department's latest opinion; null while it is awaited. */
  @ApiPropertyOptional({ nullable: true, enum: OPINIONS })
  opinion: Opinion | null;
}

/** A row of the project list: the project, each of its departments' opinion and its weighted score. */
export class ProjectListItemDto extends ProjectDto {
  /** One entry per department of the project, in the order of `departmentCodes`. */
  @ApiProperty({ type: [DepartmentOpinionDto] })
  opinionsByDepartment: DepartmentOpinionDto[];
  /** Weighted mean out of 5 of the reviewers' scores; null before any score. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  weightedScore: number | null;
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectListItemDto] })
  items: ProjectListItemDto[];
  total: number;
}

export class PaymentDto {
  id: string;
  grantId: string;
  amountCents: number;
  @ApiProperty({ enum: PAYMENT_KINDS })
  kind: PaymentKind;
  paidOn: string;
  /** The planned tranche the payment settles, or null. */
  @ApiPropertyOptional({ nullable: true, type: String })
  trancheId: string | null;
  createdAt: string;
}

export class GrantDto {
  id: string;
  projectId: string;
  callId: string;
  axisCode: string;
  amountCents: number;
  paidCents: number;
  @ApiPropertyOptional({ nullable: true, type: String })
  legalCommitmentNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  agreementSignedOn: string | null;
  /** The agreement's (convention's) number. */
  @ApiPropertyOptional({ nullable: true, type: String })
  conventionNumber: string | null;
  @ApiProperty({ type: [PaymentDto] })
  payments: PaymentDto[];
  status: 'active' | 'cancelled';
  @ApiPropertyOptional({ nullable: true, type: String })
  cancelReason: string | null;
  version: number;
  createdAt: string;
  /** The caller may record a payment now: the regional team, on an active grant with money left to pay. */
  canAddPayment: boolean;
  /** The caller may lower the grant now (the delegate, active, above what was paid). */
  canReduce: boolean;
  /** The caller may cancel the grant now (the delegate, active). */
  canCancel: boolean;
  /** The caller may set the EJ, the convention's number and date (the regional team, active grant). */
  canEditAgreement: boolean;
  /** The caller may change the tranche a payment settles (the regional team). */
  canChangePaymentTranche: boolean;
}
