import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AuditService } from '@app/audit';
import { Actor, Page, PageQueryDto, centsFromDb, found, parisDay } from '@app/core';
import { TerritoryService } from '@app/territory';
import type { ParticipationLevel } from '@app/vocabulary';
import { CALL_LIFECYCLE, PROJECT_STATUSES, type CallStatus } from './calls.constants';
import { assertMayMoveCallTo, type CallRights, callRights, callsPolicy, NO_CALL_RIGHTS } from './calls.policy';
import { CallsRepository } from './calls.repository';
import { splitCents } from './department-shares';
import { CallDto, CallFundingDto, CreateCallDto, ProjectStatusCountDto } from './dto/call.dto';
import { CallAxisEntity } from './entities/call-axis.entity';
import { CallEntity } from './entities/call.entity';
import { FundingRepository, type GrantFundingRow } from './funding.repository';
import type { CriterionRow } from './instruction.repository';
import { assertUniqueCodes, InstructionService } from './instruction.service';
import { fundingWorkbook } from './funding-xlsx';
import { CallsErrorCode } from './calls.errors';
import { assertCallShape } from './call-shape';

/** Calls for interest (AMI), their axes and envelopes, and the funding figures of each call. */
@Injectable()
export class CallsService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly funding: FundingRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly instruction: InstructionService,
  ) {}

  async create(actor: Actor, dto: CreateCallDto): Promise<CallDto> {
    callsPolicy.assert(actor, 'enter');
    assertCallShape(dto);
    assertUniqueCodes(dto.criteria ?? []);
    return this.audit.write(actor, async (tx) => {
      const id = await this.calls.insert(
        tx,
        {
          title: dto.title,
          year: dto.year,
          fundingSource: dto.fundingSource,
          envelopeCents: dto.envelopeCents,
          opensOn: dto.opensOn,
          closesOn: dto.closesOn,
        },
        dto.axes.map((a) => ({ code: a.code, label: a.label, envelopeCents: a.envelopeCents ?? null })),
      );
      if (dto.criteria) await this.instruction.replaceCriteriaOfNewCall(tx, id, dto.criteria);
      const call = (await this.calls.find(id, tx))!;
      const facts = toCallFacts(call, await this.calls.axes(id, tx), dto.criteria ?? []);
      return {
        result: { ...facts, ...callRights(actor, call, parisDay()) },
        audit: { action: 'call.create', entityType: 'call', entityId: id, after: facts },
      };
    });
  }

  async get(actor: Actor, id: string): Promise<CallDto> {
    callsPolicy.assert(actor, 'read');
    return this.read(await this.existing(id), actor);
  }

  /** For the worker's report, whose request was authorized when it was made: read for no one, it carries no rights. */
  async getUnchecked(id: string): Promise<CallDto> {
    return this.read(await this.existing(id), null);
  }

  async list(actor: Actor, page: PageQueryDto): Promise<Page<CallDto> & { canCreate: boolean }> {
    callsPolicy.assert(actor, 'read');
    const [rows, total] = await this.calls.list(page.limit, page.offset);
    // The page's axes and criteria in two statements, not two per call.
    const ids = rows.map((c) => c.id);
    const [axes, criteria] = await Promise.all([this.calls.axesOfCalls(ids), this.instruction.criteriaOfCalls(ids)]);
    const items = rows.map((c) => callDto(c, axes.get(c.id) ?? [], criteria.get(c.id) ?? [], actor));
    return { items, total, canCreate: callsPolicy.allows(actor, 'enter') };
  }

  private async read(call: CallEntity, reader: Actor | null): Promise<CallDto> {
    const [axes, criteria] = await Promise.all([this.calls.axes(call.id), this.instruction.criteriaOf(call.id)]);
    return callDto(call, axes, criteria, reader);
  }

  /** Envelope, committed, paid and remaining, by axis and by department; totals reconcile with the ledger. */
  async fundingOf(actor: Actor, id: string): Promise<CallFundingDto> {
    callsPolicy.assert(actor, 'read');
    return this.figuresUnchecked(id);
  }

  /** Every project status in lifecycle order with how many of the call's projects are in it. */
  async projectsByStatus(actor: Actor, id: string): Promise<ProjectStatusCountDto[]> {
    callsPolicy.assert(actor, 'read');
    await this.existing(id);
    const counts = new Map((await this.calls.projectCountsByStatus(id)).map((row) => [row.status, row.count]));
    return PROJECT_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  /**
   * A data version of these calls' funding (the call, its figures, funded projects and ledger), computed
   * in SQL without reading the ledger; the departments' names it prints come from the territory lib.
   */
  async fundingVersion(callIds: readonly string[]): Promise<string> {
    const [funding, departments] = await Promise.all([
      this.funding.fundingVersion(callIds),
      this.territory.departmentsVersion(),
    ]);
    return `${funding}/${departments}`;
  }

  /** The figures, for the worker's report (authorized at request time). */
  async figuresUnchecked(id: string): Promise<CallFundingDto> {
    const call = await this.existing(id);
    const [axes, grants, departments] = await Promise.all([
      this.calls.axes(id),
      this.funding.grantsOfCall(id),
      this.territory.departments(),
    ]);
    const amounts = grantAmounts(grants);
    const committedCents = amounts.reduce((s, g) => s + g.amount, 0);
    const paidCents = amounts.reduce((s, g) => s + g.paid, 0);
    const byDepartment = splitByDepartment(amounts);
    return {
      callId: id,
      envelopeCents: call.envelopeCents,
      committedCents,
      paidCents,
      remainingCents: call.envelopeCents - committedCents,
      unpaidCents: committedCents - paidCents,
      byAxis: axes.map((axis) => {
        const onAxis = amounts.filter((g) => g.axisCode === axis.code);
        const committed = onAxis.reduce((s, g) => s + g.amount, 0);
        return {
          code: axis.code,
          label: axis.label,
          envelopeCents: axis.envelopeCents,
          committedCents: committed,
          paidCents: onAxis.reduce((s, g) => s + g.paid, 0),
          remainingCents: axis.envelopeCents === null ? null : axis.envelopeCents - committed,
        };
      }),
      byDepartment: departments
        .filter((d) => byDepartment.has(d.code))
        .map((d) => {
          const line = byDepartment.get(d.code)!;
          return { code: d.code, name: d.name, ...line, ...perInhabitant(line.committedCents, d.population) };
        }),
    };
  }

  /**
   * Committed and paid by department over these calls, each grant split as figuresUnchecked splits it,
   * from one statement over all their grants (equity's funding figures); unchecked.
   */
  async committedByDepartmentUnchecked(
    callIds: readonly string[],
  ): Promise<Map<string, { committedCents: number; paidCents: number }>> {
    if (callIds.length === 0) return new Map();
    return splitByDepartment(grantAmounts(await this.funding.grantsOfCalls(callIds)));
  }

  /** The calls of a year ("the year's calls" of CONTRACT.md, "Equity"), for figures other domains build; unchecked. */
  callIdsOfYear(year: number): Promise<string[]> {
    return this.calls.idsOfYear(year);
  }

  /**
   * The funded projects of these calls with their committed cents, target publics and participation, for
   * equity's reach figures; unchecked: the caller's domain checks who reads them.
   */
  async grantedProjectsUnchecked(
    callIds: readonly string[],
  ): Promise<
    { projectId: string; targetPublics: string[]; participation: ParticipationLevel; committedCents: number }[]
  > {
    if (callIds.length === 0) return [];
    const rows = await this.funding.grantedProjects(callIds);
    return rows.map((r) => ({ ...r, committedCents: centsFromDb(r.committedCents) }));
  }

  /**
   * draft → open → closed → decided; a closed call reopens by the delegate, with a comment. 409 naming the
   * allowed moves otherwise, 400 without a required comment (kept in the audit event).
   */
  async transition(actor: Actor, id: string, to: CallStatus, comment?: string): Promise<CallDto> {
    assertMayMoveCallTo(actor, to);
    await this.audit.write(actor, async (tx) => {
      const call = found(await this.calls.lock(tx, id), CallsErrorCode.CallNotFound, id);
      CALL_LIFECYCLE.assertMove(
        actor,
        call.status,
        to,
        { transition: CallsErrorCode.CallTransitionForbidden, comment: CallsErrorCode.CallCommentRequired },
        comment,
      );
      await this.calls.setStatus(tx, id, call.status, to);
      return {
        result: undefined,
        audit: {
          action: 'call.transition',
          entityType: 'call',
          entityId: id,
          before: { status: call.status },
          after: { status: to, ...(comment?.trim() && { comment: comment.trim() }) },
        },
      };
    });
    return this.get(actor, id);
  }

  /** The funding ledger as a workbook: the figures by axis and department, and every ledger row, streamed. */
  async exportXlsx(actor: Actor, id: string): Promise<Readable> {
    callsPolicy.assert(actor, 'exportLedger');
    const [call, figures] = await Promise.all([this.get(actor, id), this.fundingOf(actor, id)]);
    return fundingWorkbook(call, figures, await this.funding.streamExport(id));
  }

  private async existing(id: string): Promise<CallEntity> {
    const call = found(await this.calls.find(id), CallsErrorCode.CallNotFound, id);
    return call;
  }
}

