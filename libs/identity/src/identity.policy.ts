// Core's modules, not its barrel: the unit specs load no Nest.
import { type Actor, ROLES } from '@app/core/auth/actor';
import { definePolicy } from '@app/core/auth/policy';
import { DomainError } from '@app/core/errors/domain-error';

/** Who may do what with accounts and the referent directory (DESIGN.md: the admin runs the accounts). */
export const identityPolicy = definePolicy({
  /** Create accounts, disable or re-enable them, link them to their member record. */
  manageUsers: ['admin'],
  /** The departments and their referents (GET /api/departments, the directory report): every signed-in account. */
  readDirectory: ROLES,
  /** One's own password, and only one's own: see `assertOwnAccount`. */
  changeOwnPassword: ROLES,
  /**
   * Departmental data (access/department-scope.ts): the regional team acts on every department, a
   * referent on its own; the admin runs accounts and reference data, not the mission's files (DESIGN.md).
   */
  actOnEveryDepartment: ['regional_delegate', 'mission_officer'],
  actOnOwnDepartments: ['departmental_referent'],
  /** The mission's working files (roadmap, contracts): every role but commission members. */
  readInternalFiles: ROLES.filter((r) => r !== 'commission_member'),
});

/** Only a person changes its password, its own: the system (seeds, jobs) has no account to change. */
export function assertOwnAccount(actor: Actor): asserts actor is Actor & { id: string } {
  identityPolicy.assert(actor, 'changeOwnPassword');
  if (!actor.id) throw DomainError.forbidden();
}
