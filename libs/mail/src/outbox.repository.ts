import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import type { MailKind, MailStatus } from '@app/vocabulary';
import { DataSource } from 'typeorm';

/** A document attached by reference: rendered by the worker when it sends, never stored in the row. */
export interface AttachmentRef {
  reportKind: string;
  params: Record<string, string>;
  filename: string;
}

/** One message to one recipient, as the domain writes it. */
export interface NewMessage {
  key: string;
  kind: MailKind;
  recipientEmail: string | null;
  recipientName: string;
  subject: string;
  text: string;
  html: string;
  attachments: AttachmentRef[];
}

export interface OutboxRow {
  id: string;
  messageKey: string;
  kind: MailKind;
  recipientEmail: string | null;
  recipientName: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attachments: AttachmentRef[];
  status: MailStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface OutboxFilters {
  status?: MailStatus;
  kind?: MailKind;
  recipient?: string;
  limit: number;
  offset: number;
}

const COLUMNS = `id, message_key AS "messageKey", kind, recipient_email AS "recipientEmail",
  recipient_name AS "recipientName", subject, text_body AS "textBody", html_body AS "htmlBody", attachments,
  status, attempts, next_attempt_at AS "nextAttemptAt", last_error AS "lastError", created_at AS "createdAt",
  sent_at AS "sentAt"`;

const SUMMARY_COLUMNS = `id, message_key AS "messageKey", kind, recipient_email AS "recipientEmail",
  recipient_name AS "recipientName", subject, status, attempts, next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"`;

export type OutboxSummary = Omit<OutboxRow, 'textBody' | 'htmlBody' | 'attachments'>;

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the messages in the caller's transaction; a key already written is left as it is (the same
   * event twice sends once). Returns the ids of the rows written now that wait to be sent.
   */
  async insert(tx: Tx, messages: readonly NewMessage[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const rows: { id: string; status: MailStatus }[] = await tx.query(
      `INSERT INTO mail_outbox (message_key, kind, recipient_email, recipient_name, subject, text_body, html_body,
                                attachments, status, last_error)
       SELECT m.key, m.kind, m.email, m.name, m.subject, m.text, m.html, m.attachments,
              CASE WHEN m.email IS NULL THEN 'skipped' ELSE 'pending' END,
              CASE WHEN m.email IS NULL THEN 'Pas d''adresse électronique pour ce destinataire' END
       FROM jsonb_to_recordset($1::jsonb) AS m(key text, kind text, email text, name text, subject text, text text,
                                              html text, attachments jsonb)
       ON CONFLICT (message_key) DO NOTHING
       RETURNING id, status`,
      [
        JSON.stringify(
          messages.map((m) => ({
            key: m.key,
            kind: m.kind,
            email: m.recipientEmail,
            name: m.recipientName,
            subject: m.subject,
            text: m.text,
            html: m.html,
            attachments: m.attachments,
          })),
        ),
      ],
    );
    return rows.filter((r) => r.status === 'pending').map((r) => r.id);
  }

  /**
   * Takes a due pending message for one try: one conditional UPDATE, so of two workers at once only one
   * gets the row; the lease lets another take it again if this worker dies before saying how it went.
   */
  async claim(id: string, leaseSeconds: number): Promise<OutboxRow | null> {
    const [rows]: [OutboxRow[], number] = await this.dataSource.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
       WHERE id = $1 AND status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
       RETURNING ${COLUMNS}`,
      [id, leaseSeconds],
    );
    return rows[0] ?? null;
  }

  /** The claim's outcome, written only while the claim (its attempt number) still holds the row. */
  async markSent(id: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [id, attempts],
    );
  }

  async markRetry(id: string, attempts: number, error: string, delaySeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET lease_until = NULL, last_error = $3, next_attempt_at = now() + make_interval(secs => $4)
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [id, attempts, error, delaySeconds],
    );
  }

  async markFailed(id: string, attempts: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'failed', lease_until = NULL, last_error = $3
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [id, attempts, error],
    );
  }

  async exists(key: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM mail_outbox WHERE message_key = $1', [key]);
    return rows.length > 0;
  }

  /** Pending messages whose try is due and that no worker holds, oldest first. */
  async due(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM mail_outbox
       WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
       ORDER BY next_attempt_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async list(filters: OutboxFilters): Promise<[OutboxSummary[], number]> {
    // Each condition with its one value, numbered in order (`:v` is where the value goes).
    const conditions: [string, unknown][] = [];
    if (filters.status) conditions.push(['status = :v', filters.status]);
    if (filters.kind) conditions.push(['kind = :v', filters.kind]);
    if (filters.recipient)
      conditions.push([
        `(recipient_email ILIKE '%' || :v || '%' OR recipient_name ILIKE '%' || :v || '%')`,
        filters.recipient,
      ]);
    const params = conditions.map(([, value]) => value);
    const clause = conditions.length
      ? `WHERE ${conditions.map(([sql], i) => sql.replaceAll(':v', () => `$${i + 1}`)).join(' AND ')}`
      : '';
    const rows: (OutboxSummary & { total: string })[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total FROM mail_outbox ${clause}
       ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filters.limit, filters.offset],
    );
    const total = rows.length ? Number(rows[0].total) : await this.count(clause, params);
    return [rows.map(({ total: _t, ...row }) => row), total];
  }

  private async count(clause: string, params: unknown[]): Promise<number> {
    const [{ n }]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM mail_outbox ${clause}`,
      params,
    );
    return Number(n);
  }

  async lock(tx: Tx, id: string): Promise<OutboxSummary | null> {
    const rows: OutboxSummary[] = await tx.query(
      `SELECT ${SUMMARY_COLUMNS} FROM mail_outbox WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A failed message back to pending, due now, with its tries counted afresh. */
  async requeue(tx: Tx, id: string): Promise<void> {
    await tx.query(
      `UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL
       WHERE id = $1 AND status = 'failed'`,
      [id],
    );
  }
}
