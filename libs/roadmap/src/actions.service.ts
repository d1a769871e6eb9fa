import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  Actor,
  AppConfig,
  assertCsvRows,
  assertCsvSize,
  CsvImportLimits,
  DomainError,
  found,
  Page,
  PageQueryDto,
  parisDay,
} from '@app/core';
import { TerritoryService } from '@app/territory';
import { attentionOf, staleBefore } from './action-attention';
import { diffAction } from './action-changes';
import { ActionRow, ActionsRepository, IndicatorRow } from './actions.repository';
import { actionsCsv, parseActionsCsv } from './actions-csv';
import {
  ActionDto,
  ActionLinksDto,
  ActionQueryDto,
  ActionUpdateDto,
  CreateActionDto,
  CreateActionSheetDto,
  ImportResultDto,
  ImportRowResultDto,
  SetActionLinksDto,
  UpdateActionDto,
} from './dto/roadmap.dto';
import { RoadmapErrorCode } from './roadmap.errors';
import {
  actionAbilities,
  assertMayAssignActionDepartments,
  assertMayReadRoadmap,
  assertMayUpdateAction,
  assertMayUpdateSomeAction,
  roadmapPolicy,
} from './roadmap.policy';
import { RoadmapRow, RoadmapsRepository } from './roadmaps.repository';

/**
 * Actions, a roadmap's or a contract's (its action sheets): their indicators, the referents' updates
 * with their history, their links to projects and contracts, the CSV round trip, the stale ones.
 */
@Injectable()
export class ActionsService {
  constructor(
    private readonly actions: ActionsRepository,
    private readonly roadmaps: RoadmapsRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A data version of the year's roadmap report (roadmap, actions, their progress and attention of
   * today), computed in SQL; the departments' names it prints come from the territory lib.
   */
  async roadmapDataVersion(year: number): Promise<string> {
    const now = new Date();
    const [roadmap, departments] = await Promise.all([
      this.actions.roadmapDataVersion(year, parisDay(now), staleBefore(now)),
      this.territory.departmentsVersion(),
    ]);
    return `${roadmap}/${departments}`;
  }

  /** Every stale action, or the `page` asked for (the total counts them all). */
  async staleActions(actor: Actor, year: number, page?: PageQueryDto): Promise<Page<ActionDto>> {
    assertMayReadRoadmap(actor);
    await this.existingRoadmap(year);
    const rows = await this.actions.staleActions(year, staleBefore(new Date()));
    const pageRows = page ? rows.slice(page.offset, page.offset + page.limit) : rows;
    return { items: await this.actionDtos(actor, pageRows), total: rows.length };
  }

  async addAction(actor: Actor, year: number, dto: CreateActionDto): Promise<ActionDto> {
    roadmapPolicy.assert(actor, 'edit');
    const roadmap = await this.existingRoadmap(year);
    const axes = await this.roadmaps.axes(roadmap.id);
    if (!axes.some((a) => a.code === dto.axisCode)) {
      throw DomainError.invalid(
        RoadmapErrorCode.RoadmapUnknownAxis,
        `axisCode: ${dto.axisCode} is not an axis of the ${year} roadmap`,
      );
    }
    return this.createAction(actor, { roadmapId: roadmap.id, axisCode: dto.axisCode }, dto, { year });
  }

  /**
   * A contract's action sheet: the same action, owned by the contract, in the contract's department
   * only (400 otherwise). The contracts service checks who may write to the contract before calling this.
   */
  async addContractActionSheet(
    actor: Actor,
    contract: { id: string; departmentCode: string },
    dto: CreateActionSheetDto,
  ): Promise<ActionDto> {
    const contractId = contract.id;
    return this.createAction(actor, { roadmapId: null, axisCode: null, contractId }, dto, { contractId }, contract);
  }

  /** One way to create an action, whoever owns it (a roadmap axis or a contract). */
  private async createAction(
    actor: Actor,
    owner: { roadmapId: string | null; axisCode: string | null; contractId?: string },
    dto: CreateActionSheetDto,
    context: Record<string, unknown>,
    contract?: { departmentCode: string },
  ): Promise<ActionDto> {
    assertMayAssignActionDepartments(actor, dto.departmentCodes);
    if (contract) assertInContractDepartment(dto.departmentCodes, contract.departmentCode);
    await this.territory.assertDepartmentsExist('departmentCodes', dto.departmentCodes);
    if (dto.startsOn && dto.endsOn && dto.endsOn < dto.startsOn) {
      throw DomainError.invalid(RoadmapErrorCode.ActionDates, 'endsOn: before startsOn');
    }
    const { departmentCodes, indicators, ...fields } = dto;
    const id = await this.audit.write(actor, async (tx) => {
      const actionId = await this.actions.insertAction(
        tx,
        { ...owner, ...fields, description: fields.description ?? null, targetPublics: fields.targetPublics ?? [] },
        [...departmentCodes].sort(),
        indicators ?? [],
      );
      return {
        result: actionId,
        audit: { action: 'action.create', entityType: 'action', entityId: actionId, after: { ...context, ...dto } },
      };
    });
    return this.getAction(actor, id);
  }

