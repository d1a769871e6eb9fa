import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a CLS records besides its territory: who signs, who coordinates (a post the ARS co-funds), how it is governed. */
export class ContractDetails1764000001100 implements MigrationInterface {
  name = 'ContractDetails1764000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE local_health_contract
        ADD COLUMN local_authority text,
        ADD COLUMN signatories text[] NOT NULL DEFAULT '{}',
        ADD COLUMN coordinator_name text,
        ADD COLUMN coordinator_employer text,
        ADD COLUMN coordinator_ars_funding_cents bigint CHECK (coordinator_ars_funding_cents >= 0),
        ADD COLUMN governance_bodies text[] NOT NULL DEFAULT '{}',
        ADD COLUMN shared_diagnosis_on date;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE local_health_contract
        DROP COLUMN shared_diagnosis_on, DROP COLUMN governance_bodies, DROP COLUMN coordinator_ars_funding_cents,
        DROP COLUMN coordinator_employer, DROP COLUMN coordinator_name, DROP COLUMN signatories, DROP COLUMN local_authority;
    `);
  }
}
