import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Following a grant as the State's accounting does: co-funders, the planned payment schedule
 * (tranches with due dates and conditions), and the activity reports the holder owes; plus the
 * budget lines of an application.
 */
export class GrantFollowUp1764000000900 implements MigrationInterface {
  name = 'GrantFollowUp1764000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grant_cofunder (
        grant_id uuid NOT NULL REFERENCES "grant" (id),
        position integer NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        PRIMARY KEY (grant_id, position)
      );

      CREATE TABLE grant_tranche (
        grant_id uuid NOT NULL REFERENCES "grant" (id),
        position integer NOT NULL,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        due_on date NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        condition text,
        PRIMARY KEY (grant_id, position)
      );

      CREATE TABLE grant_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES "grant" (id),
        kind text NOT NULL CHECK (kind IN ('progress','final')),
        due_on date NOT NULL,
        received_on date
      );
      CREATE INDEX grant_report_overdue_idx ON grant_report (due_on) WHERE received_on IS NULL;

      CREATE TABLE project_budget_line (
        project_id uuid NOT NULL REFERENCES project (id),
        position integer NOT NULL,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        PRIMARY KEY (project_id, position)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE project_budget_line; DROP TABLE grant_report; DROP TABLE grant_tranche; DROP TABLE grant_cofunder;`,
    );
  }
}
