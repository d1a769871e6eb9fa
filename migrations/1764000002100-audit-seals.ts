import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seals of the audit chain: each row is an Ed25519 signature over the chain's head at one moment
 * (last event id and hash). Whoever can rewrite audit_event and re-hash it consistently, or cut its
 * newest rows, cannot forge a seal without the private key, so verification names the seal broken.
 * Append-only like the trail itself (same triggers, message naming the table).
 */
export class AuditSeals1764000002100 implements MigrationInterface {
  name = 'AuditSeals1764000002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_seal (
        id bigserial PRIMARY KEY,
        sealed_at timestamptz NOT NULL,
        sealed_by uuid,
        last_event_id bigint NOT NULL,
        last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'),
        key_id text NOT NULL,
        signature text NOT NULL
      );

      CREATE FUNCTION audit_seal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_seal is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_seal_no_update_delete BEFORE UPDATE OR DELETE ON audit_seal
        FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
      CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
        FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_seal; DROP FUNCTION audit_seal_append_only();`);
  }
}
