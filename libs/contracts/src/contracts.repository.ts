import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changedAny, rowSetsVersion, Tx } from '@app/core';
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
  localAuthority: string | null;
  signatories: string[];
  coordinatorName: string | null;
  coordinatorEmployer: string | null;
  coordinatorArsFundingCents: number | null;
  governanceBodies: string[];
  sharedDiagnosisOn: string | null;
  version: number;
}

/** The communes covered by the contracts in the statuses bound to $1, each once. */
const COVERED_COMMUNES_SQL = `SELECT DISTINCT t.insee_code AS code FROM contract_territory t
  JOIN local_health_contract c ON c.id = t.contract_id AND c.status = ANY ($1::text[]) ORDER BY 1`;

/** The columns a contract's details and its editable fields map to. */
const FIELDS = {
  name: 'name',
  status: 'status',
  signedOn: 'signed_on',
  endsOn: 'ends_on',
  localAuthority: 'local_authority',
  signatories: 'signatories',
  coordinatorName: 'coordinator_name',
  coordinatorEmployer: 'coordinator_employer',
  coordinatorArsFundingCents: 'coordinator_ars_funding_cents',
  governanceBodies: 'governance_bodies',
  sharedDiagnosisOn: 'shared_diagnosis_on',
} as const;
export type ContractField = keyof typeof FIELDS;

const CONTRACT_COLUMNS = `c.id, c.name, c.department_code AS "departmentCode", c.status, to_char(c.signed_on, 'YYYY-MM-DD') AS "signedOn",
  COALESCE(c.status IN ('signed', 'renewal') AND c.ends_on < (now() + interval '6 months')::date, false) AS "renewalDue",
  to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn", c.local_authority AS "localAuthority", c.signatories,
  c.coordinator_name AS "coordinatorName", c.coordinator_employer AS "coordinatorEmployer",
  c.coordinator_ars_funding_cents::float8 AS "coordinatorArsFundingCents", c.governance_bodies AS "governanceBodies",
  to_char(c.shared_diagnosis_on, 'YYYY-MM-DD') AS "sharedDiagnosisOn", c.version`;

