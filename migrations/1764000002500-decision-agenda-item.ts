import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision may answer one point of its meeting's agenda. The reference includes the decision's own
 * meeting, so the database itself refuses an item of another meeting. An agenda is written once, when
 * the meeting is convened, and never replaced today; should it be, deleting an item unlinks its
 * decisions (SET NULL on the position only: the decision stays on its meeting) rather than blocking
 * the edit or pointing at whatever item takes the freed position, and renumbering an item carries its
 * decisions along. decision_meeting_id_idx already serves the lookups from an item to its decisions.
 */
export class DecisionAgendaItem1764000002500 implements MigrationInterface {
  name = 'DecisionAgendaItem1764000002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE decision ADD COLUMN agenda_item_position integer;
      ALTER TABLE decision ADD CONSTRAINT decision_agenda_item_fkey
        FOREIGN KEY (meeting_id, agenda_item_position) REFERENCES agenda_item (meeting_id, position)
        ON DELETE SET NULL (agenda_item_position) ON UPDATE CASCADE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE decision DROP CONSTRAINT decision_agenda_item_fkey;
      ALTER TABLE decision DROP COLUMN agenda_item_position;
    `);
  }
}
