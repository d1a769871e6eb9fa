import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins also remember the source address (a limit per address across e-mails), and browser
 * sessions their last use (idle timeout). Rows of both are purged by the worker once past use.
 */
export class LoginAbuseAndSessionActivity1764000002300 implements MigrationInterface {
  name = 'LoginAbuseAndSessionActivity1764000002300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE login_failure ADD COLUMN address text;
      CREATE INDEX login_failure_address_at_idx ON login_failure (address, at);
      CREATE INDEX login_failure_at_idx ON login_failure (at);

      -- A cookie session's last request, written at most once a minute; no row: unused since sign-in (iat).
      CREATE TABLE session_activity (
        jti uuid PRIMARY KEY,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX session_activity_expires_at_idx ON session_activity (expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE session_activity;
      DROP INDEX login_failure_at_idx;
      DROP INDEX login_failure_address_at_idx;
      ALTER TABLE login_failure DROP COLUMN address;
    `);
  }
}
