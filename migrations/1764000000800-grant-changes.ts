import { MigrationInterface, QueryRunner } from 'typeorm';

/** Grants can be reduced (never below what was paid) or cancelled with a reason; a cancelled grant commits nothing. */
export class GrantChanges1764000000800 implements MigrationInterface {
  name = 'GrantChanges1764000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "grant"
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','cancelled')),
        ADD COLUMN cancel_reason text,
        ADD CONSTRAINT grant_cancel_reason_check CHECK (status = 'active' OR length(cancel_reason) > 0);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "grant" DROP CONSTRAINT grant_cancel_reason_check, DROP COLUMN cancel_reason, DROP COLUMN status;`,
    );
  }
}
