import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DepartmentEntity } from './entities/department.entity';

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
}
