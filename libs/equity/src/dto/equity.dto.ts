import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsYear } from '@app/core';
import { PARTICIPATION_LEVELS, TARGET_PUBLICS, type ParticipationLevel, type TargetPublic } from '@app/vocabulary';
import { TerritorialIndicatorDto } from './indicator.dto';

const INDICATOR_CODE = /^[a-z0-9_]{2,40}$/;
const INDICATOR_MESSAGE = 'indicator must be an indicator code (2 to 40 lower-case letters, digits or _)';

/** Which grants count: those of one call, or those of the calls of one year (exactly one of the two). */
export class EquityScopeQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'callId must be a call id' })
  callId?: string;

  /** The calls whose `year` is this one. */
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsYear()
  year?: number;
}

export class EquityFundingQueryDto extends EquityScopeQueryDto {
  /** The indicator the departments are ranked by (department level, or a commune-level rate). */
  @ApiProperty({ pattern: INDICATOR_CODE.source })
  @Matches(INDICATOR_CODE, { message: INDICATOR_MESSAGE })
  indicator: string;
}

export class EquityContractsQueryDto {
  /** The indicator the territories are ranked by (EPCI or commune level). */
  @ApiProperty({ pattern: INDICATOR_CODE.source })
  @Matches(INDICATOR_CODE, { message: INDICATOR_MESSAGE })
  indicator: string;
}

/** The indicator as the figures use it: the catalogue's entry, without counts or rights. */
export class EquityIndicatorDto extends OmitType(TerritorialIndicatorDto, [
  'valueCount',
  'lastImport',
  'canImport',
] as const) {
  /** Whether the values were rolled up from communes (population-weighted mean) to the figures' level. */
  rolledUp: boolean;
}

export class EquityFundingItemDto {
  /** INSEE department code. */
  code: string;
  name: string;
  /** Reference population. */
  @ApiProperty({ type: 'integer' })
  population: number;
  committedCents: number;
  paidCents: number;
  /** Committed per inhabitant, rounded to the cent. */
  committedPerInhabitantCents: number;
  indicatorValue: number;
  /** Fractional rank R_i, from 0 (least deprived) to 1 (most), to 4 decimals. */
  rank: number;
  /** 5 is the most deprived fifth of the population. */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  quintile: number;
}

export class EquityFundingQuintileDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  quintile: number;
  @ApiProperty({ type: 'integer' })
  population: number;
  committedCents: number;
  /** Null when no territory falls in the quintile (no population). */
  @ApiProperty({ type: 'integer', nullable: true })
  committedPerInhabitantCents: number | null;
}

/** Funding against need (CONTRACT.md, "Equity"): by department, by quintile, and the concentration index. */
export class EquityFundingDto {
  @ApiProperty({ type: EquityIndicatorDto })
  indicator: EquityIndicatorDto;
  @ApiProperty({ type: [EquityFundingItemDto] })
  items: EquityFundingItemDto[];
  @ApiProperty({ type: [EquityFundingQuintileDto] })
  byQuintile: EquityFundingQuintileDto[];
  /**
   * (2 / μ) · Σ w_i · (y_i − μ) · (R_i − ½), to 4 decimals: above 0, funding per inhabitant rises with
   * deprivation; null when nothing is committed.
   */
  @ApiProperty({ type: Number, nullable: true })
  concentrationIndex: number | null;
}

export class EquityCoverageItemDto {
  /** EPCI SIREN or INSEE commune code. */
  code: string;
  name: string;
  @ApiProperty({ type: 'integer' })
  population: number;
  /** Population of its communes covered by a signed contract, each commune once. */
  @ApiProperty({ type: 'integer' })
  coveredPopulation: number;
  indicatorValue: number;
  /** Fractional rank R_i, to 4 decimals. */
  rank: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  quintile: number;
}

export class EquityCoverageQuintileDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  quintile: number;
  @ApiProperty({ type: 'integer' })
  population: number;
  @ApiProperty({ type: 'integer' })
  coveredPopulation: number;
  /** covered / population, between 0 and 1, to 4 decimals (0 for an empty quintile). */
  coverageRate: number;
}

/** Contracts against need: how much of each quintile's population signed contracts cover. */
export class EquityContractsDto {
  @ApiProperty({ type: EquityIndicatorDto })
  indicator: EquityIndicatorDto;
  @ApiProperty({ type: [EquityCoverageItemDto] })
  items: EquityCoverageItemDto[];
  @ApiProperty({ type: [EquityCoverageQuintileDto] })
  byQuintile: EquityCoverageQuintileDto[];
}

export class EquityPublicDto {
  @ApiProperty({ enum: TARGET_PUBLICS })
  targetPublic: TargetPublic;
  /** Funded projects naming this public. */
  @ApiProperty({ type: 'integer' })
  projects: number;
  /** Their whole grants (a project naming several publics counts in each). */
  committedCents: number;
}

export class EquityParticipationDto {
  @ApiProperty({ enum: PARTICIPATION_LEVELS })
  level: ParticipationLevel;
  @ApiProperty({ type: 'integer' })
  projects: number;
  committedCents: number;
}

/** Reach and participation of the funded projects (each target public, each participation level). */
export class EquityPublicsDto {
  @ApiProperty({ type: [EquityPublicDto] })
  items: EquityPublicDto[];
  @ApiProperty({ type: [EquityParticipationDto] })
  participation: EquityParticipationDto[];
}
