import { Actor, definePolicy } from '@app/core';
import {
  assertCanAssignDepartments,
  assertDepartmentScope,
  assertInternalReader,
  canActOnDepartments,
} from '@app/identity';

/**
 * Who may do what with the local health contracts (DESIGN.md): the mission maintains them all, a
 * referent those of its departments (`mayWriteContract` checks which); everyone but commission
 * members reads them.
 */
export const contractsPolicy = definePolicy(
  {
    /** Create and update contracts, add their action sheets: the mission any, a referent its departments'. */
    write: ['regional_delegate', 'mission_officer', 'departmental_referent'],
  },
  { write: 'Seuls la mission et les référents départementaux tiennent les contrats locaux de santé' },
);

/** The contracts are the mission's working files: every role but commission members reads them (identity's rule). */
export function assertMayReadContracts(actor: Actor): void {
  assertInternalReader(actor);
}

/** Whether the caller may change the contract of this department (and add its action sheets). */
export function mayWriteContract(actor: Actor, departmentCode: string): boolean {
  return contractsPolicy.allows(actor, 'write') && canActOnDepartments(actor, [departmentCode]);
}

/** 403 for a contract of a department that is not the caller's. */
export function assertMayWriteContract(actor: Actor, departmentCode: string): void {
  contractsPolicy.assert(actor, 'write');
  assertDepartmentScope(actor, [departmentCode]);
}

/** A contract's communes: a referent may only put communes of its own departments (403). */
export function assertMayCoverDepartments(actor: Actor, departmentCodes: readonly string[]): void {
  if (departmentCodes.length > 0) assertCanAssignDepartments(actor, 'territories', departmentCodes);
}

/** What the caller may do next with a contract: what its DTO says. */
export function contractAbilities(actor: Actor, contract: { departmentCode: string }) {
  const write = mayWriteContract(actor, contract.departmentCode);
  return { canEdit: write, canAddActionSheet: write };
}
