import { Injectable, Logger } from '@nestjs/common';
import { CallsService, FollowUpService, FundingService, ProjectsService, type ProjectStatus } from '@app/calls';
import { SYSTEM_ACTOR } from '@app/core';
import { UsersService } from '@app/identity';
import { AMI_2021, AMI_2021_PROJECTS, CALL_2023, CALL_2023_APPLICATIONS, DemoProject } from './calls-data';
import { demoReferent } from './demo-referent';
import { DEMO_PROJECT_PARTICIPATION } from './equity-data';

const actor = SYSTEM_ACTOR;
// Activity reports owed by the 2021 holders: a progress report, then a final one (received when the project closed).
const PROGRESS_DUE = '2022-06-30';
const PROGRESS_RECEIVED = '2022-07-04';
const FINAL_DUE_CLOSED = '2022-12-31';
const FINAL_RECEIVED = '2023-01-10';
const FINAL_DUE_RUNNING = '2026-06-30';
const cents = (euros: number) => Math.round(euros * 100);

/** The moves that bring a new application to a status, in lifecycle order. */
const PATH_TO: Record<ProjectStatus, ProjectStatus[]> = {
  draft: [],
  submitted: ['submitted'],
  under_review: ['submitted', 'under_review'],
  returned_for_changes: ['submitted', 'under_review', 'returned_for_changes'],
  rejected: ['submitted', 'under_review', 'rejected'],
  withdrawn: ['submitted', 'withdrawn'],
  selected: ['submitted', 'under_review', 'selected'],
  agreement_signed: ['submitted', 'under_review', 'selected', 'agreement_signed'],
  in_progress: ['submitted', 'under_review', 'selected', 'agreement_signed', 'in_progress'],
  closed: ['submitted', 'under_review', 'selected', 'agreement_signed', 'in_progress', 'closed'],
};

/** Builds the demo calls through the services: every grant and payment is checked and audited as in real use. */
@Injectable()
export class CallsSeeder {
  private readonly logger = new Logger(CallsSeeder.name);

  constructor(
    private readonly calls: CallsService,
    private readonly projects: ProjectsService,
    private readonly funding: FundingService,
    private readonly followUp: FollowUpService,
    private readonly users: UsersService,
  ) {}

  async seed(): Promise<void> {
    if ((await this.calls.list(actor, { limit: 1, offset: 0 })).total > 0) return;
    await this.call(AMI_2021, AMI_2021_PROJECTS, { advance: '2021-12-15', balance: '2023-01-20' });
    await this.call(CALL_2023, CALL_2023_APPLICATIONS, { advance: '2023-10-02', balance: '2024-12-02' });
    this.logger.log(
      `demo calls: 2021 AMI (${AMI_2021_PROJECTS.length} funded projects) and the 2023 call under instruction`,
    );
  }

  private async call(
    data: typeof AMI_2021 | typeof CALL_2023,
    projects: DemoProject[],
    paidOn: { advance: string; balance: string },
  ): Promise<void> {
    const call = await this.calls.create(actor, {
      title: data.title,
      year: data.year,
      fundingSource: data.fundingSource,
      envelopeCents: cents(data.envelopeEuros),
      opensOn: data.opensOn,
      closesOn: data.closesOn,
      axes: data.axes.map((axis) => ({
        code: axis.code,
        label: axis.label,
        envelopeCents: 'envelopeEuros' in axis ? cents(axis.envelopeEuros) : undefined,
      })),
    });
    for (const project of projects) await this.project(call.id, project, paidOn);
    // The 2021 call is decided. The 2023 one, past its closing day with its files entered, is under
    // instruction: it stays open, since a closed call commits nothing until it is decided or reopened.
    if (data.year === 2021) {
      await this.calls.transition(actor, call.id, 'closed');
      await this.calls.transition(actor, call.id, 'decided');
    }
  }

  private async project(callId: string, p: DemoProject, paidOn: { advance: string; balance: string }): Promise<void> {
    const created = await this.projects.create(actor, {
      callId,
      axisCode: p.axis,
      title: p.title,
      holder: { name: p.holder, kind: p.kind },
      departmentCodes: p.departments,
      targetPublics: p.publics,
      levers: p.levers,
      requestedCents: cents(p.requestedEuros),
      participation: DEMO_PROJECT_PARTICIPATION[p.title] ?? 'none',
    });
    for (const to of PATH_TO[p.status]) {
      if (to === 'agreement_signed' && p.grantEuros) await this.grant(created.id, p, paidOn);
      const comment = to === 'rejected' || to === 'returned_for_changes' ? p.comment : undefined;
      await this.projects.transition(actor, created.id, { to, comment });
      if (to === 'under_review') await this.opinions(created.id, p);
    }
  }

  private async opinions(projectId: string, p: DemoProject): Promise<void> {
    for (const o of p.opinions ?? []) {
      await this.projects.giveOpinion(await demoReferent(this.users, o.department), projectId, {
        departmentCode: o.department,
        opinion: o.opinion,
        comment: o.comment,
      });
    }
  }

  private async grant(projectId: string, p: DemoProject, paidOn: { advance: string; balance: string }): Promise<void> {
    const amount = cents(p.grantEuros!);
    const grant = await this.funding.grant(actor, projectId, {
      amountCents: amount,
      agreementSignedOn: paidOn.advance,
    });
    const advance = Math.floor(amount / 2);
    const finished = (p.paid ?? 0) >= 1;
    const { schedule } = await this.followUp.setSchedule(actor, grant.id, {
      tranches: [
        { label: 'Avance à la signature', dueOn: paidOn.advance, amountCents: advance },
        {
          label: 'Solde',
          dueOn: paidOn.balance,
          amountCents: amount - advance,
          condition: 'à réception du bilan final',
        },
      ],
    });
    await this.followUp.setReports(actor, grant.id, {
      reports: [
        { kind: 'progress', dueOn: PROGRESS_DUE, receivedOn: PROGRESS_RECEIVED },
        {
          kind: 'final',
          dueOn: finished ? FINAL_DUE_CLOSED : FINAL_DUE_RUNNING,
          receivedOn: finished ? FINAL_RECEIVED : undefined,
        },
      ],
    });
    if (p.departments.includes('31') || p.departments.includes('34')) {
      await this.followUp.setCoFunders(actor, grant.id, {
        coFunders: [{ name: `Conseil départemental (${p.departments[0]})`, amountCents: Math.floor(amount / 5) }],
      });
    }
    const [advanceTranche, balanceTranche] = schedule;
    await this.funding.pay(actor, grant.id, {
      amountCents: advance,
      kind: 'advance',
      paidOn: paidOn.advance,
      trancheId: advanceTranche.id,
    });
    if (finished)
      await this.funding.pay(actor, grant.id, {
        amountCents: amount - advance,
        kind: 'balance',
        paidOn: paidOn.balance,
        trancheId: balanceTranche.id,
      });
  }
}
