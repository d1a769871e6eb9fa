import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { MAIL_KINDS, MAIL_STATUSES, type MailKind, type MailStatus } from '@app/vocabulary';

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MAIL_STATUSES })
  @IsOptional()
  @IsIn(MAIL_STATUSES)
  status?: MailStatus;

  @ApiPropertyOptional({ enum: MAIL_KINDS })
  @IsOptional()
  @IsIn(MAIL_KINDS)
  kind?: MailKind;

  /** Part of the recipient's name or address. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  recipient?: string;
}

/** One message of the outbox, without its bodies. */
export class OutboxMessageDto {
  id: string;
  /** What makes the message unique: a second write of the same key is a no-op. */
  messageKey: string;
  @ApiProperty({ enum: MAIL_KINDS })
  kind: MailKind;
  /** Null when the recipient has no address (status `skipped`). */
  @ApiProperty({ nullable: true, type: String })
  recipientEmail: string | null;
  recipientName: string;
  subject: string;
  @ApiProperty({ enum: MAIL_STATUSES })
  status: MailStatus;
  /** Tries so far. */
  attempts: number;
  /** When a pending message is tried next. */
  nextAttemptAt: string;
  /** Why the last try failed, or why the message was not sent. */
  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;
  createdAt: string;
  @ApiProperty({ nullable: true, type: String })
  sentAt: string | null;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxMessageDto] })
  items: OutboxMessageDto[];
  total: number;
  /** False when SMTP_URL is not set: messages are kept pending and nothing is sent. */
  smtpConfigured: boolean;
}
