import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource } from 'typeorm';
import type { ContractStatus } from './dto/contract.dto';

export interface ContractRow {
  id: string;
  name: string;
  departmentCode: string;
  status: ContractStatus;
  signedOn: string | null;
  endsOn: string | null;
  renewalDue: boolean;
  version: number;
}

@Injectable()
export class ContractsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    contract: Omit<ContractRow, 'id' | 'version' | 'renewalDue'>,
    territories: { inseeCode: string; name: string; population: number }[],
  ): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO local_health_contract (name, department_code, status, signed_on, ends_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [contract.name, contract.departmentCode, contract.status, contract.signedOn, contract.endsOn],
    );
    if (territories.length > 0) {
      await tx.query(
        `INSERT INTO contract_territory (contract_id, insee_code, name, population)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])`,
        [id, territories.map((t) => t.inseeCode), territories.map((t) => t.name), territories.map((t) => t.population)],
      );
    }
    return id;
  }

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<ContractRow | null> {
    const rows: ContractRow[] = await tx.query(
      `SELECT id, name, department_code AS "departmentCode", status, to_char(signed_on, 'YYYY-MM-DD') AS "signedOn",
              (status IN ('signed', 'renewal') AND ends_on < (now() + interval '6 months')::date) AS "renewalDue",
              to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", version FROM local_health_contract WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  territories(
    id: string,
    tx: Tx = this.dataSource.manager,
  ): Promise<{ inseeCode: string; name: string; population: number }[]> {
    return tx.query(
      'SELECT insee_code AS "inseeCode", name, population FROM contract_territory WHERE contract_id = $1 ORDER BY insee_code',
      [id],
    );
  }

  /** Covered population per department for contracts in the given statuses, each commune once, in its own department. */
  async coveredByDepartment(statuses: readonly ContractStatus[]): Promise<Map<string, number>> {
    const rows: { code: string; covered: string }[] = await this.dataSource.query(
      `SELECT dep AS code, sum(population)::bigint AS covered FROM (
         SELECT max(t.population) AS population, COALESCE(cm.department_code, min(c.department_code)) AS dep
         FROM contract_territory t
         JOIN local_health_contract c ON c.id = t.contract_id AND c.status = ANY ($1::text[])
         LEFT JOIN commune cm ON cm.insee_code = t.insee_code
         GROUP BY t.insee_code, cm.department_code) x
       GROUP BY dep`,
      [statuses],
    );
    return new Map(rows.map((r) => [r.code, Number(r.covered)]));
  }

  /** Covered population of signed contracts, each commune once (its largest declared population). */
  async coverage(): Promise<{ covered: number; signed: number; inPreparation: number }> {
    const rows = await this.dataSource.query(
      `SELECT
         (SELECT COALESCE(sum(population), 0)::bigint FROM (
            SELECT max(t.population) AS population FROM contract_territory t
            JOIN local_health_contract c ON c.id = t.contract_id AND c.status = 'signed' GROUP BY t.insee_code) x) AS covered,
         (SELECT count(*) FROM local_health_contract WHERE status = 'signed')::int AS signed,
         (SELECT count(*) FROM local_health_contract WHERE status = 'in_preparation')::int AS "inPreparation"`,
    );
    return { covered: Number(rows[0].covered), signed: rows[0].signed, inPreparation: rows[0].inPreparation };
  }
}
