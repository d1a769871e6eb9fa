import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCents, IsDepartmentCode, PageQueryDto } from '@app/core';

import { CONTRACT_STATUSES, type ContractStatus } from '@app/vocabulary';

export { CONTRACT_STATUSES, type ContractStatus };

/**
 * A commune of the contract. Only `inseeCode` counts: it must be a commune of Occitanie in the
 * reference data, whose name and population are the ones stored and answered; `name` and
 * `population` stay accepted (CONTRACT.md) but are ignored.
 */
export class TerritoryInputDto {
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: 'inseeCode must be an INSEE commune code such as "31555"' })
  inseeCode: string;

  /** Ignored on input: the reference data's name is the one stored and answered. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** Ignored on input: the reference data's population is the one stored and answered. */
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  population: number;
}

/** Who signs, who coordinates, how the contract is governed. */
export class ContractDetailsInputDto {
  /** The local authority that signs (commune, EPCI, PETR…). */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  localAuthority?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  signatories?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  coordinatorName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  coordinatorEmployer?: string;

  /** The ARS's share of the coordinator's post, in cents. */
  @IsOptional()
  @IsCents()
  coordinatorArsFundingCents?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  governanceBodies?: string[];

  /** Date of the shared health diagnosis (profil santé). */
  @IsOptional()
  @IsISO8601({ strict: true })
  sharedDiagnosisOn?: string;
}

export class CreateContractDto extends ContractDetailsInputDto {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @IsDepartmentCode()
  departmentCode: string;

  @ApiProperty({ enum: CONTRACT_STATUSES })
  @IsIn(CONTRACT_STATUSES)
  status: ContractStatus;

  @IsOptional()
  @IsISO8601({ strict: true })
  signedOn?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  endsOn?: string;

  @ApiProperty({ type: [TerritoryInputDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => TerritoryInputDto)
  territories: TerritoryInputDto[];

  /** EPCIs (SIREN) whose member communes join the territories, from the reference data. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[0-9]{9}$/, { each: true, message: 'each value in epciSirens must be a 9-digit SIREN' })
  epciSirens?: string[];
}

export class UpdateContractDto extends ContractDetailsInputDto {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;

  @IsOptional()
  @IsISO8601({ strict: true })
  signedOn?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  endsOn?: string;
}

export class ContractDto {
  id: string;
  name: string;
  departmentCode: string;
  @ApiProperty({ enum: CONTRACT_STATUSES })
  status: ContractStatus;
  @ApiPropertyOptional({ nullable: true, type: String })
  signedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  endsOn: string | null;
  @ApiProperty({ type: [TerritoryInputDto] })
  territories: TerritoryInputDto[];
  /** Signed (or in renewal) and ending within 6 months: time to prepare the renewal. */
  renewalDue: boolean;
  @ApiPropertyOptional({ nullable: true, type: String })
  localAuthority: string | null;
  signatories: string[];
  @ApiPropertyOptional({ nullable: true, type: String })
  coordinatorName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  coordinatorEmployer: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  coordinatorArsFundingCents: number | null;
  governanceBodies: string[];
  @ApiPropertyOptional({ nullable: true, type: String })
  sharedDiagnosisOn: string | null;
  version: number;
}

export class ContractQueryDto extends PageQueryDto {
  @IsOptional()
  @IsDepartmentCode()
  departmentCode?: string;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;
}

/** A contract in a list: its territories counted, not listed. */
export class ContractSummaryDto extends OmitType(ContractDto, ['territories'] as const) {
  communes: number;
  /** The population of its communes, from the reference data. */
  population: number;
}

export class ContractPageDto {
  @ApiProperty({ type: [ContractSummaryDto] })
  items: ContractSummaryDto[];
  total: number;
}

export class CoverageFigureDto {
  coveredPopulation: number;
  coverageRate: number;
}

export class DepartmentCoverageDto {
  code: string;
  name: string;
  population: number;
  /** Signed contracts only. */
  coveredPopulation: number;
  coverageRate: number;
}

export class CoverageDto {
  regionPopulation: number;
  /** Population of the communes covered by signed contracts, each commune counted once. */
  coveredPopulation: number;
  /** covered / region, between 0 and 1. */
  coverageRate: number;
  /** Number of signed contracts. */
  signed: number;
  /** Number of contracts in preparation. */
  inPreparation: number;
  /** The same coverage counting the contracts in preparation too. */
  @ApiProperty({ type: CoverageFigureDto })
  includingInPreparation: CoverageFigureDto;
  @ApiProperty({ type: [DepartmentCoverageDto] })
  byDepartment: DepartmentCoverageDto[];
}
