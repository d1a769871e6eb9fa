import { api, DEMO, login } from './support/http';
import { runToEnd } from './support/processes';
import { Stack } from './support/stack';

/**
 * Reverting (and migrating again) starts the CLI and runs every migration newer than this one: under
 * a loaded CI machine that is tens of seconds, beyond the suites' default minute.
 */
const MIGRATING_MS = 180_000;

/**
 * Migration 1764000002000 on rows written before it (contract territories with their own name and
 * population): reverted, given the rows a referent could write then, and run again.
 */
describe('contract territories mapped to the reference communes by migration', () => {
  let stack: Stack;
  let contractId: string;
  /** A commune of the contract's department that the contract does not list, with a unique name there. */
  let byName: { insee_code: string; name: string; population: number };
  /** A commune the contract already lists. */
  let listed: { insee_code: string; name: string; population: number };

  const territoriesOf = async () =>
    (
      await stack.ownerDb.query('SELECT insee_code FROM contract_territory WHERE contract_id = $1 ORDER BY 1', [
        contractId,
      ])
    ).rows.map((r) => r.insee_code as string);

  /**
   * Reverts the migrations from the newest down to and including this one (later ones depend on the
   * schema as it was), in one CLI run. Direct SQL goes through the owner: reverting the runtime role's
   * grants takes the runtime connection's rights away until the migrations run again.
   */
  const revertThroughTerritoryMigration = () =>
    runToEnd('cli', stack.env, ['migrate:revert', '--to', 'ContractTerritoryReference1764000002000']);

  beforeAll(async () => {
    stack = await Stack.start('territory_migration', { worker: false });
    await revertThroughTerritoryMigration();
    const { rows } = await stack.ownerDb.query(
      `SELECT c.id FROM local_health_contract c WHERE c.department_code = '31' AND c.status = 'signed'
       AND EXISTS (SELECT 1 FROM contract_territory t WHERE t.contract_id = c.id) ORDER BY c.name LIMIT 1`,
    );
    contractId = rows[0].id;
    [byName] = (
      await stack.ownerDb.query(
        `SELECT insee_code, name, population FROM commune cm WHERE department_code = '31'
         AND insee_code NOT IN (SELECT insee_code FROM contract_territory WHERE contract_id = $1)
         AND (SELECT count(*) FROM commune o WHERE o.department_code = '31' AND lower(o.name) = lower(cm.name)) = 1
         ORDER BY population DESC LIMIT 1`,
        [contractId],
      )
    ).rows;
    [listed] = (
      await stack.ownerDb.query(
        `SELECT cm.insee_code, cm.name, cm.population FROM contract_territory t JOIN commune cm USING (insee_code)
         WHERE t.contract_id = $1 ORDER BY cm.population DESC LIMIT 1`,
        [contractId],
      )
    ).rows;
    // What the old schema let through: unknown codes, a known name under a wrong code, a made-up population.
    await stack.ownerDb.query(
      `INSERT INTO contract_territory (contract_id, insee_code, name, population) VALUES
         ($1, '31998', 'Commune imaginaire', 500000), ($1, '31990', $2, 1234), ($1, '31991', $3, 99)`,
      [contractId, byName.name, listed.name],
    );
    await stack.ownerDb.query(
      `UPDATE contract_territory SET population = 10000000 WHERE contract_id = $1 AND insee_code = $2`,
      [contractId, listed.insee_code],
    );
    await runToEnd('cli', stack.env, ['migrate']);
  }, MIGRATING_MS);
  afterAll(() => stack.stop());

  it('keeps only reference communes, remapping an unknown code by its name in the contract’s department', async () => {
    const territories = await territoriesOf();
    expect(territories).toContain(byName.insee_code);
    expect(territories).toContain(listed.insee_code);
    expect(territories).not.toContain('31998');
    expect(territories).not.toContain('31990');
    expect(territories).not.toContain('31991');
  });

  it('records every correction as declared, for the auditor', async () => {
    const { rows } = await stack.ownerDb.query(
      `SELECT declared_insee_code AS code, declared_name AS name, declared_population AS population, outcome,
              insee_code AS "mappedTo" FROM contract_territory_correction WHERE contract_id = $1 ORDER BY 1`,
      [contractId],
    );
    expect(rows).toEqual(
      [
        {
          code: '31990',
          name: byName.name,
          population: 1234,
          outcome: 'remapped_by_name',
          mappedTo: byName.insee_code,
        },
        { code: '31991', name: listed.name, population: 99, outcome: 'merged', mappedTo: listed.insee_code },
        { code: '31998', name: 'Commune imaginaire', population: 500000, outcome: 'unmapped', mappedTo: null },
        {
          code: listed.insee_code,
          name: listed.name,
          population: 10_000_000,
          outcome: 'population_corrected',
          mappedTo: listed.insee_code,
        },
      ].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  it('answers the reference populations, and a coverage that is a fraction', async () => {
    const officer = await login(stack, DEMO.officer);
    const contract = (await api(stack, officer).get(`/api/local-health-contracts/${contractId}`)).body;
    expect(contract.territories).toContainEqual({
      inseeCode: listed.insee_code,
      name: listed.name,
      population: listed.population,
    });
    const coverage = (await api(stack, officer).get('/api/local-health-contracts/coverage')).body;
    expect(coverage.coverageRate).toBeGreaterThan(0);
    expect(coverage.coverageRate).toBeLessThanOrEqual(1);
  });

  it(
    'puts the declared rows back when reverted',
    async () => {
      await revertThroughTerritoryMigration();
      const { rows } = await stack.ownerDb.query(
        `SELECT insee_code, name, population FROM contract_territory
       WHERE contract_id = $1 AND insee_code IN ('31998', '31990', '31991', $2) ORDER BY 1`,
        [contractId, listed.insee_code],
      );
      expect(rows).toEqual(
        [
          { insee_code: '31990', name: byName.name, population: 1234 },
          { insee_code: '31991', name: listed.name, population: 99 },
          { insee_code: '31998', name: 'Commune imaginaire', population: 500000 },
          { insee_code: listed.insee_code, name: listed.name, population: 10_000_000 },
        ].sort((a, b) => a.insee_code.localeCompare(b.insee_code)),
      );
      expect(await territoriesOf()).not.toContain(byName.insee_code);
      await runToEnd('cli', stack.env, ['migrate']);
    },
    MIGRATING_MS,
  );
});
