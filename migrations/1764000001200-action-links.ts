import { MigrationInterface, QueryRunner } from 'typeorm';

/** An action may be carried by funded projects and by local health contracts. */
export class ActionLinks1764000001200 implements MigrationInterface {
  name = 'ActionLinks1764000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE action_link (
        action_id uuid NOT NULL REFERENCES action (id),
        project_id uuid REFERENCES project (id),
        contract_id uuid REFERENCES local_health_contract (id),
        CHECK ((project_id IS NULL) <> (contract_id IS NULL))
      );
      CREATE UNIQUE INDEX action_link_project_key ON action_link (action_id, project_id) WHERE project_id IS NOT NULL;
      CREATE UNIQUE INDEX action_link_contract_key ON action_link (action_id, contract_id) WHERE contract_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE action_link;');
  }
}
