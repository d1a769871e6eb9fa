import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rowSetsVersion } from '@app/core';
import { DataSource, In } from 'typeorm';
import { DepartmentEntity } from './entities/department.entity';

/** A search of the reference data: `q` folded by SQL's `search_text`, `code` the start of a code or null. */
export interface TerritorySearch {
  q: string;
  code: string | null;
  departmentCode: string | null;
  limit: number;
  offset: number;
}

/**
 * The search's match, over `alias`'s `search_name` and `codeColumn` ($1 the query, $2 the code
 * prefix): a name containing the folded query (an empty query matches all), or a code starting with
 * it. `prefixFirst` orders the names starting with the query before the others.
 */
const matches = (alias: string, codeColumn: string) =>
  `(${alias}.search_name LIKE '%' || search_text($1::text) || '%' OR ${alias}.${codeColumn} LIKE $2::text || '%')`;
const prefixFirst = (alias: string, codeColumn: string) =>
  `COALESCE(${alias}.search_name LIKE search_text($1::text) || '%' OR ${alias}.${codeColumn} LIKE $2::text || '%', false) DESC, ${alias}.search_name, ${alias}.${codeColumn}`;

export interface ReferenceCommune {
  inseeCode: string;
  name: string;
  population: number;
  departmentCode: string;
}

export type TerritoryLevel = 'department' | 'epci' | 'commune';

export interface LevelTerritory {
  code: string;
  name: string;
  population: number;
  /** A commune's department and EPCI; null at the other levels. */
  departmentCode: string | null;
  epciSiren: string | null;
}

const TERRITORIES_OF: Record<TerritoryLevel, string> = {
  department: `SELECT code, name, population, NULL AS "departmentCode", NULL AS "epciSiren" FROM department ORDER BY code`,
  epci: `SELECT e.siren AS code, e.name, COALESCE(sum(c.population), 0)::int AS population,
                NULL AS "departmentCode", NULL AS "epciSiren"
         FROM epci e LEFT JOIN epci_member m ON m.epci_siren = e.siren LEFT JOIN commune c ON c.insee_code = m.insee_code
         GROUP BY e.siren, e.name ORDER BY e.siren`,
  commune: `SELECT c.insee_code AS code, c.name, c.population, c.department_code AS "departmentCode",
                   (SELECT min(m.epci_siren) FROM epci_member m WHERE m.insee_code = c.insee_code) AS "epciSiren"
            FROM commune c ORDER BY c.insee_code`,
};

@Injectable()
export class TerritoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Changes whenever a department's code, name or population does (what `departments()` returns). */
  departmentsVersion(): Promise<string> {
    return rowSetsVersion(this.dataSource, ['department t']);
  }

  /**
   * Changes whenever `territoriesOf` would return other rows, at any of the levels: the digest of the
   * tables it reads, which is cheaper than that of its rows (their EPCI is a subquery per commune).
   */
  territoriesVersion(): Promise<string> {
    return rowSetsVersion(this.dataSource, ['department t', 'epci t', 'epci_member t', 'commune t']);
  }

  departments(): Promise<DepartmentEntity[]> {
    return this.dataSource.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } });
  }

  async existingDepartmentCodes(codes: readonly string[]): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(DepartmentEntity)
      .find({ select: { code: true }, where: { code: In([...codes]) } });
    return rows.map((r) => r.code);
  }

  async existingCommuneCodes(codes: readonly string[]): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      'SELECT insee_code AS code FROM commune WHERE insee_code = ANY ($1::text[])',
      [codes],
    );
    return rows.map((r) => r.code);
  }

  /** The sum of the region's communes: the same rows any covered population is summed from. */
  async regionPopulation(): Promise<number> {
    const rows: { population: string }[] = await this.dataSource.query(
      'SELECT COALESCE(sum(population), 0)::bigint AS population FROM commune',
    );
    return Number(rows[0].population);
  }

  /** The reference communes among these INSEE codes (unknown codes are simply absent). */
  communes(codes: readonly string[]): Promise<ReferenceCommune[]> {
    return this.dataSource.query(
      `SELECT insee_code AS "inseeCode", name, population, department_code AS "departmentCode"
       FROM commune WHERE insee_code = ANY ($1::text[]) ORDER BY insee_code`,
      [codes],
    );
  }

  /**
   * The territories of a level with their name and reference population (an EPCI's is the sum of its
   * communes'), and for a commune its department and EPCI (null when it has none); by code.
   */
  territoriesOf(level: TerritoryLevel): Promise<LevelTerritory[]> {
    return this.dataSource.query(TERRITORIES_OF[level]);
  }

  /** EPCIs of the region with their member communes (the reference data, for contracts' territories). */
  epcis(): Promise<
    {
      siren: string;
      name: string;
      communes: { inseeCode: string; name: string; population: number; departmentCode: string }[];
    }[]
  > {
    return this.dataSource.query(
      `SELECT e.siren, e.name,
              json_agg(json_build_object('inseeCode', c.insee_code, 'name', c.name, 'population', c.population,
                                         'departmentCode', c.department_code) ORDER BY c.insee_code) AS communes
       FROM epci e JOIN epci_member m ON m.epci_siren = e.siren JOIN commune c ON c.insee_code = m.insee_code
       GROUP BY e.siren, e.name ORDER BY e.siren`,
    );
  }

  /** A page of the communes matching the search, those whose name starts with it first, then by name. */
  async searchCommunes(search: TerritorySearch): Promise<[ReferenceCommune[], number]> {
    const where = `WHERE ${matches('c', 'insee_code')} AND ($3::text IS NULL OR c.department_code = $3)`;
    const params = [search.q, search.code, search.departmentCode];
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT c.insee_code AS "inseeCode", c.name, c.population, c.department_code AS "departmentCode"
         FROM commune c ${where} ORDER BY ${prefixFirst('c', 'insee_code')} LIMIT $4 OFFSET $5`,
        [...params, search.limit, search.offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM commune c ${where}`, params),
    ]);
    return [rows, count[0].n];
  }

  /**
   * A page of the EPCIs matching the search (in a department: with a member commune there), with
   * their member communes' departments, population and count.
   */
  async searchEpcis(
    search: TerritorySearch,
  ): Promise<
    [{ siren: string; name: string; departmentCodes: string[]; population: number; communes: number }[], number]
  > {
    const where = `WHERE ${matches('e', 'siren')} AND ($3::text IS NULL OR EXISTS (
      SELECT 1 FROM epci_member m JOIN commune c ON c.insee_code = m.insee_code
      WHERE m.epci_siren = e.siren AND c.department_code = $3))`;
    const params = [search.q, search.code, search.departmentCode];
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT e.siren, e.name, members."departmentCodes", members.population, members.communes
         FROM epci e CROSS JOIN LATERAL (
           SELECT array_agg(DISTINCT c.department_code ORDER BY c.department_code) AS "departmentCodes",
                  sum(c.population)::int AS population, count(*)::int AS communes
           FROM epci_member m JOIN commune c ON c.insee_code = m.insee_code WHERE m.epci_siren = e.siren) members
         ${where} ORDER BY ${prefixFirst('e', 'siren')} LIMIT $4 OFFSET $5`,
        [...params, search.limit, search.offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM epci e ${where}`, params),
    ]);
    return [rows, count[0].n];
  }
}
