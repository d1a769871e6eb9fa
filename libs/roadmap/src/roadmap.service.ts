import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  Actor,
  AppConfig,
  assertCsvRows,
  assertCsvSize,
  CsvImportLimits,
  Database,
  DomainError,
  hasRole,
  Page,
  PageQueryDto,
  parisDay,
  Tx,
} from '@app/core';
import { assertCanAssignDepartments, assertInternalReader, canActOnDepartments } from '@app/identity';
import { TerritoryService } from '@app/territory';
import { diffAction } from './action-changes';
import { actionsCsv, parseActionsCsv } from './actions-csv';
import {
  ActionDto,
  ActionQueryDto,
  ActionUpdateDto,
  CreateActionDto,
  CreateActionSheetDto,
  CreateRoadmapDto,
  ImportResultDto,
  ImportRowResultDto,
  ActionLinksDto,
  RoadmapDto,
  RoadmapProgressDto,
  SetActionLinksDto,
  RoadmapTransitionDto,
  SetAxesDto,
  UpdateActionDto,
} from './dto/roadmap.dto';
import { rollUp } from './progress';
import { attentionOf, staleBefore } from './action-attention';
import { ROADMAP_TRANSITION_ROLES, ROADMAP_TRANSITIONS } from './roadmap.constants';
import { ActionRow, IndicatorRow, RoadmapRepository, RoadmapRow } from './roadmap.repository';
import { RoadmapErrorCode } from './roadmap.errors';

/** The yearly roadmap: axes, actions and their indicators, and the referents' updates with their history. */
@Injectable()
export class RoadmapService {
  constructor(
    private readonly db: Database,
    private readonly roadmaps: RoadmapRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: CreateRoadmapDto): Promise<RoadmapDto> {
    assertMission(actor);
    const codes = dto.axes.map((a) => a.code);
    const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
    if (repeated) throw DomainError.invalid(RoadmapErrorCode.RoadmapAxisRepeated, `axes: code ${repeated} is repeated`);
    if (await this.roadmaps.roadmapOfYear(dto.year))
      throw DomainError.conflict(RoadmapErrorCode.RoadmapExists, `A roadmap for ${dto.year} already exists`);
    return this.db.transaction(async (tx) => {
      const id = await this.roadmaps.insertRoadmap(tx, dto.year, dto.axes);
      const roadmap = await this.roadmapDto((await this.roadmaps.roadmapOfYear(dto.year, tx))!, tx);
      await this.audit.record(tx, actor, {
        action: 'roadmap.create',
        entityType: 'roadmap',
        entityId: id,
        after: roadmap,
      });
      return roadmap;
    });
  }

  async get(actor: Actor, year: number): Promise<RoadmapDto> {
    assertInternalReader(actor);
    return this.roadmapDto(await this.existingRoadmap(year));
  }

  /** draft → submitted → validated (by a decision of the commission, whose id is kept). */
  async transition(actor: Actor, year: number, dto: RoadmapTransitionDto): Promise<RoadmapDto> {
    if (!hasRole(actor, ...ROADMAP_TRANSITION_ROLES[dto.to]))
      throw DomainError.forbidden(`Your role cannot move the roadmap to ${dto.to}`);
    if (dto.to === 'validated' && !dto.decisionId)
      throw DomainError.invalid(
        RoadmapErrorCode.RoadmapDecisionRequired,
        'decisionId: the commission decision that validates the roadmap',
      );
    return this.db.transaction(async (tx) => {
      const roadmap = await this.lockedRoadmap(tx, year);
      if (!ROADMAP_TRANSITIONS[roadmap.status].includes(dto.to)) {
        throw DomainError.forbiddenTransition(
          RoadmapErrorCode.RoadmapTransitionForbidden,
          roadmap.status,
          dto.to,
          ROADMAP_TRANSITIONS[roadmap.status],
        );
      }
      const decisionId = dto.to === 'validated' ? dto.decisionId! : null;
      await this.roadmaps.setStatus(tx, roadmap.id, dto.to, decisionId);
      await this.audit.record(tx, actor, {
        action: 'roadmap.transition',
        entityType: 'roadmap',
        entityId: roadmap.id,
        before: { status: roadmap.status },
        after: { status: dto.to, decisionId },
      });
      return this.roadmapDto((await this.roadmaps.roadmapOfYear(year, tx))!, tx);
    });
  }