  async listActions(actor: Actor, query: ActionQueryDto): Promise<Page<ActionDto>> {
    assertMayReadRoadmap(actor);
    const { attentionFirst, ...filter } = query;
    const now = new Date();
    const attention = attentionFirst ? { today: parisDay(now), staleBefore: staleBefore(now) } : undefined;
    const [rows, total] = await this.actions.listActions({ ...filter, attention });
    return { items: await this.actionDtos(actor, rows), total };
  }

  async getAction(actor: Actor, id: string): Promise<ActionDto> {
    assertMayReadRoadmap(actor);
    return (await this.actionDtos(actor, [await this.existingAction(id)]))[0];
  }

  /** The actions as the caller sees them: indicators, what needs attention, whether it may update them. */
  private async actionDtos(actor: Actor, rows: ActionRow[]): Promise<ActionDto[]> {
    const indicators = await this.actions.indicators(rows.map((r) => r.id));
    const now = new Date();
    return rows.map((r) => ({
      ...toActionDto(
        r,
        indicators.filter((i) => i.actionId === r.id),
      ),
      ...attentionOf({ ...r, lastUpdatedAt: new Date(r.lastUpdatedAt) }, parisDay(now), now),
      ...actionAbilities(actor, r),
    }));
  }

  /**
   * A referent's (or the mission's) update. Conditional on the version read: of concurrent updates
   * with the same version exactly one is accepted, the others get 409 and write nothing.
   */
  async updateAction(actor: Actor, id: string, dto: UpdateActionDto): Promise<ActionDto> {
    assertMayUpdateSomeAction(actor);
    const current = await this.existingAction(id);
    assertMayUpdateAction(actor, current);
    const indicators = await this.actions.indicators([id]);
    const changes: Record<string, { from: unknown; to: unknown }> = { ...diffAction(current, dto) };
    for (const v of dto.indicators ?? []) {
      const indicator = indicators.find((i) => i.id === v.id);
      if (!indicator)
        throw DomainError.invalid(
          RoadmapErrorCode.ActionUnknownIndicator,
          `indicators: ${v.id} is not an indicator of this action`,
        );
      const from = indicator.latestValue === null ? null : Number(indicator.latestValue);
      if (from !== v.value) changes[`indicator:${indicator.label}`] = { from, to: v.value };
    }
    await this.audit.write(actor, async (tx) => {
      const next = {
        status: dto.status ?? current.status,
        progressPercent: dto.progressPercent ?? current.progressPercent,
        participation: dto.participation ?? current.participation,
      };
      if (!(await this.actions.updateAction(tx, id, dto.version, next)))
        throw DomainError.staleVersion(RoadmapErrorCode.ActionStaleVersion);
      for (const v of dto.indicators ?? []) await this.actions.setIndicatorValue(tx, id, v.id, v.value);
      await this.actions.insertUpdate(tx, { actionId: id, actorId: actor.id, changes, comment: dto.comment ?? null });
      return {
        result: undefined,
        audit: {
          action: 'action.update',
          entityType: 'action',
          entityId: id,
          before: {
            status: current.status,
            progressPercent: current.progressPercent,
            participation: current.participation,
            version: dto.version,
          },
          after: { ...next, version: dto.version + 1, comment: dto.comment ?? null, indicators: dto.indicators ?? [] },
        },
      };
    });
    return this.getAction(actor, id);
  }

  /** The projects and contracts that carry the action (the mission sets them); unknown ids → 400. */
  async setLinks(actor: Actor, id: string, dto: SetActionLinksDto): Promise<ActionLinksDto> {
    roadmapPolicy.assert(actor, 'edit');
    await this.existingAction(id);
    return this.audit.write(actor, async (tx) => {
      const before = await this.actions.links(id, tx);
      await this.actions.replaceLinks(tx, id, dto.projectIds, dto.contractIds);
      const after = { actionId: id, ...(await this.actions.links(id, tx)) };
      return {
        result: after,
        audit: { action: 'action.set_links', entityType: 'action', entityId: id, before, after },
      };
    });
  }

