import { Injectable } from '@nestjs/common';
import { Actor, COMMISSION_TEAM, DomainError, hasRole, parisDay } from '@app/core';
import { BodiesRepository } from './bodies.repository';

/**
 * Who may do what on the commission (DESIGN.md): the mission officer and the delegate manage it;
 * the regional team, referents and auditors read it; a commission member reads only the bodies it
 * sits on (as full member, alternate or office holder).
 */
@Injectable()
export class GovernanceAccess {
  constructor(private readonly bodies: BodiesRepository) {}

  assertManager(actor: Actor): void {
    if (!hasRole(actor, 'regional_delegate', 'mission_officer')) {
      throw DomainError.forbidden('Seuls la mission et le délégué régional gèrent la commission');
    }
  }

  isManager(actor: Actor): boolean {
    return hasRole(actor, 'regional_delegate', 'mission_officer');
  }

  /**
   * Members' e-mails are for those who run the commission and the accounts (admin, delegate,
   * mission officer: DESIGN.md), and for the member itself; referents, auditors and other members
   * read the member without it.
   */
  seesEmailOf(actor: Actor, memberId: string): boolean {
    return hasRole(actor, ...COMMISSION_TEAM) || actor.memberId === memberId;
  }

  /** null: every body; otherwise the ids of the bodies the actor may read. */
  async readableBodyIds(actor: Actor): Promise<string[] | null> {
    if (hasRole(actor, 'admin', 'regional_delegate', 'mission_officer', 'departmental_referent', 'auditor'))
      return null;
    if (hasRole(actor, 'commission_member') && actor.memberId)
      return this.bodies.bodyIdsOfMember(actor.memberId, parisDay());
    return [];
  }

  async assertCanReadBody(actor: Actor, bodyId: string): Promise<void> {
    const readable = await this.readableBodyIds(actor);
    if (readable && !readable.includes(bodyId)) throw DomainError.forbidden('Vous ne siégez pas dans cette instance');
  }
}