  /** Changes the axes; once the commission validated the roadmap they are frozen (409). */
  async setAxes(actor: Actor, year: number, dto: SetAxesDto): Promise<RoadmapDto> {
    assertMission(actor);
    return this.db.transaction(async (tx) => {
      const roadmap = await this.lockedRoadmap(tx, year);
      if (roadmap.status === 'validated')
        throw DomainError.conflict(RoadmapErrorCode.RoadmapFrozen, 'The roadmap is validated: its axes are frozen');
      const before = await this.roadmaps.axes(roadmap.id, tx);
      await this.roadmaps.replaceAxes(tx, roadmap.id, dto.axes);
      const after = await this.roadmapDto(roadmap, tx);
      await this.audit.record(tx, actor, {
        action: 'roadmap.set_axes',
        entityType: 'roadmap',
        entityId: roadmap.id,
        before,
        after: after.axes,
      });
      return after;
    });
  }

  /** Progress per axis and per department (rule: `rollUp`), a region-wide action counting for every department. */
  async progress(actor: Actor, year: number): Promise<RoadmapProgressDto> {
    assertInternalReader(actor);
    const roadmap = await this.existingRoadmap(year);
    const [axes, actions, departments] = await Promise.all([
      this.roadmaps.axes(roadmap.id),
      this.roadmaps.actionsOfYear(year),
      this.territory.departments(),
    ]);
    return {
      year,
      byAxis: axes.map((a) => ({
        key: a.code,
        label: a.label,
        ...rollUp(actions.filter((x) => x.axisCode === a.code)),
      })),
      byDepartment: departments.map((d) => ({
        key: d.code,
        label: d.name,
        ...rollUp(actions.filter((x) => x.departmentCodes.length === 0 || x.departmentCodes.includes(d.code))),
      })),
    };
  }

  /** Unfinished actions without any update for 90 days. */
  async staleActions(actor: Actor, year: number): Promise<Page<ActionDto>> {
    assertInternalReader(actor);
    await this.existingRoadmap(year);
    const rows = await this.roadmaps.staleActions(year, staleBefore(new Date()));
    return { items: await this.actionDtos(actor, rows), total: rows.length };
  }

  async addAction(actor: Actor, year: number, dto: CreateActionDto): Promise<ActionDto> {
    assertMission(actor);
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
    assertCanAssignDepartments(actor, 'departmentCodes', dto.departmentCodes);
    if (contract) assertInContractDepartment(dto.departmentCodes, contract.departmentCode);
    await this.territory.assertDepartmentsExist('departmentCodes', dto.departmentCodes);
    if (dto.startsOn && dto.endsOn && dto.endsOn < dto.startsOn) {
      throw DomainError.invalid(RoadmapErrorCode.ActionDates, 'endsOn: before startsOn');
    }
    const { departmentCodes, indicators, ...fields } = dto;
    const id = await this.db.transaction(async (tx) => {
      const actionId = await this.roadmaps.insertAction(
        tx,
        { ...owner, ...fields, description: fields.description ?? null, targetPublics: fields.targetPublics ?? [] },
        [...departmentCodes].sort(),
        indicators ?? [],
      );
      await this.audit.record(tx, actor, {
        action: 'action.create',
        entityType: 'action',
        entityId: actionId,
        after: { ...context, ...dto },
      });
      return actionId;
    });
    return this.getAction(actor, id);
  }

  async listActions(actor: Actor, query: ActionQueryDto): Promise<Page<ActionDto>> {
    assertInternalReader(actor);
    const { attentionFirst, ...filter } = query;
    const now = new Date();
    const attention = attentionFirst ? { today: parisDay(now), staleBefore: staleBefore(now) } : undefined;
    const [rows, total] = await this.roadmaps.listActions({ ...filter, attention });
    return { items: await this.actionDtos(actor, rows), total };
  }

  async getAction(actor: Actor, id: string): Promise<ActionDto> {
    assertInternalReader(actor);
    return (await this.actionDtos(actor, [await this.existingAction(id)]))[0];
  }

  /** The actions as the caller sees them: indicators, what needs attention, whether it may update them. */
  private async actionDtos(actor: Actor, rows: ActionRow[]): Promise<ActionDto[]> {
    const indicators = await this.roadmaps.indicators(rows.map((r) => r.id));
    const now = new Date();
    return rows.map((r) => ({
      ...toActionDto(
        r,
        indicators.filter((i) => i.actionId === r.id),
      ),
      ...attentionOf({ ...r, lastUpdatedAt: new Date(r.lastUpdatedAt) }, parisDay(now), now),
      canUpdate: canUpdate(actor, r),
    }));
  }

