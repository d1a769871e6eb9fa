import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs of the chain's verification (issue 16): a million events take longer to walk than a request may
 * wait, so a run is requested, walked by the worker, and its result kept here. Not part of the trail:
 * the runtime role's table-wide DML (default privileges of 1764000002110) lets the api insert a run and
 * the worker claim and finish it, while audit_event stays SELECT/INSERT only. `lease_until` lets a run
 * whose worker died be claimed again; the partial unique index keeps one run pending at a time.
 */
export class AuditVerification1764000004250 implements MigrationInterface {
  name = 'AuditVerification1764000004250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_verification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid REFERENCES app_user (id),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        pending boolean GENERATED ALWAYS AS (status IN ('queued','running')) STORED,
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        ok boolean,
        checked bigint,
        first_broken_id bigint,
        seals_checked integer,
        last_sealed_event_id bigint,
        broken_seals jsonb,
        last_event_id bigint,
        error text,
        CHECK (status <> 'done' OR (ok IS NOT NULL AND checked IS NOT NULL AND broken_seals IS NOT NULL))
      );
      CREATE UNIQUE INDEX audit_verification_one_pending_idx ON audit_verification (pending) WHERE pending;
      CREATE INDEX audit_verification_requested_at_idx ON audit_verification (requested_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_verification;`);
  }
}
