import { MigrationInterface, QueryRunner } from 'typeorm';

/** Instruction tools: scoring criteria on calls and reviewers' scores, private notes, shared labels. */
export class Instruction1764000000700 implements MigrationInterface {
  name = 'Instruction1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE call_criterion (
        call_id uuid NOT NULL REFERENCES call (id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
        label text NOT NULL,
        weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
        position integer NOT NULL,
        PRIMARY KEY (call_id, code)
      );

      -- One score per reviewer and criterion; a reviewer scoring again replaces its score.
      CREATE TABLE project_score (
        project_id uuid NOT NULL REFERENCES project (id),
        reviewer_id uuid NOT NULL REFERENCES app_user (id),
        call_id uuid NOT NULL,
        criterion_code text NOT NULL,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 5),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, reviewer_id, criterion_code),
        FOREIGN KEY (call_id, criterion_code) REFERENCES call_criterion (call_id, code)
      );

      CREATE TABLE project_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project (id),
        author_id uuid REFERENCES app_user (id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX project_note_project_idx ON project_note (project_id, created_at);

      CREATE TABLE project_label (
        project_id uuid NOT NULL REFERENCES project (id),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
        PRIMARY KEY (project_id, label)
      );
      CREATE INDEX project_label_label_idx ON project_label (label);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE project_label; DROP TABLE project_note; DROP TABLE project_score; DROP TABLE call_criterion;`,
    );
  }
}