  /**
   * A referent's (or the mission's) update. Conditional on the version read: of concurrent updates
   * with the same version exactly one is accepted, the others get 409 and write nothing.
   */
  async updateAction(actor: Actor, id: string, dto: UpdateActionDto): Promise<ActionDto> {
    const current = await this.existingAction(id);
    assertCanUpdate(actor, current);
    const indicators = await this.roadmaps.indicators([id]);
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
    await this.db.transaction(async (tx) => {
      const next = {
        status: dto.status ?? current.status,
        progressPercent: dto.progressPercent ?? current.progressPercent,
      };
      if (!(await this.roadmaps.updateAction(tx, id, dto.version, next)))
        throw DomainError.staleVersion(RoadmapErrorCode.ActionStaleVersion);
      for (const v of dto.indicators ?? []) await this.roadmaps.setIndicatorValue(tx, id, v.id, v.value);
      await this.roadmaps.insertUpdate(tx, { actionId: id, actorId: actor.id, changes, comment: dto.comment ?? null });
      await this.audit.record(tx, actor, {
        action: 'action.update',
        entityType: 'action',
        entityId: id,
        before: { status: current.status, progressPercent: current.progressPercent, version: dto.version },
        after: { ...next, version: dto.version + 1, comment: dto.comment ?? null, indicators: dto.indicators ?? [] },
      });
    });
    return this.getAction(actor, id);
  }

  /** The projects and contracts that carry the action (the mission sets them); unknown ids → 400. */
  async setLinks(actor: Actor, id: string, dto: SetActionLinksDto): Promise<ActionLinksDto> {
    assertMission(actor);
    await this.existingAction(id);
    return this.db.transaction(async (tx) => {
      const before = await this.roadmaps.links(id, tx);
      await this.roadmaps.replaceLinks(tx, id, dto.projectIds, dto.contractIds);
      const after = { actionId: id, ...(await this.roadmaps.links(id, tx)) };
      await this.audit.record(tx, actor, {
        action: 'action.set_links',
        entityType: 'action',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async linksOf(actor: Actor, id: string): Promise<ActionLinksDto> {
    assertInternalReader(actor);
    await this.existingAction(id);
    return { actionId: id, ...(await this.roadmaps.links(id)) };
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
        results.push({ line: row.line, actionId: row.id, ok: false, error: row.error });
        continue;
      }
      try {
        const action = await this.updateAction(actor, row.id, row.update);
        results.push({ line: row.line, actionId: row.id, ok: true, version: action.version });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ line: row.line, actionId: row.id, ok: false, error: error.message });
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
    assertInternalReader(actor);
    await this.existingAction(id);
    const [rows, total] = await this.roadmaps.updates(id, page.limit, page.offset);
    return { items: rows.map((u) => ({ ...u, id: Number(u.id), at: new Date(u.at).toISOString() })), total };
  }

  private async roadmapDto(roadmap: RoadmapRow, tx?: Tx): Promise<RoadmapDto> {
    return {
      id: roadmap.id,
      year: roadmap.year,
      status: roadmap.status,
      validatedByDecisionId: roadmap.validatedByDecisionId,
      version: roadmap.version,
      axes: await this.roadmaps.axes(roadmap.id, tx),
    };
  }

  private async lockedRoadmap(tx: Tx, year: number): Promise<RoadmapRow> {
    const roadmap = await this.roadmaps.lockRoadmap(tx, year);
    if (!roadmap) throw DomainError.notFound(RoadmapErrorCode.RoadmapNotFound, String(year));
    return roadmap;
  }

  private async existingRoadmap(year: number): Promise<RoadmapRow> {
    const roadmap = await this.roadmaps.roadmapOfYear(year);
    if (!roadmap) throw DomainError.notFound(RoadmapErrorCode.RoadmapNotFound, String(year));
    return roadmap;
  }

  private async existingAction(id: string): Promise<ActionRow> {
    const action = await this.roadmaps.findAction(id);
    if (!action) throw DomainError.notFound(RoadmapErrorCode.ActionNotFound, id);
    return action;
  }
}

function assertMission(actor: Actor): void {
  if (!hasRole(actor, 'regional_delegate', 'mission_officer'))
    throw DomainError.forbidden('Seule la mission édite la feuille de route');
}

/** The mission updates any action; a referent only those of its departments (region-wide ones are the mission's). */
function canUpdate(actor: Actor, action: ActionRow): boolean {
  if (hasRole(actor, 'regional_delegate', 'mission_officer')) return true;
  return (
    action.departmentCodes.length > 0 &&
    hasRole(actor, 'departmental_referent') &&
    canActOnDepartments(actor, action.departmentCodes)
  );
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

function assertCanUpdate(actor: Actor, action: ActionRow): void {
  if (!canUpdate(actor, action)) throw DomainError.forbidden('Cette action ne concerne pas vos départements');
}

function toActionDto(
  a: ActionRow,
  indicators: Omit<IndicatorRow, 'actionId'>[],
): Omit<ActionDto, 'overdue' | 'stale' | 'canUpdate'> {
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
