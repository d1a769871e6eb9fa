import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { IsIntBetween, IsText } from '@app/core';
import { INDICATOR_LEVELS, type IndicatorLevel } from '@app/vocabulary';

/** A new indicator of the catalogue (CONTRACT.md, "Equity"); its values are imported afterwards. */
export class CreateTerritorialIndicatorDto {
  /** Lower-case letters, digits and `_`, 2 to 40 characters: the indicator's name in routes and files. */
  @ApiProperty({ pattern: '^[a-z0-9_]{2,40}$' })
  @Matches(/^[a-z0-9_]{2,40}$/, { message: 'code must be 2 to 40 lower-case letters, digits or _' })
  code: string;

  @IsText(200)
  label: string;

  /** "%", "‰", "€", "indice"… */
  @IsText(40)
  unit: string;

  /** Who publishes it and which data set: INSEE (Filosofi), ORS Occitanie… */
  @IsText(500)
  source: string;

  /** The year the values describe. */
  @IsIntBetween(1900, 2100)
  year: number;

  @ApiProperty({ enum: INDICATOR_LEVELS })
  @IsIn(INDICATOR_LEVELS)
  level: IndicatorLevel;

  /** Whether a higher value means more deprivation (a poverty rate) or less (a median income). */
  @IsBoolean()
  higherIsWorse: boolean;

  /**
   * A rate (a share of the population): commune values may then be rolled up to EPCI and department by
   * population-weighted mean. Default false: a count or an index is never rolled up.
   */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  isRate?: boolean;
}

/** One accepted file of values, as the import history keeps it. */
export class IndicatorImportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  importedBy: string | null;
  /** The display name of who imported it (null when the account is gone). */
  @ApiProperty({ nullable: true, type: String })
  importedByName: string | null;
  importedAt: string;
  /** SHA-256 of the file as received (hex). */
  fileSha256: string;
  @ApiProperty({ type: 'integer', minimum: 0 })
  rowCount: number;
}

/** An indicator of the catalogue with how many values it holds. */
export class TerritorialIndicatorDto {
  code: string;
  label: string;
  unit: string;
  source: string;
  @ApiProperty({ type: 'integer' })
  year: number;
  @ApiProperty({ enum: INDICATOR_LEVELS })
  level: IndicatorLevel;
  higherIsWorse: boolean;
  /** Commune values may be rolled up to EPCI and department (population-weighted mean). */
  isRate: boolean;
  /** How many territories have a value. */
  @ApiProperty({ type: 'integer', minimum: 0 })
  valueCount: number;
  /** The latest import, null before the first. */
  @ApiProperty({ type: IndicatorImportDto, nullable: true })
  lastImport: IndicatorImportDto | null;
  /** Whether the caller may import its values. */
  canImport: boolean;
}

export class TerritorialIndicatorPageDto {
  @ApiProperty({ type: [TerritorialIndicatorDto] })
  items: TerritorialIndicatorDto[];
  total: number;
  /** Whether the caller may create indicators. */
  canCreate: boolean;
}

export class IndicatorImportPageDto {
  @ApiProperty({ type: [IndicatorImportDto] })
  items: IndicatorImportDto[];
  total: number;
}

export class IndicatorImportResultDto {
  /** How many values the file held: they replace all the previous ones. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  imported: number;
}

/** A territory's value, with its name from the reference data. */
export class TerritorialIndicatorValueDto {
  /** INSEE department code, EPCI SIREN or INSEE commune code. */
  code: string;
  name: string;
  value: number;
}

export class TerritorialIndicatorValuePageDto {
  @ApiProperty({ type: [TerritorialIndicatorValueDto] })
  items: TerritorialIndicatorValueDto[];
  total: number;
}
