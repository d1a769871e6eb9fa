import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only at the database level: row triggers refuse UPDATE and DELETE,
 * a statement trigger refuses TRUNCATE, whoever the connected role is. Each row carries a SHA-256
 * chained to the previous row's, so that a change made by someone who bypasses the triggers
 * (a superuser disabling them) still shows when the chain is verified.
 */
export class Audit1764000000300 implements MigrationInterface {
  name = 'Audit1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash text,
        hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
      );
      CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id);
      CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, id);

      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event; DROP FUNCTION audit_event_append_only();`);
  }
}
