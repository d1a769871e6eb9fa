import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, Page, centsFromDb, DomainError, found, ERROR_KINDS, Tx } from '@app/core';
import { TerritoryService } from '@app/territory';
import { OPINION_OPEN_STATUSES, PROJECT_LIFECYCLE } from './calls.constants';
import {
  assertDepartmentOfProject,
  assertMayGiveOpinionFor,
  assertAcceptsApplications,
  assertMayMoveProjectTo,
  acceptsGrants,
  callsPolicy,
  canGrant,
  type ProjectRights,
  projectRights,
} from './calls.policy';
import { CallsRepository } from './calls.repository';
import {
  CreateOpinionDto,
  CreateProjectDto,
  OpinionDto,
  ProjectDetailDto,
  ProjectDto,
  ProjectListItemDto,
  ProjectQueryDto,
  TransitionDto,
} from './dto/project.dto';
import { BulkTransitionDto, BulkTransitionResponseDto, BulkTransitionResultDto } from './dto/instruction.dto';
import { OpinionEntity } from './entities/opinion.entity';
import { FollowUpRepository } from './follow-up.repository';
import { FundingService } from './funding.service';
import { InstructionService } from './instruction.service';
import { ProjectRow, ProjectsRepository } from './projects.repository';
import { CallsErrorCode } from './calls.errors';
import { declaredShares } from './department-shares';

