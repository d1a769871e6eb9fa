import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditRepository } from './audit.repository';

/**
 * Says at boot when the process's database role could rewrite the audit trail (a superuser, the
 * tables' owner, or a role granted UPDATE/DELETE): DATABASE_OWNER_URL defaults to DATABASE_URL for
 * compatibility, and that setup works, without the protection. A warning, not a refusal.
 */
@Injectable()
export class AuditRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditRoleCheck.name);

  constructor(private readonly repository: AuditRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const mayRewrite = await this.repository.connectionMayRewrite().catch(() => false);
    if (mayRewrite) {
      this.logger.warn(
        "DATABASE_URL's role may rewrite the audit trail (UPDATE/DELETE/TRUNCATE on audit_event): " +
          'run the api and the worker as a runtime role that owns nothing, and migrate with DATABASE_OWNER_URL',
      );
    }
  }
}
