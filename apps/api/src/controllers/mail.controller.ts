import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/core';
import type { Actor } from '@app/core';
import {
  MailPreferencesDto,
  MailPreferencesService,
  OutboxMessageDto,
  OutboxPageDto,
  OutboxQueryDto,
  OutboxService,
} from '@app/mail';
import { CurrentActor } from '../auth/current-actor.decorator';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail')
export class MailController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly preferences: MailPreferencesService,
  ) {}

  /** The e-mails written by the application, newest first, with their status, tries and last error (admin only). */
  @Get('outbox')
  @ApiOkResponse({ type: OutboxPageDto })
  listOutbox(@CurrentActor() actor: Actor, @Query() query: OutboxQueryDto): Promise<OutboxPageDto> {
    return this.outbox.list(actor, query);
  }

  /** Tries a failed e-mail again from its first try (admin only, audited). */
  @Post('outbox/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxMessageDto })
  retryOutboxMessage(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<OutboxMessageDto> {
    return this.outbox.retry(actor, id);
  }

  /** The caller's own e-mail preferences (the weekly digest: on unless turned off). */
  @Get('preferences')
  @ApiOkResponse({ type: MailPreferencesDto })
  getMailPreferences(@CurrentActor() actor: Actor): Promise<MailPreferencesDto> {
    return this.preferences.get(actor);
  }

  /** Sets the caller's own e-mail preferences (audited). */
  @Put('preferences')
  @ApiOkResponse({ type: MailPreferencesDto })
  setMailPreferences(@CurrentActor() actor: Actor, @Body() dto: MailPreferencesDto): Promise<MailPreferencesDto> {
    return this.preferences.set(actor, dto);
  }
}
