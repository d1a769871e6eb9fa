import { Actor, hasRole } from '@app/core/auth/actor';
import { DomainError } from '@app/core/errors/domain-error';

/**
 * Object scope for departmental data. The regional team (delegate, mission officer) acts on every
 * department; a referent only on its own; the admin runs accounts and reference data, not the
 * mission's files (DESIGN.md). Other domains call this before a write.
 */
export function canActOnDepartments(actor: Actor, departmentCodes: readonly string[]): boolean {
  if (hasRole(actor, 'regional_delegate', 'mission_officer')) return true;
  if (!hasRole(actor, 'departmental_referent')) return false;
  return departmentCodes.some((code) => actor.departmentCodes.includes(code));
}

export function assertDepartmentScope(actor: Actor, departmentCodes: readonly string[]): void {
  if (!canActOnDepartments(actor, departmentCodes)) {
    throw DomainError.forbidden('Cet objet relève d’un département qui n’est pas le vôtre');
  }
}

/**
 * The mission's working files (roadmap, contracts) are read by every role but commission members,
 * who read only the agendas and published minutes of the bodies they sit on (DESIGN.md).
 */
export function assertInternalReader(actor: Actor): void {
  if (actor.roles.every((r) => r === 'commission_member')) throw DomainError.forbidden();
}
