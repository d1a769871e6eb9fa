import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/core';
import type { Actor } from '@app/core';
import { OutboxMessageDto, OutboxPageDto, OutboxQueryDto, OutboxService } from '@app/mail';
import { CurrentActor } from '../auth/current-actor.decorator';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail/outbox')
export class MailController {
  constructor(private readonly outbox: OutboxService) {}

  /** The e-mails written by the application, newest first, with their status, tries and last error (admin only). */
  @Get()
  @ApiOkResponse({ type: OutboxPageDto })
  listOutbox(@CurrentActor() actor: Actor, @Query() query: OutboxQueryDto): Promise<OutboxPageDto> {
    return this.outbox.list(actor, query);
  }

  /** Tries a failed e-mail again from its first try (admin only, audited). */
  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxMessageDto })
  retryOutboxMessage(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<OutboxMessageDto> {
    return this.outbox.retry(actor, id);
  }
}
