import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The funding ledger reads each grant's payments in line order (`paid_on`, then `id`) with their amount
 * and kind: covering them, this index answers with an index-only scan instead of one heap page per
 * payment, and in the order wanted. It replaces payment_grant_idx (grant_id, paid_on), its prefix.
 */
export class PaymentLedgerIndex1764000004200 implements MigrationInterface {
  name = 'PaymentLedgerIndex1764000004200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX payment_ledger_idx ON payment (grant_id, paid_on, id) INCLUDE (amount_cents, kind);
      DROP INDEX payment_grant_idx;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX payment_grant_idx ON payment (grant_id, paid_on);
      DROP INDEX payment_ledger_idx;
    `);
  }
}
