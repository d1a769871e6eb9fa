import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter on each grant that every change to its payments bumps, kept by statement-level triggers
 * (one UPDATE per statement, whatever the rows: a bulk load of a million payments costs one pass). A
 * funding report's request is fingerprinted from the call's grants, this counter included, instead of
 * reading the whole ledger. Payments are recorded under their grant's row lock already, so bumping that
 * row adds no waiting. The runtime role's table-wide UPDATE (1764000002110) covers the new column.
 */
export class GrantPaymentsVersion1764000004100 implements MigrationInterface {
  name = 'GrantPaymentsVersion1764000004100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "grant" ADD COLUMN payments_version bigint NOT NULL DEFAULT 0;

      CREATE FUNCTION grant_payments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "grant" g SET payments_version = g.payments_version + 1
        WHERE g.id IN (SELECT p.grant_id FROM changed_payment p);
        RETURN NULL;
      END $$;

      -- An update may move a payment to another grant: both grants change.
      CREATE FUNCTION grant_payments_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "grant" g SET payments_version = g.payments_version + 1
        WHERE g.id IN (SELECT p.grant_id FROM changed_payment p UNION SELECT p.grant_id FROM previous_payment p);
        RETURN NULL;
      END $$;

      CREATE TRIGGER payment_inserted AFTER INSERT ON payment REFERENCING NEW TABLE AS changed_payment
        FOR EACH STATEMENT EXECUTE FUNCTION grant_payments_changed();
      CREATE TRIGGER payment_deleted AFTER DELETE ON payment REFERENCING OLD TABLE AS changed_payment
        FOR EACH STATEMENT EXECUTE FUNCTION grant_payments_changed();
      CREATE TRIGGER payment_updated AFTER UPDATE ON payment
        REFERENCING OLD TABLE AS previous_payment NEW TABLE AS changed_payment
        FOR EACH STATEMENT EXECUTE FUNCTION grant_payments_moved();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER payment_updated ON payment;
      DROP TRIGGER payment_deleted ON payment;
      DROP TRIGGER payment_inserted ON payment;
      DROP FUNCTION grant_payments_moved();
      DROP FUNCTION grant_payments_changed();
      ALTER TABLE "grant" DROP COLUMN payments_version;
    `);
  }
}
