import { Injectable } from '@nestjs/common';
import { Actor, centsFromDb } from '@app/core';
import { callsPolicy } from './calls.policy';
import { AwaitingActionDto } from './dto/awaiting-action.dto';
import { FollowUpService } from './follow-up.service';
import { FundingRepository } from './funding.repository';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

/** How many of each list the dashboard shows, oldest first; each list says how many wait in all. */
export const AWAITING_LIMIT = 50;

/**
 * The regional team's to-do list: decisions ready, grants to make, agreements to sign, reports to
 * chase. A fixed number of queries whatever the number of projects (no query per item), and a bounded
 * answer: at national volume each list holds thousands.
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
    const [[ready, readyTotal], [toGrant, toGrantTotal], [agreements, agreementsTotal], overdue] = await Promise.all([
      this.projectRows.awaiting('decision', AWAITING_LIMIT),
      this.projectRows.awaiting('grant', AWAITING_LIMIT),
      this.funding.agreementsToSign(AWAITING_LIMIT),
      this.followUp.overdue(actor, undefined, { limit: AWAITING_LIMIT, offset: 0 }),
    ]);
    const items = await this.projects.listItems(actor, [...ready, ...toGrant]);
    return {
      readyForDecision: items.slice(0, ready.length),
      readyForDecisionTotal: readyTotal,
      toGrant: items.slice(ready.length),
      toGrantTotal,
      agreementsToSign: agreements.map(({ amountCents, grantedAt, ...rest }) => ({
        ...rest,
        amountCents: centsFromDb(amountCents),
        grantedAt: grantedAt.toISOString(),
      })),
      agreementsToSignTotal: agreementsTotal,
      overdueReports: overdue.items,
      overdueReportsTotal: overdue.total,
    };
  }
}
