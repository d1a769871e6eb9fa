import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision's subject is one of the kinds the application links to (libs/vocabulary
 * DECISION_SUBJECT_TYPES): a roadmap's validation, a call's selection list, a contract's approval.
 * The service checks the subject exists; the database keeps the kind within the list. A decision
 * stored earlier with another kind loses its subject (it linked to nothing the application reads).
 */
export class DecisionSubjectTypes1764000002800 implements MigrationInterface {
  name = 'DecisionSubjectTypes1764000002800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE decision SET subject_type = NULL, subject_id = NULL
        WHERE subject_type NOT IN ('roadmap', 'call_selection', 'contract');
      ALTER TABLE decision ADD CONSTRAINT decision_subject_type_check
        CHECK (subject_type IN ('roadmap', 'call_selection', 'contract'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision DROP CONSTRAINT decision_subject_type_check;`);
  }
}
