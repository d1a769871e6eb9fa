import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contract's communes are the reference data's communes of Occitanie (foreign key to `commune`),
 * and their name and population are read from there: the request's copies were trusted (a referent
 * could declare 10,000,000 inhabitants) and the coverage went above 100 %. The columns holding them
 * are dropped, so covered population is by construction a sum of distinct reference communes.
 *
 * Existing rows are mapped first, and every row the mapping changes is kept, as it was declared, in
 * `contract_territory_correction` for the auditor (`outcome`):
 * - `remapped_by_name`: the code is not a commune of the region, but exactly one commune of the
 *   contract's department bears the declared name (case-insensitive): the row now names it;
 * - `merged`: remapped that way onto a commune the contract already lists, so the row is dropped;
 * - `unmapped`: neither: the row is removed from the contract (listed by a NOTICE and on the migrate command's output);
 * - `population_corrected`: the commune is known but the declared population was not the reference one.
 * `down` puts the declared rows back as they were.
 */
export class ContractTerritoryReference1764000002000 implements MigrationInterface {
  name = 'ContractTerritoryReference1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contract_territory_correction (
        id bigserial PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES local_health_contract (id),
        declared_insee_code text NOT NULL,
        declared_name text NOT NULL,
        declared_population integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('remapped_by_name', 'merged', 'unmapped', 'population_corrected')),
        insee_code text REFERENCES commune (insee_code),
        corrected_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((outcome = 'unmapped') = (insee_code IS NULL))
      );

      -- Unknown codes whose declared name is exactly one commune of the contract's department.
      CREATE TEMP TABLE territory_by_name AS
        SELECT t.contract_id, t.insee_code AS declared_code, min(cm.insee_code) AS insee_code
        FROM contract_territory t
        JOIN local_health_contract c ON c.id = t.contract_id
        JOIN commune cm ON cm.department_code = c.department_code AND lower(cm.name) = lower(t.name)
        WHERE NOT EXISTS (SELECT 1 FROM commune k WHERE k.insee_code = t.insee_code)
        GROUP BY t.contract_id, t.insee_code
        HAVING count(*) = 1;

      INSERT INTO contract_territory_correction
        (contract_id, declared_insee_code, declared_name, declared_population, outcome, insee_code)
      SELECT t.contract_id, t.insee_code, t.name, t.population,
             CASE
               WHEN b.insee_code IS NULL THEN 'unmapped'
               WHEN EXISTS (SELECT 1 FROM contract_territory o WHERE o.contract_id = t.contract_id
                            AND o.insee_code = b.insee_code)
                 OR EXISTS (SELECT 1 FROM territory_by_name o WHERE o.contract_id = t.contract_id
                            AND o.insee_code = b.insee_code AND o.declared_code < t.insee_code) THEN 'merged'
               ELSE 'remapped_by_name'
             END,
             b.insee_code
      FROM contract_territory t
      LEFT JOIN territory_by_name b ON b.contract_id = t.contract_id AND b.declared_code = t.insee_code
      WHERE NOT EXISTS (SELECT 1 FROM commune k WHERE k.insee_code = t.insee_code);

      INSERT INTO contract_territory_correction
        (contract_id, declared_insee_code, declared_name, declared_population, outcome, insee_code)
      SELECT t.contract_id, t.insee_code, t.name, t.population, 'population_corrected', t.insee_code
      FROM contract_territory t JOIN commune cm ON cm.insee_code = t.insee_code
      WHERE cm.population <> t.population;

      DELETE FROM contract_territory t USING contract_territory_correction x
      WHERE x.contract_id = t.contract_id AND x.declared_insee_code = t.insee_code
        AND x.outcome IN ('unmapped', 'merged');
      UPDATE contract_territory t SET insee_code = x.insee_code FROM contract_territory_correction x
      WHERE x.contract_id = t.contract_id AND x.declared_insee_code = t.insee_code AND x.outcome = 'remapped_by_name';

      DO $$
      DECLARE unmapped text;
      BEGIN
        SELECT string_agg(format('%s %s (%s, %s inhabitants declared)', contract_id, declared_insee_code,
                                 declared_name, declared_population), '; ' ORDER BY contract_id, declared_insee_code)
          INTO unmapped FROM contract_territory_correction WHERE outcome = 'unmapped';
        IF unmapped IS NOT NULL THEN
          RAISE NOTICE 'contract territories that are no commune of Occitanie, removed from their contracts (kept in contract_territory_correction): %', unmapped;
        END IF;
      END $$;

      DROP TABLE territory_by_name;
      ALTER TABLE contract_territory
        DROP COLUMN name,
        DROP COLUMN population,
        ADD CONSTRAINT contract_territory_commune_fk FOREIGN KEY (insee_code) REFERENCES commune (insee_code);
    `);
    await reportCorrections(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contract_territory
        DROP CONSTRAINT contract_territory_commune_fk,
        ADD COLUMN name text,
        ADD COLUMN population integer CHECK (population >= 0);
      UPDATE contract_territory t SET name = cm.name, population = cm.population
      FROM commune cm WHERE cm.insee_code = t.insee_code;
      UPDATE contract_territory t SET population = x.declared_population FROM contract_territory_correction x
      WHERE x.contract_id = t.contract_id AND x.insee_code = t.insee_code AND x.outcome = 'population_corrected';
      UPDATE contract_territory t SET insee_code = x.declared_insee_code, name = x.declared_name,
             population = x.declared_population
      FROM contract_territory_correction x
      WHERE x.contract_id = t.contract_id AND x.insee_code = t.insee_code AND x.outcome = 'remapped_by_name';
      INSERT INTO contract_territory (contract_id, insee_code, name, population)
      SELECT contract_id, declared_insee_code, declared_name, declared_population
      FROM contract_territory_correction WHERE outcome IN ('unmapped', 'merged');
      ALTER TABLE contract_territory ALTER COLUMN name SET NOT NULL, ALTER COLUMN population SET NOT NULL;
      DROP TABLE contract_territory_correction;
    `);
  }
}

/** The NOTICE reaches psql, not the migrate command's output: say there too what was changed. */
async function reportCorrections(q: QueryRunner): Promise<void> {
  const rows: { outcome: string; n: number; rows: string }[] = await q.query(
    `SELECT outcome, count(*)::int AS n,
            string_agg(format('%s %s (%s)', contract_id, declared_insee_code, declared_name), '; '
                       ORDER BY contract_id, declared_insee_code) AS rows
     FROM contract_territory_correction GROUP BY outcome ORDER BY outcome`,
  );
  for (const r of rows) {
    const list = r.outcome === 'population_corrected' ? '' : `: ${r.rows}`;
    console.warn(`contract territories ${r.outcome} (see contract_territory_correction): ${r.n}${list}`);
  }
}
