import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rest of an action's description: partners, ISS levers, dates, and the unit of its indicators. */
export class ActionDetails1764000001400 implements MigrationInterface {
  name = 'ActionDetails1764000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE action
        ADD COLUMN partners text,
        ADD COLUMN levers integer[] NOT NULL DEFAULT '{}' CHECK (levers <@ ARRAY[1,2,3]),
        ADD COLUMN starts_on date,
        ADD COLUMN ends_on date,
        ADD CONSTRAINT action_dates_check CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on);
      ALTER TABLE indicator ADD COLUMN unit text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE indicator DROP COLUMN unit;
      ALTER TABLE action DROP CONSTRAINT action_dates_check, DROP COLUMN ends_on, DROP COLUMN starts_on,
        DROP COLUMN levers, DROP COLUMN partners;
    `);
  }
}
