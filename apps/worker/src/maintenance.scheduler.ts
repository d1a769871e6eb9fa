import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, JobName, JobQueue } from '@app/core';

const EXPIRE_INTERVAL_MS = 60 * 60 * 1000;
/** How often the worker checks for this week's digest and for reports due (each message is written once). */
const DIGEST_CHECK_INTERVAL_MS = 15 * 60 * 1000;

/**
 * Schedules maintenance from every worker, with one job id per time slot so that N workers queue it
 * once. Timers, not Redis-held schedules: a flushed Redis must not stop the reconciler that repairs it.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceScheduler.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.every('reports.reconcile', this.config.get('RECONCILE_INTERVAL_SECONDS') * 1000);
    this.every('reports.expire', EXPIRE_INTERVAL_MS);
    this.every('auth.purge', this.config.get('AUTH_PURGE_INTERVAL_SECONDS') * 1000);
    this.every('audit.seal', this.config.get('AUDIT_SEAL_INTERVAL_SECONDS') * 1000);
    this.every('mail.sweep', this.config.get('MAIL_SWEEP_INTERVAL_SECONDS') * 1000);
    this.every('mail.digest', DIGEST_CHECK_INTERVAL_MS);
    this.every('mail.reminders', DIGEST_CHECK_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    this.timers.forEach((t) => clearInterval(t));
  }

  private every(name: Exclude<JobName, 'report.render' | 'mail.send'>, intervalMs: number): void {
    const tick = () => {
      const slot = Math.floor(Date.now() / intervalMs);
      this.jobs
        .enqueue(name, {}, `${name}-${slot}`)
        .catch((e: Error) => this.logger.warn(`${name} not scheduled: ${e.message}`));
    };
    tick();
    this.timers.push(setInterval(tick, intervalMs));
  }
}
