import { Actor, DomainError, hasRole, Role } from '@app/core';

/** Who reads calls, projects and funding: everyone but commission members (DESIGN.md). */
const READERS: Role[] = ['admin', 'regional_delegate', 'mission_officer', 'departmental_referent', 'auditor'];
/** Who enters calls and applications on behalf of holders: the regional team. */
const TEAM: Role[] = ['regional_delegate', 'mission_officer'];
/** Who exports the funding ledger. */
const EXPORTERS: Role[] = ['admin', 'regional_delegate', 'mission_officer', 'auditor'];

export const callsAccess = {
  assertReader(actor: Actor): void {
    if (!hasRole(actor, ...READERS)) throw DomainError.forbidden();
  },
  assertTeam(actor: Actor): void {
    if (!hasRole(actor, ...TEAM))
      throw DomainError.forbidden('Seule l’équipe régionale ISS saisit les appels et les dossiers');
  },
  assertDelegate(actor: Actor): void {
    if (!hasRole(actor, 'regional_delegate'))
      throw DomainError.forbidden('Seul le délégué régional engage les crédits');
  },
  assertExporter(actor: Actor): void {
    if (!hasRole(actor, ...EXPORTERS)) throw DomainError.forbidden();
  },
};
