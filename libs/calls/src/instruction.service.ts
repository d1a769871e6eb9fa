import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Actor, Page, PageQueryDto, centsFromDb, Database, DomainError, found, Tx } from '@app/core';
import { OPINION_OPEN_STATUSES } from './calls.constants';
import { assertMayScore, assertReviewer, callsPolicy } from './calls.policy';
import { CallsRepository } from './calls.repository';
import {
  CreateNoteDto,
  CriterionInputDto,
  DecisionContextDto,
  LabelsDto,
  NoteDto,
  ProjectScoreDto,
  RankingDto,
  ScoreProjectDto,
  SetLabelsDto,
} from './dto/instruction.dto';
import { FundingRepository } from './funding.repository';
import { CriterionRow, InstructionRepository, NoteRow, ScoreRow } from './instruction.repository';
import { ProjectRow, ProjectsRepository } from './projects.repository';
import { rankAgainstEnvelope, totalScore } from './ranking';
import { CallsErrorCode } from './calls.errors';
import type { CallEntity } from './entities/call.entity';

/** Instruction of applications: criteria and scores, ranking against the live envelope, notes and labels. */
@Injectable()
export class InstructionService {
  constructor(
    private readonly db: Database,
    private readonly instruction: InstructionRepository,
    private readonly projects: ProjectsRepository,
    private readonly calls: CallsRepository,
    private readonly funding: FundingRepository,
    private readonly audit: AuditService,
  ) {}

  /** Replaces the call's scoring criteria; refused once scoring has started. */
  async setCriteria(actor: Actor, callId: string, criteria: CriterionInputDto[]): Promise<CriterionRow[]> {
    callsPolicy.assert(actor, 'enter');
    assertUniqueCodes(criteria);
    return this.audit.write(actor, async (tx) => {
      if (!(await this.calls.lock(tx, callId))) throw DomainError.notFound(CallsErrorCode.CallNotFound, callId);
      if (await this.instruction.hasScores(tx, callId)) {
        throw DomainError.conflict(
          CallsErrorCode.CallScoringStarted,
          'Projects have been scored against these criteria: they can no longer change',
        );
      }
      const before = await this.instruction.criteria(callId, tx);
      await this.instruction.replaceCriteria(tx, callId, criteria);
      return {
        result: criteria.map(({ code, label, weight }) => ({ code, label, weight })),
        audit: { action: 'call.set_criteria', entityType: 'call', entityId: callId, before, after: criteria },
      };
    });
  }

  /** Criteria given with a new call, inside the transaction that creates it. */
  async replaceCriteriaOfNewCall(tx: Tx, callId: string, criteria: CriterionInputDto[]): Promise<void> {
    await this.instruction.replaceCriteria(tx, callId, criteria);
  }

  criteriaOf(callId: string, tx?: Tx): Promise<CriterionRow[]> {
    return this.instruction.criteria(callId, tx);
  }

  /** The criteria of each of these calls, in one statement. */
  criteriaOfCalls(callIds: string[]): Promise<Map<string, CriterionRow[]>> {
    return this.instruction.criteriaOfCalls(callIds);
  }

  /** A mission officer's scores on a project under instruction; scoring again replaces them. */
  async score(actor: Actor, projectId: string, dto: ScoreProjectDto): Promise<ProjectScoreDto> {
    assertMayScore(actor);
    await this.audit.write(actor, async (tx) => {
      const project = await this.lockedProject(tx, projectId);
      if (!OPINION_OPEN_STATUSES.includes(project.status)) {
        throw DomainError.conflict(CallsErrorCode.ProjectScoringClosed, `No scoring on a project ${project.status}`);
      }
      const known = new Set((await this.instruction.criteria(project.callId, tx)).map((c) => c.code));
      const unknown = dto.scores.filter((s) => !known.has(s.criterion)).map((s) => s.criterion);
      if (unknown.length > 0)
        throw DomainError.invalid(
          CallsErrorCode.ProjectUnknownCriterion,
          `scores: unknown criterion ${unknown.join(', ')}`,
        );
      await this.instruction.upsertScores(tx, projectId, project.callId, actor.id!, dto.scores);
      return {
        result: undefined,
        audit: { action: 'project.score', entityType: 'project', entityId: projectId, after: dto.scores },
      };
    });
    return this.scoreOf(actor, projectId);
  }

  async scoreOf(actor: Actor, projectId: string): Promise<ProjectScoreDto> {
    callsPolicy.assert(actor, 'read');
    const project = await this.existingProject(projectId);
    return scoreDto(
      projectId,
      await this.instruction.criteria(project.callId),
      await this.instruction.scoresOf([projectId]),
    );
  }

