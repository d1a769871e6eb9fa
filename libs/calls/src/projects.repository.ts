import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changedAny, departmentCodesOf, inAnyDepartment, Tx } from '@app/core';
import { DataSource } from 'typeorm';
import type { ParticipationLevel } from '@app/vocabulary';
import type { Opinion, ProjectStatus } from './calls.constants';
import { OpinionEntity } from './entities/opinion.entity';
import { PROJECT_DEPARTMENTS } from './project-departments';
import { ProjectCommuneEntity } from './entities/project-commune.entity';
import { ProjectDepartmentEntity } from './entities/project-department.entity';
import { ProjectEntity } from './entities/project.entity';
import { ProjectTransitionEntity } from './entities/project-transition.entity';

export interface ProjectRow {
  id: string;
  callId: string;
  axisCode: string;
  title: string;
  summary: string | null;
  holderName: string;
  holderKind: string;
  holderSiret: string | null;
  departmentCodes: string[];
  targetPublics: string[];
  levers: number[];
  requestedCents: string;
  participation: ParticipationLevel;
  status: ProjectStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The application's own fields, as an edit writes them. */
export type ApplicationFields = Pick<
  ProjectEntity,
  | 'title'
  | 'summary'
  | 'holderName'
  | 'holderKind'
  | 'holderSiret'
  | 'targetPublics'
  | 'levers'
  | 'requestedCents'
  | 'participation'
>;

/** A department of a project and its declared share (basis points; null: equal shares). */
export interface DepartmentShareRow {
  departmentCode: string;
  shareBp: number | null;
}

export interface ProjectFilter {
  callId?: string;
  departmentCode?: string;
  status?: ProjectStatus;
  axisCode?: string;
  label?: string;
  targetPublic?: string;
  /** Words found in the title or the holder's name, case-insensitively. */
  search?: string;
  /** Any of these departments (a referent's own). */
  departmentCodes?: readonly string[];
  /** Newest first (the default), or best weighted score first (unscored last). */
  sort?: 'recent' | 'score';
  limit: number;
  offset: number;
}

/** A project's weighted score in SQL, for ordering: each criterion's mean over reviewers, weighted by the call's criteria. */
const WEIGHTED_SCORE = `(SELECT sum(c.weight * m.mean) / nullif(sum(c.weight), 0)
   FROM (SELECT s.criterion_code, avg(s.score) AS mean FROM project_score s WHERE s.project_id = p.id
         GROUP BY s.criterion_code) m
   JOIN call_criterion c ON c.call_id = p.call_id AND c.code = m.criterion_code)`;

/** The columns a project list shows, departments aggregated in the same query (no N+1). */
const PROJECT_COLUMNS = `p.id, p.call_id AS "callId", p.axis_code AS "axisCode", p.title, p.summary,
  p.holder_name AS "holderName", p.holder_kind AS "holderKind", p.holder_siret AS "holderSiret",
  ${departmentCodesOf(PROJECT_DEPARTMENTS, 'p.id')} AS "departmentCodes",
  p.target_publics AS "targetPublics", p.levers, p.requested_cents AS "requestedCents", p.participation, p.status, p.version,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

/** The text searched for, matched literally: `%`, `_` and `\\` lose their LIKE meaning. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A department's projects are its rows in project_department ((project_id, department_code) is the
 * key, project_id a foreign key): counting them is an index-only scan, not a pass over every project.
 */
const COUNT_OF_DEPARTMENT = 'SELECT count(*)::int AS n FROM project_department WHERE department_code = $1';

/**
 * What puts a project on the regional team's to-do list (ProjectsRepository.awaiting). The opinion probe
 * names d.project_id (equal to p.id): keyed on the department row alone it plans as a nested-loop anti
 * join on opinion_project_department_idx, where p.id made a hashed subplan over every opinion (129,000 at
 * national volume, 3× slower).
 */
const AWAITING = {
  decision: `p.status = 'under_review' AND NOT EXISTS (
      SELECT 1 FROM project_department d WHERE d.project_id = p.id
      AND NOT EXISTS (SELECT 1 FROM opinion o WHERE o.project_id = d.project_id AND o.department_code = d.department_code))`,
  grant: `p.status = 'selected' AND NOT EXISTS (SELECT 1 FROM "grant" g WHERE g.project_id = p.id)`,
};

@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    project: Omit<ProjectEntity, 'id' | 'status' | 'version' | 'createdAt' | 'updatedAt'>,
    departmentCodes: string[],
    communeCodes: string[],
  ): Promise<string> {
    const { identifiers } = await tx.insert(ProjectEntity, project);
    const projectId = identifiers[0].id as string;
    await this.addDepartments(
      tx,
      projectId,
      departmentCodes.map((departmentCode) => ({ departmentCode, shareBp: null })),
    );
    await this.addCommunes(tx, projectId, communeCodes);
    return projectId;
  }

  private async addDepartments(tx: Tx, projectId: string, departments: DepartmentShareRow[]): Promise<void> {
    await tx.insert(
      ProjectDepartmentEntity,
      departments.map((d) => ({ projectId, ...d })),
    );
  }

  private async addCommunes(tx: Tx, projectId: string, communeCodes: string[]): Promise<void> {
    if (communeCodes.length === 0) return;
    await tx.insert(
      ProjectCommuneEntity,
      communeCodes.map((inseeCode) => ({ projectId, inseeCode })),
    );
  }

  async find(id: string, tx: Tx = this.dataSource.manager): Promise<ProjectRow | null> {
    const rows: ProjectRow[] = await tx.query(`SELECT ${PROJECT_COLUMNS} FROM project p WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The project, locked for the rest of the transaction. */
  async lock(tx: Tx, id: string): Promise<ProjectRow | null> {
    await tx.query('SELECT 1 FROM project WHERE id = $1 FOR UPDATE', [id]);
    return this.find(id, tx);
  }

