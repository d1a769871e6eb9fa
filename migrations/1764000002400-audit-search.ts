import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auditor searches the trail by action, by dates, and follows a project to its grants and their
 * payments (events whose `after` names the project or the grant).
 */
export class AuditSearch1764000002400 implements MigrationInterface {
  name = 'AuditSearch1764000002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX audit_event_action_idx ON audit_event (action, id);
      CREATE INDEX audit_event_at_idx ON audit_event (at);
      CREATE INDEX audit_event_after_project_idx ON audit_event ((after->>'projectId')) WHERE after ? 'projectId';
      CREATE INDEX audit_event_after_grant_idx ON audit_event ((after->>'grantId')) WHERE after ? 'grantId';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX audit_event_after_grant_idx;
      DROP INDEX audit_event_after_project_idx;
      DROP INDEX audit_event_at_idx;
      DROP INDEX audit_event_action_idx;
    `);
  }
}
