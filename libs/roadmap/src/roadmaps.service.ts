import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, DecisionLinks, DomainError, found, Tx } from '@app/core';
import { TerritoryService } from '@app/territory';
import { ActionsRepository } from './actions.repository';
import {
  CreateRoadmapDto,
  RoadmapDto,
  RoadmapDecisionPageDto,
  RoadmapProgressDto,
  RoadmapTransitionDto,
  RoadmapYearPageDto,
  SetAxesDto,
} from './dto/roadmap.dto';
import { rollUpTallies } from './progress';
import { validationRefusal } from './roadmap-validation';
import { ROADMAP_LIFECYCLE } from './roadmap.constants';
import { RoadmapErrorCode } from './roadmap.errors';
import { assertMayReadRoadmap, roadmapAbilities, roadmapPolicy } from './roadmap.policy';
import { RoadmapRow, RoadmapsRepository } from './roadmaps.repository';

/** The roadmap as stored: what the audit trail records, without what the caller may do with it. */
type RoadmapView = Omit<RoadmapDto, keyof ReturnType<typeof roadmapAbilities>>;

/** The yearly roadmap: its axes, its lifecycle (draft → submitted → validated) and its progress. */
@Injectable()
export class RoadmapsService {
  constructor(
    private readonly roadmaps: RoadmapsRepository,
    private readonly actions: ActionsRepository,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly links: DecisionLinks,
  ) {}

  async create(actor: Actor, dto: CreateRoadmapDto): Promise<RoadmapDto> {
    roadmapPolicy.assert(actor, 'edit');
    const codes = dto.axes.map((a) => a.code);
    const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
    if (repeated) throw DomainError.invalid(RoadmapErrorCode.RoadmapAxisRepeated, `axes: code ${repeated} is repeated`);
    if (await this.roadmaps.roadmapOfYear(dto.year))
      throw DomainError.conflict(RoadmapErrorCode.RoadmapExists, `A roadmap for ${dto.year} already exists`);
    const roadmap = await this.audit.write(actor, async (tx) => {
      const id = await this.roadmaps.insertRoadmap(tx, dto.year, dto.axes);
      const created = await this.view((await this.roadmaps.roadmapOfYear(dto.year, tx))!, tx);
      return {
        result: created,
        audit: { action: 'roadmap.create', entityType: 'roadmap', entityId: id, after: created },
      };
    });
    return forCaller(actor, roadmap);
  }

  /** The years that have a roadmap, the latest first: what to pick from (a year without one is a 404 on `get`). */
  async years(actor: Actor): Promise<RoadmapYearPageDto> {
    assertMayReadRoadmap(actor);
    const items = await this.roadmaps.years();
    return { items, total: items.length };
  }

  async get(actor: Actor, year: number): Promise<RoadmapDto> {
    assertMayReadRoadmap(actor);
    return forCaller(actor, await this.view(await this.existing(year)));
  }

  /**
   * draft → submitted → validated, by an adopted decision of the plenary assembly about this roadmap
   * (`validationRefusal`), whose id is kept.
   */
  async transition(actor: Actor, year: number, dto: RoadmapTransitionDto): Promise<RoadmapDto> {
    ROADMAP_LIFECYCLE.assertMayMoveTo(actor, dto.to, `Your role cannot move the roadmap to ${dto.to}`);
    if (dto.to === 'validated' && !dto.decisionId)
      throw DomainError.invalid(
        RoadmapErrorCode.RoadmapDecisionRequired,
        'decisionId: the commission decision that validates the roadmap',
      );
    const roadmap = await this.audit.write(actor, async (tx) => {
      const current = await this.locked(tx, year);
      ROADMAP_LIFECYCLE.assertMove(actor, current.status, dto.to, {
        transition: RoadmapErrorCode.RoadmapTransitionForbidden,
      });
      const decisionId = dto.to === 'validated' ? dto.decisionId! : null;
      if (decisionId) {
        const refusal = validationRefusal(await this.links.decisions().find(decisionId, tx), current.id);
        if (refusal) throw refusal;
      }
      await this.roadmaps.setStatus(tx, current.id, dto.to, decisionId);
      return {
        result: await this.view((await this.roadmaps.roadmapOfYear(year, tx))!, tx),
        audit: {
          action: 'roadmap.transition',
          entityType: 'roadmap',
          entityId: current.id,
          before: { status: current.status },
          after: { status: dto.to, decisionId },
        },
      };
    });
    return forCaller(actor, roadmap);
  }