  /**
   * The projects under review, best score first, with the cumulative requested amount and whether each
   * still fits in what remains of the call's envelope and of its axis's envelope.
   */
  /** The whole ranking is computed (cumulative amounts run over it), then the `page` asked for is sent. */
  async ranking(actor: Actor, callId: string, page: PageQueryDto): Promise<RankingDto> {
    callsPolicy.assert(actor, 'read');
    const call = found(await this.calls.find(callId), CallsErrorCode.CallNotFound, callId);
    const { ranking } = await this.rankingOf(callId, call.envelopeCents);
    return { ...ranking, items: ranking.items.slice(page.offset, page.offset + page.limit) };
  }

  /**
   * What the delegate reads before deciding on `project` (already read under the caller's rights): the
   * call's and the axis's envelopes now and once its requested amount is granted, its score and rank.
   */
  async decisionContext(
    project: ProjectRow,
    hasActiveGrant: boolean,
    /** The project's call when the caller has read it already. */
    read?: CallEntity | null,
  ): Promise<DecisionContextDto> {
    const call = found(read ?? (await this.calls.find(project.callId)), CallsErrorCode.CallNotFound, project.callId);
    const { ranking, remainingByAxis, axes, scores, criteria } = await this.rankingOf(
      project.callId,
      call.envelopeCents,
    );
    const line = ranking.items.find((l) => l.projectId === project.id);
    const amountCents = hasActiveGrant ? 0 : centsFromDb(project.requestedCents);
    const axis = axes.find((a) => a.code === project.axisCode);
    const axisRemaining = remainingByAxis.get(project.axisCode) ?? null;
    return {
      callEnvelopeCents: call.envelopeCents,
      callRemainingCents: ranking.remainingCents,
      callRemainingAfterCents: ranking.remainingCents - amountCents,
      amountCents,
      axisCode: project.axisCode,
      axisLabel: axis?.label ?? project.axisCode,
      axisEnvelopeCents: axis?.envelopeCents ?? null,
      axisRemainingCents: axisRemaining,
      axisRemainingAfterCents: axisRemaining === null ? null : axisRemaining - amountCents,
      weightedScore:
        line?.score ??
        scoreDto(
          project.id,
          criteria,
          scores.filter((s) => s.projectId === project.id),
        ).total,
      rank: line?.rank ?? null,
      rankedCount: ranking.total,
      withinEnvelope: line ? line.withinEnvelope && line.withinAxisEnvelope : null,
    };
  }

  /** The weighted score of each of these projects (already read under the caller's rights); null when unscored. */
  async weightedScores(projects: ProjectRow[]): Promise<Map<string, number | null>> {
    const [criteriaOf, scores] = await Promise.all([
      this.instruction.criteriaOfCalls([...new Set(projects.map((p) => p.callId))]),
      this.instruction.scoresOf(projects.map((p) => p.id)),
    ]);
    // The total only, each project's scores picked once: a list page needs no per-reviewer detail (the
    // full score of every row was most of the page's allocations).
    const byProject = new Map<string, ScoreRow[]>();
    for (const s of scores) {
      const own = byProject.get(s.projectId);
      if (own) own.push(s);
      else byProject.set(s.projectId, [s]);
    }
    return new Map(
      projects.map((p) => [p.id, weightedTotal(criteriaOf.get(p.callId) ?? [], byProject.get(p.id) ?? [])]),
    );
  }

  private async rankingOf(callId: string, envelopeCents: number) {
    const [axes, criteria, [projects], committedByAxis] = await Promise.all([
      this.calls.axes(callId),
      this.instruction.criteria(callId),
      this.projects.list({ callId, status: 'under_review', limit: 10_000, offset: 0 }),
      this.funding.committedByAxis(callId),
    ]);
    const committed = [...committedByAxis.values()].reduce((sum, cents) => sum + cents, 0);
    const scores = await this.instruction.scoresOf(projects.map((p) => p.id));
    const remainingByAxis = new Map<string, number | null>(
      axes.map((axis) => [
        axis.code,
        axis.envelopeCents === null ? null : axis.envelopeCents - (committedByAxis.get(axis.code) ?? 0),
      ]),
    );
    const titles = new Map(projects.map((p) => [p.id, p.title]));
    const lines = rankAgainstEnvelope(
      projects.map((p) => ({
        projectId: p.id,
        axisCode: p.axisCode,
        score: scoreDto(
          p.id,
          criteria,
          scores.filter((s) => s.projectId === p.id),
        ).total,
        requestedCents: centsFromDb(p.requestedCents),
        createdAt: p.createdAt.toISOString(),
      })),
      envelopeCents - committed,
      remainingByAxis,
    );
    const ranking: RankingDto = {
      callId,
      envelopeCents,
      committedCents: committed,
      remainingCents: envelopeCents - committed,
      axes: axes.map((axis) => ({
        code: axis.code,
        label: axis.label,
        envelopeCents: axis.envelopeCents,
        committedCents: committedByAxis.get(axis.code) ?? 0,
        remainingCents: remainingByAxis.get(axis.code) ?? null,
      })),
      items: lines.map(({ createdAt: _createdAt, ...line }) => ({ ...line, title: titles.get(line.projectId) ?? '' })),
      total: lines.length,
    };
    return { ranking, remainingByAxis, axes, scores, criteria };
  }

