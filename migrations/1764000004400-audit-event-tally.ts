import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many events the audit trail holds, kept exactly as they are appended: the trail's unfiltered
 * page answers `total` from this one row instead of counting every event (millions nationally, a
 * parallel scan of seconds). Statement triggers add each INSERT's rows and take away a DELETE's (only
 * the owner can delete, behind the append-only trigger), in the appending transaction, so a rollback
 * leaves the count as it was; appends are already serialized by the chain lock, so the row lock adds
 * no wait. The runtime role reads the tally and cannot write it: the functions run as their owner
 * (SECURITY DEFINER), and no one else may change the number that vouches for the trail's length.
 */
export class AuditEventTally1764000004400 implements MigrationInterface {
  name = 'AuditEventTally1764000004400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event_tally (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        events bigint NOT NULL CHECK (events >= 0)
      );
      LOCK TABLE audit_event IN SHARE MODE;
      INSERT INTO audit_event_tally (events) SELECT count(*) FROM audit_event;
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_event_tally FROM iss_runtime;

      CREATE FUNCTION audit_event_tally_added() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE audit_event_tally SET events = events + (SELECT count(*) FROM added);
        RETURN NULL;
      END $$;
      CREATE FUNCTION audit_event_tally_removed() RETURNS trigger LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE audit_event_tally SET events = events - (SELECT count(*) FROM removed);
        RETURN NULL;
      END $$;
      REVOKE EXECUTE ON FUNCTION audit_event_tally_added(), audit_event_tally_removed() FROM PUBLIC;
      CREATE TRIGGER audit_event_tally_insert AFTER INSERT ON audit_event REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_tally_added();
      CREATE TRIGGER audit_event_tally_delete AFTER DELETE ON audit_event REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_tally_removed();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER audit_event_tally_delete ON audit_event;
      DROP TRIGGER audit_event_tally_insert ON audit_event;
      DROP FUNCTION audit_event_tally_removed();
      DROP FUNCTION audit_event_tally_added();
      DROP TABLE audit_event_tally;
    `);
  }
}