/** Applications to a call and their instruction: lifecycle, departmental opinions. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly calls: CallsRepository,
    private readonly territory: TerritoryService,
    private readonly funding: FundingService,
    private readonly audit: AuditService,
    private readonly followUp: FollowUpRepository,
    private readonly instruction: InstructionService,
  ) {}

  async create(actor: Actor, dto: CreateProjectDto): Promise<ProjectDetailDto> {
    callsPolicy.assert(actor, 'enter');
    const call = await this.calls.find(dto.callId);
    if (!call) throw DomainError.invalid(CallsErrorCode.CallUnknown, `callId: no call ${dto.callId}`);
    assertAcceptsApplications(call);
    const axes = await this.calls.axes(call.id);
    if (!axes.some((a) => a.code === dto.axisCode)) {
      throw DomainError.invalid(
        CallsErrorCode.CallUnknownAxis,
        `axisCode: ${dto.axisCode} is not an axis of this call (${axes.map((a) => a.code).join(', ')})`,
      );
    }
    await this.territory.assertDepartmentsExist('departmentCodes', dto.departmentCodes);
    await this.territory.assertCommunesExist('communeCodes', dto.communeCodes ?? []);
    const { row, detail } = await this.audit.write(actor, async (tx) => {
      const id = await this.projects.insert(
        tx,
        {
          callId: call.id,
          axisCode: dto.axisCode,
          title: dto.title,
          summary: dto.summary ?? null,
          holderName: dto.holder.name,
          holderKind: dto.holder.kind,
          holderSiret: dto.holder.siret ?? null,
          targetPublics: dto.targetPublics,
          levers: [...dto.levers].sort(),
          requestedCents: dto.requestedCents,
          participation: dto.participation ?? 'none',
        },
        [...dto.departmentCodes].sort(),
        dto.communeCodes ?? [],
      );
      await this.followUp.replaceBudgetLines(tx, id, dto.budgetLines ?? []);
      const row = (await this.projects.find(id, tx))!;
      const project = toProjectFacts(row);
      return {
        result: {
          row,
          detail: {
            ...project,
            ...projectRights(actor, row),
            communeCodes: [...(dto.communeCodes ?? [])].sort(),
            budgetLines: dto.budgetLines ?? [],
            departmentShares: [],
            opinions: [],
            history: [],
            grant: null,
            canGrant: false,
          },
        },
        audit: { action: 'project.create', entityType: 'project', entityId: id, after: project },
      };
    });
    return { ...detail, decisionContext: await this.instruction.decisionContext(row, false) };
  }

  /** A page of projects, each with its departments' latest opinions and its weighted score. */
  async list(actor: Actor, query: ProjectQueryDto): Promise<Page<ProjectListItemDto>> {
    callsPolicy.assert(actor, 'read');
    const [rows, total] = await this.projects.list(
      query.mine ? { ...query, departmentCodes: actor.departmentCodes } : query,
    );
    return { items: await this.listItems(actor, rows), total };
  }

  /** Rows of a project list as this reader sees them, with opinions and scores read for all rows at once. */
  async listItems(actor: Actor, rows: ProjectRow[]): Promise<ProjectListItemDto[]> {
    const [opinions, scores] = await Promise.all([
      this.projects.latestOpinions(rows.map((r) => r.id)),
      this.instruction.weightedScores(rows),
    ]);
    // Keyed, not searched: a find per department over every opinion grows with the square of the list.
    const opinionOf = new Map(opinions.map((o) => [`${o.projectId}/${o.departmentCode}`, o.opinion]));
    return rows.map((row) => {
      const project = toProjectDto(row, actor);
      return {
        ...project,
        opinionsByDepartment: project.departmentCodes.map((departmentCode) => ({
          departmentCode,
          opinion: opinionOf.get(`${row.id}/${departmentCode}`) ?? null,
        })),
        weightedScore: scores.get(row.id) ?? null,
      };
    });
  }

  async get(actor: Actor, id: string): Promise<ProjectDetailDto> {
    callsPolicy.assert(actor, 'read');
    const row = await this.existing(id);
    const [communeCodes, budgetLines, shares, opinions, history, grant, call] = await Promise.all([
      this.projects.communes(id),
      this.followUp.budgetLines(id),
      this.projects.departmentShares(id),
      this.projects.opinions(id),
      this.projects.history(id),
      this.funding.grantOfProject(actor, id),
      this.calls.find(row.callId),
    ]);
    return {
      ...toProjectDto(row, actor),
      communeCodes,
      budgetLines: budgetLines.map((l) => ({ label: l.label, amountCents: centsFromDb(l.amountCents) })),
      departmentShares: declaredShares(shares),
      opinions: opinions.map(toOpinionDto),
      history: history.map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        comment: h.comment,
        actorId: h.actorId,
        at: h.at.toISOString(),
      })),
      grant,
      canGrant: canGrant(actor, row, grant !== null) && call !== null && acceptsGrants(call),
      decisionContext: await this.instruction.decisionContext(row, grant?.status === 'active', call),
    };
  }

  /**
   * One move of the lifecycle: 403 for a role that never makes it (before anything is read), 409
   * naming the allowed moves, 403 for the wrong role on this move, 400 without a required comment.
   */
  async transition(actor: Actor, id: string, dto: TransitionDto): Promise<ProjectDetailDto> {
    assertMayMoveProjectTo(actor, dto.to);
    await this.audit.write(actor, async (tx) => {
      const before = await this.locked(tx, id);
      PROJECT_LIFECYCLE.assertMove(
        actor,
        before.status,
        dto.to,
        { transition: CallsErrorCode.ProjectTransitionForbidden, comment: CallsErrorCode.ProjectCommentRequired },
        dto.comment,
      );
      if (dto.version !== undefined && dto.version !== before.version)
        throw DomainError.staleVersion(CallsErrorCode.ProjectStaleVersion);
      // A first submission is a new application; a corrected one (returned for changes) is not.
      if (before.status === 'draft' && dto.to === 'submitted')
        assertAcceptsApplications((await this.calls.lock(tx, before.callId))!);
      if (!(await this.projects.setStatus(tx, id, before.status, dto.to, before.version)))
        throw DomainError.staleVersion(CallsErrorCode.ProjectStaleVersion);
      await this.projects.insertTransition(tx, {
        projectId: id,
        fromStatus: before.status,
        toStatus: dto.to,
        comment: dto.comment ?? null,
        actorId: actor.id,
      });
      return {
        result: undefined,
        audit: {
          action: 'project.transition',
          entityType: 'project',
          entityId: id,
          before: { status: before.status, version: before.version },
          after: { status: dto.to, version: before.version + 1, comment: dto.comment ?? null },
        },
      };
    });
    return this.get(actor, id);
  }

  /**
   * The same move for many projects (e.g. 40 to under_review after the closing date): each project
   * moves in its own transaction, and the answer says, project by project, what happened.
   */
  async bulkTransition(actor: Actor, dto: BulkTransitionDto): Promise<BulkTransitionResponseDto> {
    assertMayMoveProjectTo(actor, dto.to);
    const results: BulkTransitionResultDto[] = [];
    for (const projectId of dto.projectIds) {
      try {
        const project = await this.transition(actor, projectId, { to: dto.to, comment: dto.comment });
        results.push({ projectId, ok: true, status: project.status });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const { code, details, message } = error;
        results.push({
          projectId,
          ok: false,
          error: { statusCode: ERROR_KINDS[error.kind], message, code, ...(details && { details }) },
        });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  /** The departmental opinion: only a referent of one of the project's departments, for that department. */
  async giveOpinion(actor: Actor, id: string, dto: CreateOpinionDto): Promise<OpinionDto> {
    assertMayGiveOpinionFor(actor, dto.departmentCode);
    return this.audit.write(actor, async (tx) => {
      const project = await this.locked(tx, id);
      assertDepartmentOfProject(project, dto.departmentCode);
      if (!OPINION_OPEN_STATUSES.includes(project.status)) {
        throw DomainError.conflict(
          CallsErrorCode.ProjectOpinionClosed,
          `No opinion on a project ${project.status} (only while ${OPINION_OPEN_STATUSES.join(', ')})`,
        );
      }
      const opinion = toOpinionDto(
        await this.projects.insertOpinion(tx, {
          projectId: id,
          departmentCode: dto.departmentCode,
          opinion: dto.opinion,
          comment: dto.comment,
          authorId: actor.id,
        }),
      );
      return {
        result: opinion,
        audit: { action: 'project.opinion', entityType: 'project', entityId: id, after: opinion },
      };
    });
  }

  private async existing(id: string): Promise<ProjectRow> {
    const row = found(await this.projects.find(id), CallsErrorCode.ProjectNotFound, id);
    return row;
  }

  private async locked(tx: Tx, id: string): Promise<ProjectRow> {
    const row = found(await this.projects.lock(tx, id), CallsErrorCode.ProjectNotFound, id);
    return row;
  }
}

/** The project as it is, whoever reads it (what its audit events record). */
export function toProjectFacts(p: ProjectRow): Omit<ProjectDto, keyof ProjectRights> {
  return {
    id: p.id,
    callId: p.callId,
    axisCode: p.axisCode,
    title: p.title,
    summary: p.summary,
    holder: { name: p.holderName, kind: p.holderKind, siret: p.holderSiret },
    departmentCodes: p.departmentCodes,
    targetPublics: p.targetPublics,
    levers: p.levers,
    requestedCents: centsFromDb(p.requestedCents),
    participation: p.participation,
    status: p.status,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The project as this reader sees it: what it is, and what the reader may do with it. */
export function toProjectDto(p: ProjectRow, reader: Actor): ProjectDto {
  return { ...toProjectFacts(p), ...projectRights(reader, p) };
}

function toOpinionDto(o: OpinionEntity): OpinionDto {
  return {
    id: o.id,
    projectId: o.projectId,
    departmentCode: o.departmentCode,
    opinion: o.opinion,
    comment: o.comment,
    authorId: o.authorId,
    createdAt: o.createdAt.toISOString(),
  };
}
