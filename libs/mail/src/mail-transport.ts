import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/** nodemailer over SMTP_URL, with the sender and reply-to of the configuration; none when SMTP_URL is unset. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;

  constructor(private readonly config: AppConfig) {
    const url = config.get('SMTP_URL');
    this.transporter = url ? createTransport(url) : null;
  }

  /** Whether messages can go out (SMTP_URL is set): without it, they wait in the outbox. */
  get configured(): boolean {
    return this.transporter !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set');
    await this.transporter.sendMail({
      from: this.config.get('MAIL_FROM'),
      replyTo: this.config.get('MAIL_REPLY_TO') || undefined,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
    });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