  /** One query for the page and one for the count, in parallel; filters use indexed columns. */
  async list(filter: ProjectFilter): Promise<[ProjectRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.callId) add('p.call_id = ?', filter.callId);
    if (filter.status) add('p.status = ?', filter.status);
    if (filter.axisCode) add('p.axis_code = ?', filter.axisCode);
    if (filter.targetPublic) add('? = ANY (p.target_publics)', filter.targetPublic);
    if (filter.search) add(`(p.title || ' ' || p.holder_name) ILIKE ? ESCAPE '\\'`, `%${likeEscaped(filter.search)}%`);
    if (filter.label)
      add('EXISTS (SELECT 1 FROM project_label l WHERE l.project_id = p.id AND l.label = ?)', filter.label);
    if (filter.departmentCodes) add(inAnyDepartment(PROJECT_DEPARTMENTS, 'p.id', '?'), filter.departmentCodes);
    if (filter.departmentCode) add(inAnyDepartment(PROJECT_DEPARTMENTS, 'p.id', '?'), [filter.departmentCode]);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const page = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    const onlyDepartment = where.length === 1 && filter.departmentCode !== undefined;
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT ${PROJECT_COLUMNS} FROM project p ${clause}
         ORDER BY ${filter.sort === 'score' ? `${WEIGHTED_SCORE} DESC NULLS LAST, p.created_at, p.id` : 'p.created_at DESC, p.id'} ${page}`,
        [...params, filter.limit, filter.offset],
      ),
      onlyDepartment
        ? this.dataSource.query(COUNT_OF_DEPARTMENT, [filter.departmentCode])
        : this.dataSource.query(`SELECT count(*)::int AS n FROM project p ${clause}`, params),
    ]);
    return [rows, count[0].n];
  }

  /**
   * The oldest `limit` projects that wait for a decision or for a grant, with how many wait: applications
   * under review whose every department gave an opinion, or selected projects without a grant (a
   * cancelled grant counts: it was decided). The page walks project_status_updated_idx in order; the
   * count probes the covering opinion_project_department_idx, no heap.
   */
  async awaiting(which: 'decision' | 'grant', limit: number): Promise<[ProjectRow[], number]> {
    const where = AWAITING[which];
    const [rows, count]: [ProjectRow[], { n: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${PROJECT_COLUMNS} FROM project p WHERE ${where} ORDER BY p.updated_at, p.id LIMIT $1`,
        [limit],
      ),
      this.dataSource.query(`SELECT count(*)::int AS n FROM project p WHERE ${where}`),
    ]);
    return [rows, count[0].n];
  }

  /** Conditional on the version read and an editable status: false when the project changed or moved first. */
  async updateApplication(
    tx: Tx,
    id: string,
    version: number,
    editable: readonly ProjectStatus[],
    f: ApplicationFields,
  ): Promise<boolean> {
    const result = await tx.query(
      `UPDATE project SET title = $4, summary = $5, holder_name = $6, holder_kind = $7, holder_siret = $8,
         target_publics = $9, levers = $10, requested_cents = $11, participation = $12, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 AND status = ANY ($3::text[])`,
      [
        id,
        version,
        editable,
        f.title,
        f.summary,
        f.holderName,
        f.holderKind,
        f.holderSiret,
        f.targetPublics,
        f.levers,
        f.requestedCents,
        f.participation,
      ],
    );
    return changedAny(result);
  }

  /** The project's departments and their shares, replaced whole. */
  async replaceDepartments(tx: Tx, projectId: string, departments: DepartmentShareRow[]): Promise<void> {
    await tx.delete(ProjectDepartmentEntity, { projectId });
    await this.addDepartments(tx, projectId, departments);
  }

  async replaceCommunes(tx: Tx, projectId: string, communeCodes: string[]): Promise<void> {
    await tx.delete(ProjectCommuneEntity, { projectId });
    await this.addCommunes(tx, projectId, communeCodes);
  }

  async departmentShares(projectId: string, tx: Tx = this.dataSource.manager): Promise<DepartmentShareRow[]> {
    const rows = await tx.find(ProjectDepartmentEntity, { where: { projectId }, order: { departmentCode: 'ASC' } });
    return rows.map((r) => ({ departmentCode: r.departmentCode, shareBp: r.shareBp }));
  }

  async communes(projectId: string, tx: Tx = this.dataSource.manager): Promise<string[]> {
    const rows = await tx.find(ProjectCommuneEntity, {
      where: { projectId },
      order: { inseeCode: 'ASC' },
    });
    return rows.map((r) => r.inseeCode);
  }

  /** Conditional on the status and version read: false when someone else moved the project first. */
  async setStatus(tx: Tx, id: string, from: ProjectStatus, to: ProjectStatus, version: number): Promise<boolean> {
    const result = await tx.query(
      `UPDATE project SET status = $4, version = version + 1, updated_at = now()
       WHERE id = $1 AND status = $2 AND version = $3`,
      [id, from, version, to],
    );
    return changedAny(result);
  }

  async insertTransition(tx: Tx, t: Omit<ProjectTransitionEntity, 'id' | 'at'>): Promise<void> {
    await tx.insert(ProjectTransitionEntity, t);
  }

  history(projectId: string): Promise<ProjectTransitionEntity[]> {
    return this.dataSource.manager.find(ProjectTransitionEntity, { where: { projectId }, order: { id: 'ASC' } });
  }

  /** The latest opinion of each department on each of these projects. */
  latestOpinions(projectIds: string[]): Promise<{ projectId: string; departmentCode: string; opinion: Opinion }[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT DISTINCT ON (project_id, department_code) project_id AS "projectId", department_code AS "departmentCode", opinion
       FROM opinion WHERE project_id = ANY ($1::uuid[]) ORDER BY project_id, department_code, created_at DESC`,
      [projectIds],
    );
  }

  async insertOpinion(tx: Tx, opinion: Omit<OpinionEntity, 'id' | 'createdAt'>): Promise<OpinionEntity> {
    const { identifiers } = await tx.insert(OpinionEntity, opinion);
    return tx.findOneByOrFail(OpinionEntity, { id: identifiers[0].id as string });
  }

  opinions(projectId: string): Promise<OpinionEntity[]> {
    return this.dataSource.manager.find(OpinionEntity, {
      where: { projectId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
