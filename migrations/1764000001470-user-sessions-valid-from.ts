import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disabling an account ends its sessions for good: tokens issued before `sessions_valid_from` are
 * refused, even once the account is enabled again (disabled_at alone would bring them back to life).
 */
export class UserSessionsValidFrom1764000001470 implements MigrationInterface {
  name = 'UserSessionsValidFrom1764000001470';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN sessions_valid_from timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN sessions_valid_from`);
  }
}
