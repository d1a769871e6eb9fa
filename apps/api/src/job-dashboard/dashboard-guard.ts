import { Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditService } from '@app/audit';
import { type Actor, AppConfig, JOBS_QUEUE } from '@app/core';
import { assertRole, JwtAuthGuard } from '../auth/guards';
import { guardJobDashboard } from './dashboard-access';

/**
 * `guardJobDashboard` with the api's own checks: the JWT guard's authentication, the @Roles() check,
 * and, when BULL_BOARD_READ_ONLY is off, each queue action audited (`job_queue.action`) as the admin's.
 */
export function guardJobDashboardOf(app: NestFastifyApplication): void {
  const sessions = new JwtAuthGuard(app.get(Reflector));
  const audit = app.get(AuditService);
  const recordAction = (actor: Actor, request: string) =>
    audit.write(actor, async () => ({
      result: undefined,
      audit: { action: 'job_queue.action', entityType: 'job_queue', entityId: JOBS_QUEUE, after: { request } },
    }));
  guardJobDashboard(app.getHttpAdapter().getInstance(), {
    authenticate: (request, reply) => sessions.authenticate(request, reply),
    assertRole,
    recordAction: app.get(AppConfig).get('BULL_BOARD_READ_ONLY') ? undefined : recordAction,
  });
}
