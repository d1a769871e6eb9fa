import { Injectable } from '@nestjs/common';
import { AuditSealService, AuditVerificationService } from '@app/audit';
import { assertEveryJobHandled, JobHandlers } from '@app/core';
import { AuthService } from '@app/identity';
import { OutboxService } from '@app/mail';
import { DigestService, ReportRemindersService } from '@app/digests';
import { ReportMaintenanceService, ReportRendererService } from '@app/reports';

/** The one map from job name to the service that does the work. */
@Injectable()
export class JobHandlerRegistry {
  readonly handlers: JobHandlers;

  constructor(
    renderer: ReportRendererService,
    maintenance: ReportMaintenanceService,
    auth: AuthService,
    seals: AuditSealService,
    verifications: AuditVerificationService,
    outbox: OutboxService,
    digests: DigestService,
    reminders: ReportRemindersService,
  ) {
    this.handlers = {
      'report.render': ({ reportId }) => renderer.render(reportId),
      // PostgreSQL against the queue, for every kind of pending work: reports and verification runs.
      'reports.reconcile': async () => {
        await maintenance.reconcile();
        await verifications.reconcile();
      },
      'reports.expire': async () => void (await maintenance.expire()),
      'auth.purge': async () => void (await auth.purgeExpired()),
      'audit.seal': async () => void (await seals.sealIfDue()),
      'audit.verify': ({ verificationId }) => verifications.run(verificationId),
      'mail.send': ({ messageId }) => outbox.send(messageId),
      'mail.sweep': () => outbox.sweep(),
      'mail.digest': () => digests.sendIfDue(),
      'mail.reminders': () => reminders.send(),
    };
    assertEveryJobHandled(this.handlers);
  }

  handlerFor(name: string): ((payload: unknown) => Promise<void>) | undefined {
    return (this.handlers as Record<string, (payload: unknown) => Promise<void>>)[name];
  }
}