  async linksOf(actor: Actor, id: string): Promise<ActionLinksDto> {
    assertMayReadRoadmap(actor);
    await this.existingAction(id);
    return { actionId: id, ...(await this.actions.links(id)) };
  }

  /** A department's actions of a year as CSV, in the format the import reads back. */
  async exportCsv(actor: Actor, query: ActionQueryDto): Promise<string> {
    const { items } = await this.listActions(actor, { ...query, limit: 10_000, offset: 0 });
    return actionsCsv(items);
  }

  /**
   * Applies an edited export: each row is one update with its own version check and transaction, so a
   * rejected row writes nothing and the others still apply; the answer says, row by row, what happened.
   */
  async importCsv(actor: Actor, csv: string): Promise<ImportResultDto> {
    const limits = this.importLimits();
    assertCsvSize('csv', csv, limits);
    let rows: ReturnType<typeof parseActionsCsv>;
    try {
      rows = parseActionsCsv(csv);
    } catch (error) {
      throw DomainError.invalid(RoadmapErrorCode.ActionsCsv, `csv: ${(error as Error).message}`);
    }
    assertCsvRows('csv', rows.length, limits);
    const results: ImportRowResultDto[] = [];
    for (const row of rows) {
      if ('error' in row) {
        const { line, id, column, error } = row;
        results.push({ line, actionId: id, ok: false, error, code: RoadmapErrorCode.ActionsCsv, column });
        continue;
      }
      try {
        const action = await this.updateAction(actor, row.id, row.update);
        results.push({ line: row.line, actionId: row.id, ok: true, version: action.version });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ line: row.line, actionId: row.id, ok: false, error: error.message, code: error.code });
      }
    }
    const applied = results.filter((r) => r.ok).length;
    return { results, applied, rejected: results.length - applied };
  }

  private importLimits(): CsvImportLimits {
    return { maxBytes: this.config.get('IMPORT_CSV_MAX_BYTES'), maxRows: this.config.get('IMPORT_CSV_MAX_ROWS') };
  }

  /** Accepted updates, newest first: who, when, what changed, and why. */
  async updates(actor: Actor, id: string, page: PageQueryDto): Promise<Page<ActionUpdateDto>> {
    assertMayReadRoadmap(actor);
    await this.existingAction(id);
    const [rows, total] = await this.actions.updates(id, page.limit, page.offset);
    return { items: rows.map((u) => ({ ...u, id: Number(u.id), at: new Date(u.at).toISOString() })), total };
  }

  private async existingRoadmap(year: number): Promise<RoadmapRow> {
    return found(await this.roadmaps.roadmapOfYear(year), RoadmapErrorCode.RoadmapNotFound, String(year));
  }

  private async existingAction(id: string): Promise<ActionRow> {
    return found(await this.actions.findAction(id), RoadmapErrorCode.ActionNotFound, id);
  }
}

/** A contract's action sheet is in the contract's department, whoever writes it. */
function assertInContractDepartment(departmentCodes: readonly string[], contractDepartment: string): void {
  const elsewhere = departmentCodes.filter((code) => code !== contractDepartment);
  if (elsewhere.length > 0)
    throw DomainError.invalid(
      RoadmapErrorCode.ActionContractDepartment,
      `departmentCodes: ${elsewhere.join(', ')} is not the contract's department (${contractDepartment})`,
    );
}

function toActionDto(
  a: ActionRow,
  indicators: Omit<IndicatorRow, 'actionId'>[],
): Omit<ActionDto, 'overdue' | 'stale' | keyof ReturnType<typeof actionAbilities>> {
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    id: a.id,
    year: a.year,
    axisCode: a.axisCode,
    contractId: a.contractId,
    title: a.title,
    description: a.description,
    pilot: a.pilot,
    partners: a.partners,
    levers: a.levers,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    departmentCodes: a.departmentCodes,
    regionWide: a.departmentCodes.length === 0,
    targetPublics: a.targetPublics,
    participation: a.participation,
    status: a.status,
    progressPercent: a.progressPercent,
    indicators: indicators.map((i) => ({
      id: i.id,
      label: i.label,
      unit: i.unit,
      baseline: num(i.baseline),
      target: num(i.target),
      latestValue: num(i.latestValue),
      latestOn: i.latestOn,
    })),
    version: a.version,
    updatedAt: new Date(a.updatedAt).toISOString(),
    lastUpdatedAt: new Date(a.lastUpdatedAt).toISOString(),
  };
}