  /** Notes for reviewers only (the team and the project's referents); never shown to a holder. */
  async addNote(actor: Actor, projectId: string, dto: CreateNoteDto): Promise<NoteDto> {
    assertReviewer(actor, await this.existingProject(projectId));
    return this.audit.write(actor, async (tx) => {
      const note = toNoteDto(await this.instruction.insertNote(tx, { projectId, authorId: actor.id, text: dto.text }));
      return {
        result: note,
        audit: { action: 'project.note', entityType: 'project', entityId: projectId, after: note },
      };
    });
  }

  async notes(actor: Actor, projectId: string): Promise<Page<NoteDto>> {
    assertReviewer(actor, await this.existingProject(projectId));
    const rows = await this.instruction.notes(projectId);
    return { items: rows.map(toNoteDto), total: rows.length };
  }

  async setLabels(actor: Actor, projectId: string, dto: SetLabelsDto): Promise<LabelsDto> {
    assertReviewer(actor, await this.existingProject(projectId));
    return this.audit.write(actor, async (tx) => {
      const before = await this.instruction.labels(projectId, tx);
      const labels = [...dto.labels].map((l) => l.trim()).sort();
      await this.instruction.replaceLabels(tx, projectId, labels);
      return {
        result: { projectId, labels },
        audit: { action: 'project.labels', entityType: 'project', entityId: projectId, before, after: labels },
      };
    });
  }

  async labels(actor: Actor, projectId: string): Promise<LabelsDto> {
    callsPolicy.assert(actor, 'read');
    await this.existingProject(projectId);
    return { projectId, labels: await this.instruction.labels(projectId) };
  }

  private async existingProject(id: string): Promise<ProjectRow> {
    const project = found(await this.projects.find(id), CallsErrorCode.ProjectNotFound, id);
    return project;
  }

  private async lockedProject(tx: Tx, id: string): Promise<ProjectRow> {
    const project = found(await this.projects.lock(tx, id), CallsErrorCode.ProjectNotFound, id);
    return project;
  }
}

export function assertUniqueCodes(criteria: { code: string }[]): void {
  const codes = criteria.map((c) => c.code);
  const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
  if (repeated)
    throw DomainError.invalid(CallsErrorCode.CallCriterionRepeated, `criteria: code ${repeated} is repeated`);
}

/** A project's weighted score from its reviewers' scores (null when unscored), as scoreDto's total. */
function weightedTotal(criteria: CriterionRow[], scores: ScoreRow[]): number | null {
  return totalScore(
    criteria.map((c) => ({
      weight: c.weight,
      scores: scores.filter((s) => s.criterionCode === c.code).map((s) => s.score),
    })),
  );
}

function scoreDto(projectId: string, criteria: CriterionRow[], scores: ScoreRow[]): ProjectScoreDto {
  const perCriterion = criteria.map((c) => {
    const values = scores.filter((s) => s.criterionCode === c.code).map((s) => s.score);
    return { criterion: c.code, label: c.label, weight: c.weight, values };
  });
  const reviewers = [...new Map(scores.map((s) => [s.reviewerId, s.reviewerName])).entries()];
  return {
    projectId,
    total: totalScore(perCriterion.map((c) => ({ weight: c.weight, scores: c.values }))),
    complete: perCriterion.length > 0 && perCriterion.every((c) => c.values.length > 0),
    criteria: perCriterion.map((c) => ({
      criterion: c.criterion,
      label: c.label,
      weight: c.weight,
      mean:
        c.values.length > 0 ? Math.round((c.values.reduce((a, b) => a + b, 0) / c.values.length) * 100) / 100 : null,
      reviewers: c.values.length,
    })),
    reviews: reviewers.map(([reviewerId, reviewerName]) => {
      const own = criteria.map((c) => ({
        criterion: c.code,
        weight: c.weight,
        score: scores.find((s) => s.reviewerId === reviewerId && s.criterionCode === c.code)?.score ?? null,
      }));
      return {
        reviewerId,
        reviewerName,
        scores: own.map(({ criterion, score }) => ({ criterion, score })),
        total: totalScore(own.map((c) => ({ weight: c.weight, scores: c.score === null ? [] : [c.score] }))),
      };
    }),
  };
}

function toNoteDto(n: NoteRow): NoteDto {
  return {
    id: n.id,
    projectId: n.projectId,
    authorId: n.authorId,
    text: n.text,
    createdAt: new Date(n.createdAt).toISOString(),
  };
}
