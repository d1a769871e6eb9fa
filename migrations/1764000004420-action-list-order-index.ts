import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The actions list's order within a roadmap (axis, title, id): a page takes the first few of each
 * roadmap from this index instead of sorting every action of the country (40,000 on the scale bench).
 */
export class ActionListOrderIndex1764000004420 implements MigrationInterface {
  name = 'ActionListOrderIndex1764000004420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX action_roadmap_order_idx ON action (roadmap_id, axis_code, title, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX action_roadmap_order_idx`);
  }
}
