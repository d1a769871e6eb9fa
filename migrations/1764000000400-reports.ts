import { MigrationInterface, QueryRunner } from 'typeorm';

/** Report requests live here, not in Redis: the queue can be lost and rebuilt from this table. */
export class Reports1764000000400 implements MigrationInterface {
  name = 'Reports1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('roadmap','funding','minutes','directory')),
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        requested_by uuid REFERENCES app_user (id),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed','expired')),
        error text,
        attempts integer NOT NULL DEFAULT 0,
        request_fingerprint text NOT NULL,
        data_sha256 text CHECK (data_sha256 ~ '^[0-9a-f]{64}$'),
        file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        file_key text,
        file_size integer,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        expired_at timestamptz,
        CHECK (status <> 'done' OR (file_key IS NOT NULL AND file_sha256 IS NOT NULL))
      );
      CREATE INDEX report_requested_by_idx ON report (requested_by, created_at DESC);
      CREATE INDEX report_created_at_idx ON report (created_at DESC);
      CREATE INDEX report_pending_idx ON report (created_at) WHERE status IN ('queued','running');
      CREATE INDEX report_dedupe_idx ON report (requested_by, kind, request_fingerprint, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report;`);
  }
}
