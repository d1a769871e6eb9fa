import type { Actor } from '@app/core/auth/actor';
import { DomainError } from '@app/core/errors/domain-error';
import { identityPolicy } from '../identity.policy';

/**
 * Object scope for departmental data. The regional team (delegate, mission officer) acts on every
 * department; a referent only on its own; the admin runs accounts and reference data, not the
 * mission's files (DESIGN.md). Other domains call this before a write. The roles are identity.policy's.
 */
export function canActOnDepartments(actor: Actor, departmentCodes: readonly string[]): boolean {
  if (identityPolicy.allows(actor, 'actOnEveryDepartment')) return true;
  if (!identityPolicy.allows(actor, 'actOnOwnDepartments')) return false;
  return departmentCodes.some((code) => actor.departmentCodes.includes(code));
}

export function assertDepartmentScope(actor: Actor, departmentCodes: readonly string[]): void {
  if (!canActOnDepartments(actor, departmentCodes)) {
    throw DomainError.forbidden('Cet objet relève d’un département qui n’est pas le vôtre');
  }
}

/**
 * Whether the actor may give an object exactly these departments (create it with them, or move it
 * to them): the regional team any; a referent only departments that are all its own, and never
 * none (a region-wide object is the mission's). Unlike `canActOnDepartments`, one department in
 * scope is not enough: a referent of 31 must not put an action in 34's lists.
 */
export function canAssignDepartments(actor: Actor, departmentCodes: readonly string[]): boolean {
  if (identityPolicy.allows(actor, 'actOnEveryDepartment')) return true;
  if (!identityPolicy.allows(actor, 'actOnOwnDepartments') || departmentCodes.length === 0) return false;
  return departmentCodes.every((code) => actor.departmentCodes.includes(code));
}

export function assertCanAssignDepartments(actor: Actor, field: string, departmentCodes: readonly string[]): void {
  if (canAssignDepartments(actor, departmentCodes)) return;
  const foreign = departmentCodes.filter((code) => !actor.departmentCodes.includes(code));
  throw DomainError.forbidden(
    foreign.length > 0
      ? `${field} : le département ${foreign.join(', ')} n’est pas le vôtre`
      : `${field} : seule la mission crée un objet régional`,
  );
}

/**
 * The mission's working files (roadmap, contracts) are read by every role but commission members,
 * who read only the agendas and published minutes of the bodies they sit on (DESIGN.md).
 */
export function assertInternalReader(actor: Actor): void {
  identityPolicy.assert(actor, 'readInternalFiles');
}
