import { Injectable } from '@nestjs/common';
import { DomainError, Page } from '@app/core';
import {
  LevelTerritory,
  ReferenceCommune,
  TerritoryLevel,
  TerritoryRepository,
  TerritorySearch,
} from './territory.repository';
import { CommuneDto, EpciDto, TerritorySearchQueryDto } from './dto/territory-search.dto';
import { TerritoryErrorCode } from './territory.errors';

export type { LevelTerritory, ReferenceCommune, TerritoryLevel };

export interface Department {
  code: string;
  name: string;
  population: number;
}

/** Reference data of the region: read-only, loaded by migration from official data. */
@Injectable()
export class TerritoryService {
  constructor(private readonly territory: TerritoryRepository) {}

  /** A data version of `departments()`: what a report built from them fingerprints its request with. */
  departmentsVersion(): Promise<string> {
    return this.territory.departmentsVersion();
  }

  async departments(): Promise<Department[]> {
    const rows = await this.territory.departments();
    return rows.map(({ code, name, population }) => ({ code, name, population }));
  }

  /** 400 naming the field and the unknown codes, before anything is written. */
  async assertDepartmentsExist(field: string, codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    const known = new Set(await this.territory.existingDepartmentCodes(codes));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw DomainError.invalid(
        TerritoryErrorCode.TerritoryUnknownDepartment,
        `${field}: unknown department ${unknown.join(', ')}`,
      );
    }
  }

  /** 400 naming the field and the INSEE codes that are not communes of the region. */
  async assertCommunesExist(field: string, codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    const known = new Set(await this.territory.existingCommuneCodes(codes));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw DomainError.invalid(
        TerritoryErrorCode.TerritoryUnknownCommune,
        `${field}: unknown commune ${unknown.join(', ')}`,
      );
    }
  }

  /**
   * The reference communes of these INSEE codes, in the order given; 400 naming the field and every
   * code that is not a commune of the region.
   */
  async referenceCommunes(field: string, codes: readonly string[]): Promise<ReferenceCommune[]> {
    const byCode = new Map((await this.territory.communes(codes)).map((c) => [c.inseeCode, c]));
    const unknown = codes.filter((c) => !byCode.has(c));
    if (unknown.length > 0) {
      throw DomainError.invalid(
        TerritoryErrorCode.TerritoryUnknownCommune,
        `${field}: ${unknown.join(', ')} is not a commune of Occitanie in the reference data`,
      );
    }
    return codes.map((c) => byCode.get(c)!);
  }

  /** Population of the region: the sum of its communes, as loaded from the reference data. */
  regionPopulation(): Promise<number> {
    return this.territory.regionPopulation();
  }

  /** Every territory of a level (department, EPCI, commune) with its name and reference population. */
  /** A data version of `territoriesOf`, every level at once. */
  territoriesVersion(): Promise<string> {
    return this.territory.territoriesVersion();
  }

  territoriesOf(level: TerritoryLevel): Promise<LevelTerritory[]> {
    return this.territory.territoriesOf(level);
  }

  /** The region's EPCIs and their communes, from the reference data. */
  epcis() {
    return this.territory.epcis();
  }

  /** Communes of the region by name (accents and case aside) or INSEE code: who may search is the caller's rule. */
  async searchCommunes(query: TerritorySearchQueryDto): Promise<Page<CommuneDto>> {
    const [items, total] = await this.territory.searchCommunes(search(query));
    return { items, total };
  }

  /** EPCIs of the region by name (accents and case aside) or SIREN: who may search is the caller's rule. */
  async searchEpcis(query: TerritorySearchQueryDto): Promise<Page<EpciDto>> {
    const [items, total] = await this.territory.searchEpcis(search(query));
    return { items, total };
  }
}

/** A query made of digits (and the A/B of Corsica) is also the start of a code; the name match takes the rest. */
function search(query: TerritorySearchQueryDto): TerritorySearch {
  const q = (query.q ?? '').trim();
  return {
    q,
    code: /^[0-9][0-9AB]?[0-9]*$/i.test(q) ? q.toUpperCase() : null,
    departmentCode: query.departmentCode ?? null,
    limit: query.limit,
    offset: query.offset,
  };
}
