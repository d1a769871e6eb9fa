import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ReportsModule } from '@app/reports';
import { MailPreferencesRepository } from './mail-preferences.repository';
import { MailPreferencesService } from './mail-preferences.service';
import { MailTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/**
 * E-mail that goes out (issue 17): the outbox the domains write to in their own transactions, and its
 * sending over SMTP by the worker. Domains import it; it imports no domain (attachments are reports,
 * rendered through the report kinds those domains register).
 */
@Module({
  imports: [AuditModule, ReportsModule],
  providers: [OutboxRepository, MailTransport, OutboxService, MailPreferencesRepository, MailPreferencesService],
  exports: [OutboxService, MailPreferencesService],
})
export class MailModule {}
