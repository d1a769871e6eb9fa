import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Project lists are read newest first (`ORDER BY created_at DESC, id`): with this index a page walks
 * the projects in that order and stops after `limit` matches, instead of sorting every project of
 * the filter (bench/api-overhead.mjs prints both plans).
 */
export class HotReadIndexes1764000001950 implements MigrationInterface {
  name = 'HotReadIndexes1764000001950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX project_created_at_idx ON project (created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX project_created_at_idx`);
  }
}
