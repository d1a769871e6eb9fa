import { ApiProperty } from '@nestjs/swagger';
import { OverdueReportDto } from './follow-up.dto';
import { ProjectListItemDto } from './project.dto';

/** An active grant whose agreement (convention) is still to sign. */
export class AgreementToSignDto {
  grantId: string;
  projectId: string;
  projectTitle: string;
  holderName: string;
  amountCents: number;
  /** When the money was committed (ISO 8601). */
  grantedAt: string;
}

/**
 * What waits for the regional team, across calls: the oldest 50 of each list (fewer when fewer wait),
 * with how many wait in all.
 */
export class AwaitingActionDto {
  /** Applications under review whose every department gave its opinion: ready for the decision. */
  @ApiProperty({ type: [ProjectListItemDto] })
  readyForDecision: ProjectListItemDto[];
  /** How many applications are ready for the decision in all. */
  readyForDecisionTotal: number;
  /** Selected projects that have no grant yet. */
  @ApiProperty({ type: [ProjectListItemDto] })
  toGrant: ProjectListItemDto[];
  /** How many selected projects have no grant in all. */
  toGrantTotal: number;
  @ApiProperty({ type: [AgreementToSignDto] })
  agreementsToSign: AgreementToSignDto[];
  /** How many agreements are to sign in all. */
  agreementsToSignTotal: number;
  /** Progress and final reports past due and not received. */
  @ApiProperty({ type: [OverdueReportDto] })
  overdueReports: OverdueReportDto[];
  /** How many reports are overdue in all. */
  overdueReportsTotal: number;
}
