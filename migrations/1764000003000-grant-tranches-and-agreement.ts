import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A grant's convention number beside its commitment number (EJ) and signing date, all settable after
 * the grant; and payments tied to the planned tranche they settle. A tranche gets an id of its own (its
 * position changes when the plan is edited) and a payment's tranche must be one of its own grant's,
 * which the composite foreign key keeps. What a tranche's payments add up to is held under the grant's
 * row lock (libs/calls), as the grant's own ceiling is. The EJ's format (ten digits) is checked on input
 * only: numbers stored before may not follow it, and a check would refuse every later update of their
 * grant.
 */
export class GrantTranchesAndAgreement1764000003000 implements MigrationInterface {
  name = 'GrantTranchesAndAgreement1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "grant" ADD COLUMN convention_number text
        CHECK (convention_number ~ '^[A-Z0-9][A-Z0-9/._-]{0,39}$');

      ALTER TABLE grant_tranche ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
      ALTER TABLE grant_tranche ADD CONSTRAINT grant_tranche_id_key UNIQUE (id);
      ALTER TABLE grant_tranche ADD CONSTRAINT grant_tranche_id_grant_key UNIQUE (id, grant_id);

      ALTER TABLE payment ADD COLUMN tranche_id uuid;
      ALTER TABLE payment ADD CONSTRAINT payment_tranche_fkey
        FOREIGN KEY (tranche_id, grant_id) REFERENCES grant_tranche (id, grant_id);
      CREATE INDEX payment_tranche_idx ON payment (tranche_id) WHERE tranche_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX payment_tranche_idx;
      ALTER TABLE payment DROP CONSTRAINT payment_tranche_fkey;
      ALTER TABLE payment DROP COLUMN tranche_id;
      ALTER TABLE grant_tranche DROP CONSTRAINT grant_tranche_id_grant_key;
      ALTER TABLE grant_tranche DROP CONSTRAINT grant_tranche_id_key;
      ALTER TABLE grant_tranche DROP COLUMN id;
      ALTER TABLE "grant" DROP COLUMN convention_number;
    `);
  }
}
