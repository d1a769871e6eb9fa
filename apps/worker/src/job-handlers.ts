import { Injectable } from '@nestjs/common';
import { AuditSealService } from '@app/audit';
import { assertEveryJobHandled, JobHandlers } from '@app/core';
import { AuthService } from '@app/identity';
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
  ) {
    this.handlers = {
      'report.render': ({ reportId }) => renderer.render(reportId),
      'reports.reconcile': async () => void (await maintenance.reconcile()),
      'reports.expire': async () => void (await maintenance.expire()),
      'auth.purge': async () => void (await auth.purgeExpired()),
      'audit.seal': async () => void (await seals.sealIfDue()),
    };
    assertEveryJobHandled(this.handlers);
  }

  handlerFor(name: string): ((payload: unknown) => Promise<void>) | undefined {
    return (this.handlers as Record<string, (payload: unknown) => Promise<void>>)[name];
  }
}
