import { auditPolicy } from '@app/audit';
import { callsPolicy } from '@app/calls';
import { contractsPolicy } from '@app/contracts';
import type { Actor } from '@app/core';
import { governancePolicy } from '@app/governance';
import { identityPolicy } from '@app/identity';
import { mayUpdateSomeAction, roadmapPolicy } from '@app/roadmap';
import type { CapabilitiesDto } from './session-user.dto';

/** The screens `actor` may open: each one permission of the lib whose screen it is, never a role list of its own. */
export function capabilitiesOf(actor: Actor): CapabilitiesDto {
  return {
    readDashboard: callsPolicy.allows(actor, 'overview'),
    readProjects: callsPolicy.allows(actor, 'read'),
    exportFunding: callsPolicy.allows(actor, 'exportLedger'),
    readAuditTrail: auditPolicy.allows(actor, 'read'),
    verifyAuditTrail: auditPolicy.allows(actor, 'verify'),
    departmentSpace: roadmapPolicy.allows(actor, 'updateOwnActions'),
    giveOpinions: callsPolicy.allows(actor, 'giveOpinion'),
    manageRoadmap: roadmapPolicy.allows(actor, 'edit'),
    updateActions: mayUpdateSomeAction(actor),
    manageCommission: governancePolicy.allows(actor, 'manage'),
    memberSpace: governancePolicy.allows(actor, 'readOwnBodies'),
    manageAccounts: identityPolicy.allows(actor, 'manageUsers'),
    readContracts: identityPolicy.allows(actor, 'readInternalFiles'),
    writeContracts: contractsPolicy.allows(actor, 'write'),
    // Equity's readers are identity's internal readers (equity.policy's assertMayReadEquity).
    readEquity: identityPolicy.allows(actor, 'readInternalFiles'),
  };
}
