import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  IsCents,
  IsDepartmentCode,
  IsDepartmentCodeList,
  IsLeverList,
  IsTargetPublicList,
  PageQueryDto,
} from '@app/core';
import { IsSiret } from '../siret';
import { BudgetLineInputDto } from './follow-up.dto';
import {
  HOLDER_KINDS,
  OPINIONS,
  PAYMENT_KINDS,
  PROJECT_STATUSES,
  TARGET_PUBLICS,
  type TargetPublic,
} from '../calls.constants';
import type { HolderKind, Opinion, PaymentKind, ProjectStatus } from '../calls.constants';

export class HolderDto {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: HOLDER_KINDS })
  @IsIn(HOLDER_KINDS)
  kind: HolderKind;

  /** SIRET, when the holder has one: 14 digits with a valid checksum. */
  @IsOptional()
  @IsSiret()
  siret?: string;
}

export class CreateProjectDto {
  @IsUUID()
  callId: string;

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

  /** The application's budget, line by line. */
  @ApiPropertyOptional({ type: [BudgetLineInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInputDto)
  budgetLines?: BudgetLineInputDto[];
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

  @IsOptional()
  @IsString()
  @MaxLength(20)
  axisCode?: string;

  @ApiPropertyOptional({ enum: TARGET_PUBLICS })
  @IsOptional()
  @IsIn(TARGET_PUBLICS)
  targetPublic?: TargetPublic;

  /** Words to find in the title or the holder's name (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  /** For a referent: the projects of its own departments (the routing of applications to referents). */
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;

  /** Projects carrying this shared label. */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  label?: string;
}

export class TransitionDto {
  @ApiProperty({ enum: PROJECT_STATUSES })
  @IsIn(PROJECT_STATUSES)
  to: ProjectStatus;

  /** Required to reject (the reason) and to return for changes (what to correct). */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;

  /** When given, the move is refused (409) if the project changed since this version. */
  @IsOptional()
  @IsInt()
  @Min(1)
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

  /** Engagement juridique number in the State's accounting system. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  legalCommitmentNumber?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  agreementSignedOn?: string;
}

export class ReduceGrantDto {
  /** The new amount: lower than the current one, never below what was paid. */
  @IsCents()
  amountCents: number;

  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class CancelGrantDto {
  @IsInt()
  @Min(1)
  version: number;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class CreatePaymentDto {
  @IsCents(1)
  amountCents: number;

  @ApiProperty({ enum: PAYMENT_KINDS })
  @IsIn(PAYMENT_KINDS)
  kind: PaymentKind;

  @IsISO8601({ strict: true })
  paidOn: string;
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
  @ApiProperty({ type: HolderDto })
  holder: { name: string; kind: string; siret: string | null };
  departmentCodes: string[];
  targetPublics: string[];
  levers: number[];
  requestedCents: number;
  @ApiProperty({ enum: PROJECT_STATUSES })
  status: ProjectStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export class ProjectDetailDto extends ProjectDto {
  communeCodes: string[];
  @ApiProperty({ type: [BudgetLineInputDto] })
  budgetLines: BudgetLineInputDto[];
  /** The moves the lifecycle allows from the current status (whoever may make them). */
  @ApiProperty({ enum: PROJECT_STATUSES, isArray: true })
  allowedTransitions: ProjectStatus[];
  @ApiProperty({ type: [OpinionDto] })
  opinions: OpinionDto[];
  @ApiProperty({ type: [ProjectTransitionDto] })
  history: ProjectTransitionDto[];
  @ApiPropertyOptional({ nullable: true, type: () => GrantDto })
  grant: GrantDto | null;
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectDto] })
  items: ProjectDto[];
  total: number;
}

export class PaymentDto {
  id: string;
  grantId: string;
  amountCents: number;
  @ApiProperty({ enum: PAYMENT_KINDS })
  kind: PaymentKind;
  paidOn: string;
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
  @ApiProperty({ type: [PaymentDto] })
  payments: PaymentDto[];
  status: 'active' | 'cancelled';
  @ApiPropertyOptional({ nullable: true, type: String })
  cancelReason: string | null;
  version: number;
  createdAt: string;
}
