import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's to-do lists at national volume (bench/scale.mjs): each page walks its index in the
 * list's order (oldest first) and stops after 50, and the counts probe covering indexes instead of
 * the tables. The opinion index also serves the latest opinion per project and department (DISTINCT
 * ON of project lists) without a sort.
 */
export class AwaitingActionIndexes1764000004410 implements MigrationInterface {
  name = 'AwaitingActionIndexes1764000004410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX project_status_updated_idx ON project (status, updated_at, id);
      CREATE INDEX opinion_project_department_idx ON opinion (project_id, department_code, created_at DESC)
        INCLUDE (opinion);
      CREATE INDEX grant_agreement_to_sign_idx ON "grant" (created_at, id)
        WHERE status = 'active' AND agreement_signed_on IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX grant_agreement_to_sign_idx;
      DROP INDEX opinion_project_department_idx;
      DROP INDEX project_status_updated_idx;
    `);
  }
}
