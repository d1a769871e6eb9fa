import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, DomainError } from '@app/core';
import { MailPreferencesDto } from './dto/mail-preferences.dto';
import { MailPreferencesRepository } from './mail-preferences.repository';

/** Each signed-in person's own choices about the e-mail it receives; nobody reads or sets another's. */
@Injectable()
export class MailPreferencesService {
  constructor(
    private readonly preferences: MailPreferencesRepository,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<MailPreferencesDto> {
    return this.preferences.find(personOf(actor));
  }

  /** Sets the caller's choices (audited). */
  async set(actor: Actor, dto: MailPreferencesDto): Promise<MailPreferencesDto> {
    const userId = personOf(actor);
    return this.audit.write(actor, async (tx) => {
      const before = await this.preferences.find(userId, tx);
      await this.preferences.save(tx, userId, dto.weeklyDigest);
      const after = { weeklyDigest: dto.weeklyDigest };
      return {
        result: after,
        audit: { action: 'mail.preferences', entityType: 'user', entityId: userId, before, after },
      };
    });
  }

  /** Whether the weekly digest goes to this user (on unless turned off). */
  async wantsDigest(userId: string): Promise<boolean> {
    return (await this.preferences.find(userId)).weeklyDigest;
  }
}

/** The account behind the caller: the system has none, and no preferences. */
function personOf(actor: Actor): string {
  if (!actor.id) throw DomainError.forbidden('Préférences réservées aux personnes connectées');
  return actor.id;
}
