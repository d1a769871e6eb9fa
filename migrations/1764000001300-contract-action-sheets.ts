import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contract's action sheets (fiches action) are actions like the roadmap's — same fields, indicators,
 * updates and history — that belong to a contract instead of a roadmap axis.
 */
export class ContractActionSheets1764000001300 implements MigrationInterface {
  name = 'ContractActionSheets1764000001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE action
        ALTER COLUMN roadmap_id DROP NOT NULL,
        ALTER COLUMN axis_code DROP NOT NULL,
        ADD COLUMN contract_id uuid REFERENCES local_health_contract (id),
        ADD CONSTRAINT action_owner_check CHECK ((roadmap_id IS NULL) <> (contract_id IS NULL)),
        ADD CONSTRAINT action_axis_check CHECK (roadmap_id IS NULL OR axis_code IS NOT NULL);
      CREATE INDEX action_contract_idx ON action (contract_id) WHERE contract_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM action_update WHERE action_id IN (SELECT id FROM action WHERE contract_id IS NOT NULL);
      DELETE FROM indicator WHERE action_id IN (SELECT id FROM action WHERE contract_id IS NOT NULL);
      DELETE FROM action_department WHERE action_id IN (SELECT id FROM action WHERE contract_id IS NOT NULL);
      DELETE FROM action_link WHERE action_id IN (SELECT id FROM action WHERE contract_id IS NOT NULL);
      DELETE FROM action WHERE contract_id IS NOT NULL;
      DROP INDEX action_contract_idx;
      ALTER TABLE action DROP CONSTRAINT action_axis_check, DROP CONSTRAINT action_owner_check, DROP COLUMN contract_id,
        ALTER COLUMN axis_code SET NOT NULL, ALTER COLUMN roadmap_id SET NOT NULL;
    `);
  }
}
