import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764000000200 implements MigrationInterface {
  name = 'Identity1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0 AND roles <@ ARRAY['admin','regional_delegate','mission_officer',
            'departmental_referent','commission_member','auditor']::text[]),
        member_id uuid,
        disabled_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (email);

      -- A referent's departments; a join table so that each code is a real department.
      CREATE TABLE user_department (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        department_code text NOT NULL REFERENCES department (code),
        PRIMARY KEY (user_id, department_code)
      );
      CREATE INDEX user_department_department_code_idx ON user_department (department_code);

      -- Logged-out tokens, checked on every request by every api instance; rows past expiry can go.
      CREATE TABLE revoked_token (
        jti uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX revoked_token_expires_at_idx ON revoked_token (expires_at);

      -- Failed sign-ins per e-mail (known or not), for throttling across instances.
      CREATE TABLE login_failure (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_failure_email_at_idx ON login_failure (email, at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE login_failure; DROP TABLE revoked_token; DROP TABLE user_department; DROP TABLE app_user;`,
    );
  }
}
