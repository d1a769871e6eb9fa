import { Injectable } from '@nestjs/common';
import { JOB_NAMES, JobHandlers, JobName } from '@app/core';
import { ReportMaintenanceService, ReportRendererService } from '@app/reports';

/** The one map from job name to the service that does the work. */
@Injectable()
export class JobHandlerRegistry {
  readonly handlers: JobHandlers;

  constructor(renderer: ReportRendererService, maintenance: ReportMaintenanceService) {
    this.handlers = {
      'report.render': ({ reportId }) => renderer.render(reportId),
      'reports.reconcile': async () => void (await maintenance.reconcile()),
      'reports.expire': async () => void (await maintenance.expire()),
    };
    assertEveryJobHandled(this.handlers);
  }

  handlerFor(name: string): ((payload: unknown) => Promise<void>) | undefined {
    return (this.handlers as Record<string, (payload: unknown) => Promise<void>>)[name];
  }
}

/** The worker refuses to start when a registered job name has no handler. */
export function assertEveryJobHandled(handlers: Partial<Record<JobName, unknown>>): void {
  const missing = JOB_NAMES.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
}
