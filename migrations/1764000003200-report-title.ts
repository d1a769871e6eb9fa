import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report's title and scope as its PDF prints them ("Rapport de financement", "Appel 2026 — …"), kept
 * when it is done so that "Mes exports" names every kind's subject without reading other domains. Null
 * until done; reports done before this migration keep null (the list falls back to the kind's label).
 * The runtime role's table-wide UPDATE (1764000002110) covers the new columns.
 */
export class ReportTitle1764000003200 implements MigrationInterface {
  name = 'ReportTitle1764000003200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ADD COLUMN title text, ADD COLUMN scope text;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report DROP COLUMN title, DROP COLUMN scope;`);
  }
}
