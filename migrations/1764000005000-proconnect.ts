import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ProConnect sign-in (issue 17). `app_user.oidc_sub`: the provider's subject linked at an account's first
 * ProConnect sign-in (one account per subject). `proconnect_attempt`: a sign-in under way (state, nonce,
 * PKCE verifier), deleted by the callback that uses it, so a replayed callback finds nothing.
 * `proconnect_session`: the ID token of a session opened through ProConnect, for the provider's logout.
 * `proconnect_required_role`: the roles whose accounts may not sign in with a password. The runtime role's
 * table-wide DML (default privileges of 1764000002110) is what the api needs on the three tables.
 */
export class ProConnect1764000005000 implements MigrationInterface {
  name = 'ProConnect1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user ADD COLUMN oidc_sub text UNIQUE;
      CREATE TABLE proconnect_attempt (
        state text PRIMARY KEY,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX proconnect_attempt_created_at_idx ON proconnect_attempt (created_at);
      CREATE TABLE proconnect_session (
        jti uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id),
        id_token text NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX proconnect_session_expires_at_idx ON proconnect_session (expires_at);
      CREATE TABLE proconnect_required_role (
        role text PRIMARY KEY CHECK (role IN ('admin','regional_delegate','mission_officer',
          'departmental_referent','commission_member','auditor'))
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE proconnect_required_role; DROP TABLE proconnect_session; DROP TABLE proconnect_attempt;
      ALTER TABLE app_user DROP COLUMN oidc_sub;
    `);
  }
}
