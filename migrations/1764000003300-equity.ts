import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Equity (CONTRACT.md, "Equity"): the catalogue of territorial indicators, their values by department,
 * EPCI or commune, and the history of their imports (who, when, the file's SHA-256, how many rows); the
 * `participation` of the people concerned in projects and actions; the `equity` report kind.
 * `is_rate` says whether commune values may be rolled up to EPCI and department by population-weighted
 * mean (a rate may, a count may not). Values are replaced whole by each import, so they carry no
 * version; the import row keeps what the previous file was.
 */
export class Equity1764000003300 implements MigrationInterface {
  name = 'Equity1764000003300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE territorial_indicator (
        code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{2,40}$'),
        label text NOT NULL,
        unit text NOT NULL,
        source text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        level text NOT NULL CHECK (level IN ('department','epci','commune')),
        higher_is_worse boolean NOT NULL,
        is_rate boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE territorial_indicator_value (
        indicator_code text NOT NULL REFERENCES territorial_indicator (code) ON DELETE CASCADE,
        territory_code text NOT NULL,
        value numeric NOT NULL,
        PRIMARY KEY (indicator_code, territory_code)
      );
      CREATE TABLE territorial_indicator_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_code text NOT NULL REFERENCES territorial_indicator (code) ON DELETE CASCADE,
        imported_by uuid REFERENCES app_user (id),
        imported_at timestamptz NOT NULL DEFAULT now(),
        file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        row_count integer NOT NULL CHECK (row_count >= 0)
      );
      CREATE INDEX territorial_indicator_import_code_idx ON territorial_indicator_import (indicator_code, imported_at DESC);

      ALTER TABLE project ADD COLUMN participation text NOT NULL DEFAULT 'none'
        CHECK (participation IN ('none','informed','consulted','co_designed','co_led'));
      ALTER TABLE action ADD COLUMN participation text NOT NULL DEFAULT 'none'
        CHECK (participation IN ('none','informed','consulted','co_designed','co_led'));

      ALTER TABLE report DROP CONSTRAINT report_kind_check;
      ALTER TABLE report ADD CONSTRAINT report_kind_check
        CHECK (kind IN ('roadmap','funding','minutes','directory','notice','attendance_sheet','equity'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM report WHERE kind = 'equity';
      ALTER TABLE report DROP CONSTRAINT report_kind_check;
      ALTER TABLE report ADD CONSTRAINT report_kind_check
        CHECK (kind IN ('roadmap','funding','minutes','directory','notice','attendance_sheet'));
      ALTER TABLE action DROP COLUMN participation;
      ALTER TABLE project DROP COLUMN participation;
      DROP TABLE territorial_indicator_import;
      DROP TABLE territorial_indicator_value;
      DROP TABLE territorial_indicator;
    `);
  }
}
