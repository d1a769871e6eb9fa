import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, Page, PageQueryDto, parisDay, centsFromDb, Database, DomainError, found, Tx } from '@app/core';
import { callsPolicy } from './calls.policy';
import {
  GrantFollowUpDto,
  OverdueReportDto,
  SetCoFundersDto,
  SetGrantReportsDto,
  SetScheduleDto,
} from './dto/follow-up.dto';
import { GrantEntity } from './entities/grant.entity';
import { FollowUpRepository, type TrancheRow } from './follow-up.repository';
import { FundingRepository } from './funding.repository';
import { scheduleAgainstPayments } from './schedule';
import { CallsErrorCode } from './calls.errors';

/** After the commitment: co-funders, the planned schedule against actual payments, and the reports owed. */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly db: Database,
    private readonly followUp: FollowUpRepository,
    private readonly funding: FundingRepository,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, grantId: string): Promise<GrantFollowUpDto> {
    callsPolicy.assert(actor, 'read');
    return this.followUpOf(actor, this.db.manager, await this.existing(this.db.manager, grantId));
  }

  setCoFunders(actor: Actor, grantId: string, dto: SetCoFundersDto): Promise<GrantFollowUpDto> {
    return this.change(actor, grantId, 'grant.set_cofunders', async (tx) => {
      await this.followUp.replaceCoFunders(tx, grantId, dto.coFunders);
    });
  }

  /**
   * The planned tranches; together they never exceed the grant. A line with an id keeps that tranche
   * (and the payments naming it); a tranche that payments name is neither left out nor lowered below them.
   */
  setSchedule(actor: Actor, grantId: string, dto: SetScheduleDto): Promise<GrantFollowUpDto> {
    return this.change(actor, grantId, 'grant.set_schedule', async (tx, grant) => {
      const planned = dto.tranches.reduce((s, t) => s + t.amountCents, 0);
      if (planned > grant.amountCents) {
        throw DomainError.invalid(
          CallsErrorCode.GrantScheduleOverGrant,
          `tranches: they add up to ${planned} cents, more than the grant (${grant.amountCents})`,
        );
      }
      assertKeepsPaidTranches(await this.followUp.tranches(grantId, tx), dto);
      await this.followUp.saveTranches(tx, grantId, dto.tranches);
    });
  }

  setReports(actor: Actor, grantId: string, dto: SetGrantReportsDto): Promise<GrantFollowUpDto> {
    return this.change(actor, grantId, 'grant.set_reports', async (tx) => {
      await this.followUp.replaceReports(tx, grantId, dto.reports);
    });
  }

  /**
   * Progress and final reports past due and not received, for the team to chase: every one, or the
   * `page` asked for (the total counts them all). `dueBefore` (a day, today by default) also takes those
   * due soon, for the reminders sent ahead of the date.
   */
  async overdue(
    actor: Actor,
    callId?: string,
    page?: PageQueryDto,
    dueBefore: string = parisDay(),
  ): Promise<Page<OverdueReportDto>> {
    callsPolicy.assert(actor, 'read');
    const { rows, total } = await this.followUp.overdue(dueBefore, callId, page);
    const items = rows.map(({ id, kind, dueOn, grantId, projectId, projectTitle, holderName }) => ({
      reportId: id,
      kind,
      dueOn,
      grantId,
      projectId,
      projectTitle,
      holderName,
    }));
    return { items, total };
  }

  /** Every follow-up change: the team only, refused (a rejected promise, as every service call) before the grant is read. */
  private async change(
    actor: Actor,
    grantId: string,
    action: string,
    apply: (tx: Tx, grant: GrantEntity) => Promise<void>,
  ): Promise<GrantFollowUpDto> {
    callsPolicy.assert(actor, 'followUp');
    return this.audit.write(actor, async (tx) => {
      const grant = found(await this.funding.lockGrant(tx, grantId), CallsErrorCode.GrantNotFound, grantId);
      const { canEdit: _before, ...before } = await this.followUpOf(actor, tx, grant);
      await apply(tx, grant);
      const result = await this.followUpOf(actor, tx, grant);
      const { canEdit: _after, ...after } = result;
      return { result, audit: { action, entityType: 'grant', entityId: grantId, before, after } };
    });
  }

  private async existing(tx: Tx, grantId: string): Promise<GrantEntity> {
    const grant = found(await this.funding.findGrant(grantId, tx), CallsErrorCode.GrantNotFound, grantId);
    return grant;
  }

  private async followUpOf(reader: Actor, tx: Tx, grant: GrantEntity): Promise<GrantFollowUpDto> {
    const [coFunders, tranches, reports, paid] = await Promise.all([
      this.followUp.coFunders(grant.id, tx),
      this.followUp.tranches(grant.id, tx),
      this.followUp.reports(grant.id, tx),
      this.funding.paid(tx, grant.id),
    ]);
    const today = parisDay();
    const tied = tranches.reduce((s, t) => s + centsFromDb(t.paidCents), 0);
    return {
      grantId: grant.id,
      amountCents: grant.amountCents,
      paidCents: paid,
      coFunders: coFunders.map((c) => ({ name: c.name, amountCents: centsFromDb(c.amountCents) })),
      schedule: scheduleAgainstPayments(tranches, paid - tied, today),
      reports: reports.map((r) => ({ ...r, overdue: r.receivedOn === null && r.dueOn < today })),
      canEdit: callsPolicy.allows(reader, 'followUp'),
    };
  }
}

/** 400 for an id that is not one of the grant's tranches (or twice); 409 for a paid tranche dropped or lowered. */
function assertKeepsPaidTranches(current: TrancheRow[], dto: SetScheduleDto): void {
  const ids = dto.tranches.flatMap((t, i) => (t.id ? [[i, t.id] as const] : []));
  for (const [i, id] of ids) {
    if (!current.some((t) => t.id === id) || ids.some(([j, other]) => other === id && j !== i)) {
      throw DomainError.invalid(
        CallsErrorCode.GrantUnknownTranche,
        `tranches.${i}.id: not a tranche of this grant's schedule, or named twice`,
      );
    }
  }
  for (const tranche of current) {
    const paid = centsFromDb(tranche.paidCents);
    const next = dto.tranches.find((t) => t.id === tranche.id);
    if (paid > 0 && (!next || next.amountCents < paid)) {
      throw DomainError.conflict(
        CallsErrorCode.GrantTrancheBelowPaid,
        `Tranche « ${tranche.label} » has ${paid} cents of payments naming it: keep it, at ${paid} cents at least`,
        { trancheId: tranche.id, paidCents: paid },
      );
    }
  }
}
