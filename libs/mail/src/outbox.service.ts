import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, AppConfig, DomainError, found, JobQueue, Page, Tx } from '@app/core';
import { ReportRendererService, type ReportKind } from '@app/reports';
import { retryDelaySeconds } from './backoff';
import { OutboxMessageDto, OutboxPageDto, OutboxQueryDto } from './dto/outbox.dto';
import { MailErrorCode } from './mail.errors';
import { mailPolicy } from './mail.policy';
import { MailTransport } from './mail-transport';
import { type NewMessage, type OutboxRow, OutboxRepository, type OutboxSummary } from './outbox.repository';

/** How long a worker holds a message it is sending before another may take it (a worker that died). */
const SEND_LEASE_SECONDS = 300;
/** Messages one sweep sends at most; the next sweep takes the rest. */
const SWEEP_BATCH = 100;

/**
 * The outbox: messages written with the event that causes them (`add`, in the caller's transaction), sent
 * by the worker after the commit (`enqueue` → `send`), swept for what a lost enqueue or a failed try
 * left due. Delivery is at least once: a worker that dies between the SMTP answer and its record sends
 * the message again on the next try.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transport: MailTransport,
    private readonly renderer: ReportRendererService,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Writes the messages in the caller's transaction (a key written before is left alone); returns what to enqueue. */
  add(tx: Tx, messages: readonly NewMessage[]): Promise<string[]> {
    return this.outbox.insert(tx, messages);
  }

  /** Whether a message with this key was written already (to skip composing it again). */
  written(key: string): Promise<boolean> {
    return this.outbox.exists(key);
  }

  /**
   * Queues the sending of messages written by a transaction that has committed. A failure to reach
   * Redis is logged, not thrown: the event happened, and the sweep sends what was not queued.
   */
  async enqueue(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      await this.jobs
        .enqueue('mail.send', { messageId: id }, `mail.send-${id}`)
        .catch((e: Error) => this.logger.warn(`Message ${id} not queued (the sweep will send it): ${e.message}`));
    }
  }

  /** One try of one message, by the worker; does nothing when SMTP_URL is unset or another worker holds it. */
  async send(id: string): Promise<void> {
    if (!this.transport.configured) return;
    const message = await this.outbox.claim(id, SEND_LEASE_SECONDS);
    if (!message) return;
    try {
      await this.transport.send({
        to: { name: message.recipientName, address: message.recipientEmail! },
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
        attachments: await this.attachmentsOf(message),
      });
      await this.outbox.markSent(id, message.attempts);
    } catch (error) {
      await this.recordFailure(message, error instanceof Error ? error.message : String(error));
    }
  }

  /** Sends what is due: messages whose enqueue was lost, and retries whose wait is over. */
  async sweep(): Promise<void> {
    if (!this.transport.configured) return;
    for (const id of await this.outbox.due(SWEEP_BATCH)) await this.send(id);
  }

  async list(actor: Actor, query: OutboxQueryDto): Promise<OutboxPageDto> {
    mailPolicy.assert(actor, 'read');
    const [rows, total]: [OutboxSummary[], number] = await this.outbox.list(query);
    const page: Page<OutboxMessageDto> = { items: rows.map(toDto), total };
    return { ...page, smtpConfigured: this.transport.configured };
  }

  /** A failed message tried again from its first try (audited); sent by the worker after the commit. */
  async retry(actor: Actor, id: string): Promise<OutboxMessageDto> {
    mailPolicy.assert(actor, 'retry');
    const message = await this.audit.write(actor, async (tx) => {
      const before = found(await this.outbox.lock(tx, id), MailErrorCode.MessageNotFound, id);
      if (before.status !== 'failed')
        throw DomainError.conflict(MailErrorCode.MessageNotFailed, 'Seul un courriel en échec peut être relancé');
      await this.outbox.requeue(tx, id);
      const after = (await this.outbox.lock(tx, id))!;
      return {
        result: toDto(after),
        audit: {
          action: 'mail.retry',
          entityType: 'mail',
          entityId: id,
          before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
          after: { status: after.status, attempts: after.attempts },
        },
      };
    });
    await this.enqueue([id]);
    return message;
  }

  private async attachmentsOf(message: OutboxRow) {
    return Promise.all(
      message.attachments.map(async (a) => ({
        filename: a.filename,
        content: (await this.renderer.renderFile(a.reportKind as ReportKind, a.params)).content,
        contentType: 'application/pdf',
      })),
    );
  }

  private async recordFailure(message: OutboxRow, reason: string): Promise<void> {
    const error = reason.slice(0, 1000);
    if (message.attempts >= this.config.get('MAIL_MAX_ATTEMPTS')) {
      this.logger.error(`Message ${message.id} failed after ${message.attempts} tries: ${error}`);
      await this.outbox.markFailed(message.id, message.attempts, error);
      return;
    }
    const delay = retryDelaySeconds(message.attempts, this.config.get('MAIL_RETRY_BASE_SECONDS'));
    this.logger.warn(`Message ${message.id}, try ${message.attempts} failed (next in ${delay} s): ${error}`);
    await this.outbox.markRetry(message.id, message.attempts, error, delay);
  }
}

function toDto(row: OutboxSummary): OutboxMessageDto {
  return {
    id: row.id,
    messageKey: row.messageKey,
    kind: row.kind,
    recipientEmail: row.recipientEmail,
    recipientName: row.recipientName,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.nextAttemptAt).toISOString(),
    lastError: row.lastError,
    createdAt: new Date(row.createdAt).toISOString(),
    sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
  };
}
