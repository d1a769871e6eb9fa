import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDepartmentCode, IsOptionalText, PageQueryDto } from '@app/core';

/** A search of the reference communes or EPCIs: by name or code, in a department, a page at a time. */
export class TerritorySearchQueryDto extends PageQueryDto {
  /**
   * Part of the name, whatever its accents, case and punctuation ("beziers" finds Béziers), names
   * starting with it first; or the start of an INSEE code / SIREN. Empty or absent: all, by name.
   */
  @IsOptionalText(100)
  q?: string;

  /** Only the communes of this department; for EPCIs, those with a member commune in it. */
  @ApiPropertyOptional({ example: '34' })
  @IsOptional()
  @IsDepartmentCode()
  departmentCode?: string;
}

/** A commune of Occitanie in the reference data. */
export class CommuneDto {
  @ApiProperty({ example: '34032' })
  inseeCode: string;
  name: string;
  departmentCode: string;
  /** Municipal population (INSEE). */
  @ApiProperty({ type: 'integer' })
  population: number;
}

export class CommunePageDto {
  @ApiProperty({ type: [CommuneDto] })
  items: CommuneDto[];
  @ApiProperty({ type: 'integer' })
  total: number;
}

/** An EPCI with member communes in Occitanie, as the reference data has it. */
export class EpciDto {
  @ApiProperty({ example: '243400769' })
  siren: string;
  name: string;
  /** The departments of its member communes (most EPCIs have one), by code. */
  departmentCodes: string[];
  /** The sum of its member communes' populations (those in Occitanie). */
  @ApiProperty({ type: 'integer' })
  population: number;
  /** How many member communes (in Occitanie) it has: the communes it adds to a contract. */
  @ApiProperty({ type: 'integer' })
  communes: number;
}

export class EpciPageDto {
  @ApiProperty({ type: [EpciDto] })
  items: EpciDto[];
  @ApiProperty({ type: 'integer' })
  total: number;
}
