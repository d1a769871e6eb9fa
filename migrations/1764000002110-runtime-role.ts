import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the runtime role (DATABASE_URL: api, worker, seed) may do, granted to its NOLOGIN group
 * `iss_runtime` (created here when the migrating role may, else by the setup: libs/core/src/database/
 * db-roles.ts). Migrations run as the owner (DATABASE_OWNER_URL), so the runtime role owns nothing and
 * gets DML only: no DDL (it cannot drop or disable a trigger), and on the audit trail and its seals
 * SELECT and INSERT only, so history cannot be rewritten through the app's connection even if the
 * triggers were gone. Default privileges make the owner's future tables and sequences follow; an
 * append-only table must REVOKE in its own migration (test/db-roles.e2e-spec.ts checks every table
 * with an append-only trigger).
 */
export class RuntimeRole1764000002110 implements MigrationInterface {
  name = 'RuntimeRole1764000002110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user) THEN
          RAISE EXCEPTION 'migrations must run as the owner of every table (DATABASE_OWNER_URL); found tables of another role';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'iss_runtime') THEN
          CREATE ROLE iss_runtime NOLOGIN;
        END IF;
      END
      $$;
      GRANT USAGE ON SCHEMA public TO iss_runtime;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO iss_runtime;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO iss_runtime;
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal FROM iss_runtime;
      -- The app reads which migrations ran; only the owner records them.
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM iss_runtime;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO iss_runtime;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO iss_runtime;
    `);
  }

  /** The role is left in place: it is the server's, shared by every database of the cluster. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM iss_runtime;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM iss_runtime;
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM iss_runtime;
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM iss_runtime;
      REVOKE USAGE ON SCHEMA public FROM iss_runtime;
    `);
  }
}
