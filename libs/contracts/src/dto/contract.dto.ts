import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  IsCents,
  IsDay,
  IsDepartmentCode,
  IsNestedList,
  IsOptionalText,
  IsText,
  IsTextList,
  IsVersion,
  PageQueryDto,
} from '@app/core';

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
  @IsText(200)
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
  @IsOptionalText(300)
  localAuthority?: string;

  @IsOptional()
  @IsTextList(20, 300)
  signatories?: string[];

  @IsOptionalText(200)
  coordinatorName?: string;

  @IsOptionalText(300)
  coordinatorEmployer?: string;

  /** The ARS's share of the coordinator's post, in cents. */
  @IsOptional()
  @IsCents()
  coordinatorArsFundingCents?: number;

  @IsOptional()
  @IsTextList(20, 300)
  governanceBodies?: string[];

  /** Date of the shared health diagnosis (profil santé). */
  @IsOptional()
  @IsDay()
  sharedDiagnosisOn?: string;
}

export class CreateContractDto extends ContractDetailsInputDto {
  @IsText(300)
  name: string;

  @IsDepartmentCode()
  departmentCode: string;

  @ApiProperty({ enum: CONTRACT_STATUSES })
  @IsIn(CONTRACT_STATUSES)
  status: ContractStatus;

  @IsOptional()
  @IsDay()
  signedOn?: string;

  @IsOptional()
  @IsDay()
  endsOn?: string;

  @ApiProperty({ type: [TerritoryInputDto] })
  @IsNestedList(() => TerritoryInputDto, { max: 2000 })
  territories: TerritoryInputDto[];

  /** EPCIs (SIREN) whose member communes join the territories, from the reference data. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[0-9]{9}$/, { each: true, message: 'each value in epciSirens must be a 9-digit SIREN' })
  epciSirens?: string[];
}

export class UpdateContractDto extends ContractDetailsInputDto {
  @IsVersion()
  version: number;

  /** When sent, the contract's communes become these (with the members of `epciSirens`), as on creation. */
  @ApiPropertyOptional({ type: [TerritoryInputDto] })
  @IsOptional()
  @IsNestedList(() => TerritoryInputDto, { max: 2000 })
  territories?: TerritoryInputDto[];

  /** EPCIs (SIREN) whose member communes join `territories` (which must then be sent too). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[0-9]{9}$/, { each: true, message: 'each value in epciSirens must be a 9-digit SIREN' })
  epciSirens?: string[];

  @IsOptional()
  @IsText(300)
  name?: string;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;

  @IsOptional()
  @IsDay()
  signedOn?: string;

  @IsOptional()
  @IsDay()
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
  /** Whether the caller may change it (the mission, or a referent of its department). */
  canEdit: boolean;
  /** Whether the caller may add action sheets to it (the mission, or a referent of its department). */
  canAddActionSheet: boolean;
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
  /** Number of signed contracts of the department. */
  @ApiProperty({ type: 'integer' })
  signed: number;
  /** Number of contracts of the department in preparation. */
  @ApiProperty({ type: 'integer' })
  inPreparation: number;
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
