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

/** What waits for the regional team, across calls, oldest first in each list. */
export class AwaitingActionDto {
  /** Applications under review whose every department gave its opinion: ready for the decision. */
  @ApiProperty({ type: [ProjectListItemDto] })
  readyForDecision: ProjectListItemDto[];
  /** Selected projects that have no grant yet. */
  @ApiProperty({ type: [ProjectListItemDto] })
  toGrant: ProjectListItemDto[];
  @ApiProperty({ type: [AgreementToSignDto] })
  agreementsToSign: AgreementToSignDto[];
  /** Progress and final reports past due and not received. */
  @ApiProperty({ type: [OverdueReportDto] })
  overdueReports: OverdueReportDto[];
}
