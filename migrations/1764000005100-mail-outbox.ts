import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail that goes out (issue 17): the outbox, one row per message to one recipient, written in the
 * transaction of the event that causes it and sent by the worker. `message_key` makes writing the same
 * message twice a no-op; `lease_until` is the claim of the worker sending it (a conditional update takes
 * it), so two workers do not send one message. A member without an address gets a `skipped` row, so the
 * admin sees who was not reached. The meeting records when its convocation went out: a move after that
 * sends an update. The runtime role's table-wide DML (default privileges of 1764000002110) covers the table.
 */
export class MailOutbox1764000005100 implements MigrationInterface {
  name = 'MailOutbox1764000005100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_key text NOT NULL UNIQUE,
        kind text NOT NULL,
        recipient_email text,
        recipient_name text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','skipped')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK (status = 'skipped' OR recipient_email IS NOT NULL)
      );
      CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id);
      ALTER TABLE meeting ADD COLUMN convened_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting DROP COLUMN convened_at; DROP TABLE mail_outbox;`);
  }
}
