import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '@app/identity';

/**
 * The screens the signed-in person may open, from the libs' policies (capabilities.ts): the web app's
 * navigation and its screen guards read them rather than role lists. What may be done with one object
 * is in that object's DTO (`allowedTransitions`, `can*`).
 */
export class CapabilitiesDto {
  /** The funding dashboard: every call's envelope and where its projects stand. */
  @ApiProperty()
  readDashboard: boolean;
  /** The calls' projects, their list and their pages. */
  @ApiProperty()
  readProjects: boolean;
  /** A call's funding reports: the PDF, the CSV and XLSX ledgers. */
  @ApiProperty()
  exportFunding: boolean;
  /** The audit trail. */
  @ApiProperty()
  readAuditTrail: boolean;
  /** The audit trail's chain verification (a walk of the whole chain). */
  @ApiProperty()
  verifyAuditTrail: boolean;
  /** A referent's space: the actions and local health contracts of its departments. */
  @ApiProperty()
  departmentSpace: boolean;
  /** The departmental opinions to give on the projects of one's departments. */
  @ApiProperty()
  giveOpinions: boolean;
  /** The year's roadmap: its status, axes and actions to add. */
  @ApiProperty()
  manageRoadmap: boolean;
  /** An action's update form (which actions: its `canUpdate`). */
  @ApiProperty()
  updateActions: boolean;
  /** The commission: its bodies, meetings and members, to run. */
  @ApiProperty()
  manageCommission: boolean;
  /** A commission member's space: the bodies it sits on and their meetings. */
  @ApiProperty()
  memberSpace: boolean;
  /** The accounts: their list, creation, roles and departments, disabling. */
  @ApiProperty()
  manageAccounts: boolean;
  /** The local health contracts' coverage of the region, by department. */
  @ApiProperty()
  readContracts: boolean;
  /** A new local health contract (which departments, and which contracts to edit: each one's `canEdit`). */
  @ApiProperty()
  writeContracts: boolean;
  /** The equity figures: funding, contracts and reach against territorial deprivation indicators. */
  @ApiProperty()
  readEquity: boolean;
}

/** The signed-in person (GET /api/auth/me): the account, and the screens it may open. */
export class SessionUserDto extends UserDto {
  @ApiProperty({ type: CapabilitiesDto })
  capabilities: CapabilitiesDto;
}