  /** The decisions that may validate the roadmap, latest first: what the delegate picks from to validate it. */
  async eligibleDecisions(actor: Actor, year: number): Promise<RoadmapDecisionPageDto> {
    ROADMAP_LIFECYCLE.assertMayMoveTo(actor, 'validated', 'Your role cannot validate the roadmap');
    const roadmap = await this.existing(year);
    const decisions = await this.links.decisions().about('roadmap', roadmap.id);
    const items = decisions
      .filter((d) => validationRefusal(d, roadmap.id) === null)
      .map(({ id, title, meetingId, meetingStartsAt, bodyName, votesFor, votesAgainst, abstentions }) => ({
        id,
        title,
        meetingId,
        meetingStartsAt,
        bodyName,
        votesFor,
        votesAgainst,
        abstentions,
      }));
    return { items, total: items.length };
  }

  /** Changes the axes; once the commission validated the roadmap they are frozen (409). */
  async setAxes(actor: Actor, year: number, dto: SetAxesDto): Promise<RoadmapDto> {
    roadmapPolicy.assert(actor, 'edit');
    const roadmap = await this.audit.write(actor, async (tx) => {
      const current = await this.locked(tx, year);
      if (current.status === 'validated')
        throw DomainError.conflict(RoadmapErrorCode.RoadmapFrozen, 'The roadmap is validated: its axes are frozen');
      const before = await this.roadmaps.axes(current.id, tx);
      await this.roadmaps.replaceAxes(tx, current.id, dto.axes);
      const after = await this.view(current, tx);
      return {
        result: after,
        audit: { action: 'roadmap.set_axes', entityType: 'roadmap', entityId: current.id, before, after: after.axes },
      };
    });
    return forCaller(actor, roadmap);
  }

  /** Progress per axis and per department (rule: `rollUp`), a region-wide action counting for every department. */
  async progress(actor: Actor, year: number): Promise<RoadmapProgressDto> {
    assertMayReadRoadmap(actor);
    const roadmap = await this.existing(year);
    const [axes, tallies, departments] = await Promise.all([
      this.roadmaps.axes(roadmap.id),
      this.actions.progressTallies(year),
      this.territory.departments(),
    ]);
    return {
      year,
      byAxis: axes.map((a) => ({
        key: a.code,
        label: a.label,
        ...rollUpTallies(tallies.filter((t) => t.axisCode === a.code)),
      })),
      byDepartment: departments.map((d) => ({
        key: d.code,
        label: d.name,
        ...rollUpTallies(tallies.filter((t) => t.departmentCodes.length === 0 || t.departmentCodes.includes(d.code))),
      })),
    };
  }

  private async view(roadmap: RoadmapRow, tx?: Tx): Promise<RoadmapView> {
    return {
      id: roadmap.id,
      year: roadmap.year,
      status: roadmap.status,
      validatedByDecisionId: roadmap.validatedByDecisionId,
      version: roadmap.version,
      axes: await this.roadmaps.axes(roadmap.id, tx),
    };
  }

  private async locked(tx: Tx, year: number): Promise<RoadmapRow> {
    return found(await this.roadmaps.lockRoadmap(tx, year), RoadmapErrorCode.RoadmapNotFound, String(year));
  }

  private async existing(year: number): Promise<RoadmapRow> {
    return found(await this.roadmaps.roadmapOfYear(year), RoadmapErrorCode.RoadmapNotFound, String(year));
  }
}

const forCaller = (actor: Actor, roadmap: RoadmapView): RoadmapDto => ({
  ...roadmap,
  ...roadmapAbilities(actor, roadmap.status),
});