@Injectable()
export class ContractsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    contract: Pick<ContractRow, 'name' | 'departmentCode' | 'status' | 'signedOn' | 'endsOn'> &
      Partial<Record<ContractField, unknown>>,
    inseeCodes: readonly string[],
  ): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO local_health_contract (name, department_code, status) VALUES ($1, $2, $3) RETURNING id`,
      [contract.name, contract.departmentCode, contract.status],
    );
    await this.setFields(tx, id, contract);
    if (inseeCodes.length > 0) {
      await tx.query(`INSERT INTO contract_territory (contract_id, insee_code) SELECT $1, unnest($2::text[])`, [
        id,
        inseeCodes,
      ]);
    }
    return id;
  }

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<ContractRow | null> {
    const rows: ContractRow[] = await tx.query(
      `SELECT ${CONTRACT_COLUMNS} FROM local_health_contract c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A page of contracts, by department and status, with their communes counted; by department then name. */
  async list(filter: {
    departmentCode?: string;
    status?: ContractStatus;
    limit: number;
    offset: number;
  }): Promise<[(ContractRow & { communes: number; population: number })[], number]> {
    const where = 'WHERE ($1::text IS NULL OR c.department_code = $1) AND ($2::text IS NULL OR c.status = $2)';
    const params = [filter.departmentCode ?? null, filter.status ?? null];
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT ${CONTRACT_COLUMNS},
                (SELECT count(*)::int FROM contract_territory t WHERE t.contract_id = c.id) AS communes,
                (SELECT COALESCE(sum(cm.population), 0)::int FROM contract_territory t
                 JOIN commune cm ON cm.insee_code = t.insee_code WHERE t.contract_id = c.id) AS population
         FROM local_health_contract c ${where} ORDER BY c.department_code, c.name, c.id LIMIT $3 OFFSET $4`,
        [...params, filter.limit, filter.offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM local_health_contract c ${where}`, params),
    ]);
    return [rows, count[0].n];
  }

  /** Sets the given fields (names from FIELDS only: no caller-supplied SQL). */
  private async setFields(tx: Tx, id: string, fields: Partial<Record<ContractField, unknown>>): Promise<void> {
    const entries = (Object.keys(FIELDS) as ContractField[]).filter((k) => fields[k] !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map((k, i) => `${FIELDS[k]} = $${i + 2}`).join(', ');
    await tx.query(`UPDATE local_health_contract SET ${sets} WHERE id = $1`, [id, ...entries.map((k) => fields[k])]);
  }

  /** Conditional on the version read: false (nothing written) when it is stale. */
  async update(tx: Tx, id: string, version: number, fields: Partial<Record<ContractField, unknown>>): Promise<boolean> {
    const result = await tx.query(
      'UPDATE local_health_contract SET version = version + 1 WHERE id = $1 AND version = $2',
      [id, version],
    );
    if (!changedAny(result)) return false;
    await this.setFields(tx, id, fields);
    return true;
  }

  /** The contract's communes become these (its version is checked by the update it goes with). */
  async replaceTerritories(tx: Tx, id: string, inseeCodes: readonly string[]): Promise<void> {
    await tx.query(`DELETE FROM contract_territory WHERE contract_id = $1`, [id]);
    await tx.query(`INSERT INTO contract_territory (contract_id, insee_code) SELECT $1, unnest($2::text[])`, [
      id,
      inseeCodes,
    ]);
  }

  /** How many contracts each department has in each status (absent: none). */
  async countsByDepartment(): Promise<Map<string, Partial<Record<ContractStatus, number>>>> {
    const rows: { code: string; status: ContractStatus; n: number }[] = await this.dataSource.query(
      `SELECT department_code AS code, status, count(*)::int AS n FROM local_health_contract
       GROUP BY department_code, status`,
    );
    const counts = new Map<string, Partial<Record<ContractStatus, number>>>();
    for (const r of rows) counts.set(r.code, { ...counts.get(r.code), [r.status]: r.n });
    return counts;
  }

  /** The contract's communes with the reference data's name and population. */
  territories(
    id: string,
    tx: Tx = this.dataSource.manager,
  ): Promise<{ inseeCode: string; name: string; population: number }[]> {
    return tx.query(
      `SELECT t.insee_code AS "inseeCode", cm.name, cm.population FROM contract_territory t
       JOIN commune cm ON cm.insee_code = t.insee_code WHERE t.contract_id = $1 ORDER BY t.insee_code`,
      [id],
    );
  }

  /** Covered population per department for contracts in the given statuses, each reference commune once, in its own department. */
  async coveredByDepartment(statuses: readonly ContractStatus[]): Promise<Map<string, number>> {
    const rows: { code: string; covered: string }[] = await this.dataSource.query(
      `SELECT cm.department_code AS code, sum(cm.population)::bigint AS covered FROM commune cm
       WHERE cm.insee_code IN (SELECT t.insee_code FROM contract_territory t
         JOIN local_health_contract c ON c.id = t.contract_id AND c.status = ANY ($1::text[]))
       GROUP BY cm.department_code`,
      [statuses],
    );
    return new Map(rows.map((r) => [r.code, Number(r.covered)]));
  }

  /** The INSEE codes of the communes contracts in these statuses cover, each once. */
  async coveredCommunes(statuses: readonly ContractStatus[]): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(COVERED_COMMUNES_SQL, [statuses]);
    return rows.map((r) => r.code);
  }

  /** Changes whenever `coveredCommunes(statuses)` would return other codes: that query's digest, in SQL. */
  coveredCommunesVersion(statuses: readonly ContractStatus[]): Promise<string> {
    return rowSetsVersion(this.dataSource, [`(${COVERED_COMMUNES_SQL}) t`], [statuses]);
  }

  /** Covered population of signed contracts: the reference population of each commune covered, once. */
  async coverage(): Promise<{ covered: number; signed: number; inPreparation: number }> {
    const rows = await this.dataSource.query(
      `SELECT
         (SELECT COALESCE(sum(cm.population), 0)::bigint FROM commune cm WHERE cm.insee_code IN (
            SELECT t.insee_code FROM contract_territory t
            JOIN local_health_contract c ON c.id = t.contract_id AND c.status = 'signed')) AS covered,
         (SELECT count(*) FROM local_health_contract WHERE status = 'signed')::int AS signed,
         (SELECT count(*) FROM local_health_contract WHERE status = 'in_preparation')::int AS "inPreparation"`,
    );
    return { covered: Number(rows[0].covered), signed: rows[0].signed, inPreparation: rows[0].inPreparation };
  }
}
