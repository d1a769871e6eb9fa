import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far a running report is, for whoever waits on it: null until a worker claims it, 0–100 while it
 * runs (written by the claim's holder, about once a second at most), 100 once done. Reports already
 * done say 100. The runtime role's table-wide UPDATE (1764000002110) covers the new column.
 */
export class ReportProgress1764000002600 implements MigrationInterface {
  name = 'ReportProgress1764000002600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report ADD COLUMN progress_percent smallint CHECK (progress_percent BETWEEN 0 AND 100);
      UPDATE report SET progress_percent = 100 WHERE status IN ('done', 'expired');
      UPDATE report SET progress_percent = 0 WHERE status = 'running';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report DROP COLUMN progress_percent;`);
  }
}