/** The population and what was committed per inhabitant, rounded to the cent (0 for an empty place). */
function perInhabitant(committedCents: number, population: number) {
  return { population, committedPerInhabitantCents: population > 0 ? Math.round(committedCents / population) : 0 };
}

/** The call as it is, whoever reads it (what its audit events record). */
export function toCallFacts(
  c: CallEntity,
  axes: CallAxisEntity[],
  criteria: CriterionRow[],
): Omit<CallDto, keyof CallRights> {
  return {
    id: c.id,
    title: c.title,
    year: c.year,
    fundingSource: c.fundingSource,
    envelopeCents: c.envelopeCents,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    status: c.status,
    axes: axes.map((a) => ({ code: a.code, label: a.label, envelopeCents: a.envelopeCents })),
    criteria: criteria.map(({ code, label, weight }) => ({ code, label, weight })),
    version: c.version,
  };
}

/** The call with what its reader may do with it (none for the worker's reports). */
function callDto(call: CallEntity, axes: CallAxisEntity[], criteria: CriterionRow[], reader: Actor | null): CallDto {
  return {
    ...toCallFacts(call, axes, criteria),
    ...(reader ? callRights(reader, call, parisDay()) : NO_CALL_RIGHTS),
  };
}

/** The ledger's grants with their committed and paid amounts as numbers. */
function grantAmounts(grants: readonly GrantFundingRow[]) {
  return grants.map((g) => ({ ...g, amount: centsFromDb(g.amountCents), paid: centsFromDb(g.paidCents) }));
}

/** Committed and paid by department code, each grant split by its departments' shares. */
function splitByDepartment(
  amounts: readonly (Pick<GrantFundingRow, 'departments'> & { amount: number; paid: number })[],
): Map<string, { committedCents: number; paidCents: number }> {
  const byDepartment = new Map<string, { committedCents: number; paidCents: number }>();
  for (const g of amounts) {
    const committed = splitCents(g.amount, g.departments);
    const paid = splitCents(g.paid, g.departments);
    for (const [code, cents] of committed) {
      const line = byDepartment.get(code) ?? { committedCents: 0, paidCents: 0 };
      line.committedCents += cents;
      line.paidCents += paid.get(code) ?? 0;
      byDepartment.set(code, line);
    }
  }
  return byDepartment;
}
