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
