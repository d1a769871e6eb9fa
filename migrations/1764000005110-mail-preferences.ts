import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's choice about the e-mail it receives (issue 17): for now, the weekly digest, on unless
 * turned off. No row means the defaults. The runtime role's table-wide DML covers the table.
 */
export class MailPreferences1764000005110 implements MigrationInterface {
  name = 'MailPreferences1764000005110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        weekly_digest boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_preference;`);
  }
}
