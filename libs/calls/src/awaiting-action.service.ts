import { Injectable } from '@nestjs/common';
import { Actor, centsFromDb } from '@app/core';
import { callsPolicy } from './calls.policy';
import { AwaitingActionDto } from './dto/awaiting-action.dto';
import { FollowUpService } from './follow-up.service';
import { FundingRepository } from './funding.repository';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

/**
 * The regional team's to-do list: decisions ready, grants to make, agreements to sign, reports to
 * chase. A fixed number of queries whatever the number of projects (no query per item).
 */
@Injectable()
export class AwaitingActionService {
  constructor(
    private readonly projectRows: ProjectsRepository,
    private readonly projects: ProjectsService,
    private readonly funding: FundingRepository,
    private readonly followUp: FollowUpService,
  ) {}

  /** The dashboard's readers (admin, delegate, mission officer): those who run the money. */
  async of(actor: Actor): Promise<AwaitingActionDto> {
    callsPolicy.assert(actor, 'overview');
    const [rows, agreements, overdue] = await Promise.all([
      this.projectRows.awaitingDecisionOrGrant(),
      this.funding.agreementsToSign(),
      this.followUp.overdue(actor),
    ]);
    const items = await this.projects.listItems(actor, rows);
    return {
      readyForDecision: items.filter((p) => p.status === 'under_review'),
      toGrant: items.filter((p) => p.status === 'selected'),
      agreementsToSign: agreements.map(({ amountCents, grantedAt, ...rest }) => ({
        ...rest,
        amountCents: centsFromDb(amountCents),
        grantedAt: grantedAt.toISOString(),
      })),
      overdueReports: overdue.items,
    };
  }
}
