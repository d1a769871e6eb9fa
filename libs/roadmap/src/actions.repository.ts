import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changedAny, departmentCodesOf, inAnyDepartment, rowSetsVersion, Tx, type DepartmentLink } from '@app/core';
import { DataSource } from 'typeorm';
import type { ParticipationLevel } from '@app/vocabulary';
import type { ActionStatus } from './roadmap.constants';

/** An indicator as read: numeric columns come back as strings (PostgreSQL numeric). */
export interface IndicatorRow {
  id: string;
  actionId: string;
  label: string;
  baseline: string | null;
  target: string | null;
  latestValue: string | null;
  latestOn: string | null;
  unit: string | null;
}

export interface ActionRow {
  id: string;
  /** Null for a contract's action sheet. */
  year: number | null;
  axisCode: string | null;
  contractId: string | null;
  title: string;
  description: string | null;
  pilot: string;
  partners: string | null;
  levers: number[];
  startsOn: string | null;
  endsOn: string | null;
  departmentCodes: string[];
  targetPublics: string[];
  participation: ParticipationLevel;
  status: ActionStatus;
  progressPercent: number;
  version: number;
  updatedAt: Date;
  /** The latest accepted update, or the creation when there is none. */
  lastUpdatedAt: Date;
}

/** An action's departments (none: a region-wide action). */
/** How many actions of one axis, set of departments and status, and their progress summed. */
export interface ProgressTallyRow {
  axisCode: string;
  departmentCodes: string[];
  status: ActionStatus;
  actions: number;
  progressSum: number;
}

const ACTION_DEPARTMENTS: DepartmentLink = { table: 'action_department', ownerColumn: 'action_id' };

const LAST_UPDATED_AT = `COALESCE((SELECT max(u.at) FROM action_update u WHERE u.action_id = a.id), a.created_at)`;

const ACTION_COLUMNS = `a.id, r.year, a.axis_code AS "axisCode", a.contract_id AS "contractId", a.title, a.description, a.pilot, a.partners, a.levers,
  to_char(a.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(a.ends_on, 'YYYY-MM-DD') AS "endsOn",
  ${departmentCodesOf(ACTION_DEPARTMENTS, 'a.id')} AS "departmentCodes",
  a.target_publics AS "targetPublics", a.participation, a.status, a.progress_percent AS "progressPercent", a.version, a.updated_at AS "updatedAt",
  ${LAST_UPDATED_AT} AS "lastUpdatedAt"`;

/**
 * Overdue first, then stale, then the open ones, the longest without update first, finished ones last
 * (the rules of `attentionOf`; no end date is not overdue).
 */
const attentionOrder = (
  today: string,
  staleBefore: string,
) => `(a.status <> 'done' AND a.ends_on < ${today}::date) IS TRUE DESC,
  (a.status <> 'done' AND ${LAST_UPDATED_AT} < ${staleBefore}::timestamptz) DESC, a.status = 'done', ${LAST_UPDATED_AT}, a.title, a.id`;

/** Actions (a roadmap's, or a contract's action sheets), their indicators, updates and links. */
@Injectable()
export class ActionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Changes whenever the year's roadmap report would print other data: the roadmap and its axes, each
   * action as listed (departments and latest update included) with whether it is overdue on `today` or
   * stale before `staleBefore` — time alone turns an action stale — and the actions' indicators.
   */
  roadmapDataVersion(year: number, today: string, staleBefore: Date): Promise<string> {
    const roadmap = '(SELECT r.id FROM roadmap r WHERE r.year = $1)';
    return rowSetsVersion(
      this.dataSource,
      [
        'roadmap t WHERE t.year = $1',
        `roadmap_axis t WHERE t.roadmap_id = ${roadmap}`,
        `(SELECT ${ACTION_COLUMNS}, a.status <> 'done' AND a.ends_on < $2::date AS overdue,
                 a.status <> 'done' AND ${LAST_UPDATED_AT} < $3::timestamptz AS stale
          FROM action a JOIN roadmap r ON r.id = a.roadmap_id WHERE r.year = $1) t`,
        `indicator t WHERE t.action_id IN (SELECT a.id FROM action a WHERE a.roadmap_id = ${roadmap})`,
      ],
      [year, today, staleBefore],
    );
  }

  /**
   * The year's actions tallied for the roll-up by axis, departments (none: region-wide) and status: a few
   * dozen rows rather than every action (4,000 a year at national volume). Each action is in one tally, so
   * an axis sums its tallies and a department those naming it or none.
   */
  progressTallies(year: number): Promise<ProgressTallyRow[]> {
    return this.dataSource.query(
      `SELECT a.axis_code AS "axisCode", ${departmentCodesOf(ACTION_DEPARTMENTS, 'a.id')} AS "departmentCodes",
              a.status, count(*)::int AS actions, sum(a.progress_percent)::int AS "progressSum"
       FROM action a JOIN roadmap r ON r.id = a.roadmap_id WHERE r.year = $1
       GROUP BY 1, 2, 3`,
      [year],
    );
  }

  /** Unfinished actions whose last update (or creation) is older than the given instant. */
  staleActions(year: number, before: Date): Promise<ActionRow[]> {
    return this.dataSource.query(
      `SELECT ${ACTION_COLUMNS} FROM action a JOIN roadmap r ON r.id = a.roadmap_id
       WHERE r.year = $1 AND a.status <> 'done'
         AND ${LAST_UPDATED_AT} < $2
       ORDER BY a.updated_at, a.title`,
      [year, before],
    );
  }

  async insertAction(
    tx: Tx,
    action: {
      roadmapId: string | null;
      axisCode: string | null;
      contractId?: string;
      partners?: string;
      levers?: number[];
      startsOn?: string;
      endsOn?: string;
      title: string;
      description: string | null;
      pilot: string;
      targetPublics: string[];
      participation?: ParticipationLevel;
    },
    departmentCodes: string[],
    indicators: { label: string; baseline?: number; target?: number; unit?: string }[],
  ): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO action (roadmap_id, axis_code, contract_id, title, description, pilot, target_publics,
                           partners, levers, starts_on, ends_on, participation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        action.roadmapId,
        action.axisCode,
        action.contractId ?? null,
        action.title,
        action.description,
        action.pilot,
        action.targetPublics,
        action.partners ?? null,
        action.levers ?? [],
        action.startsOn ?? null,
        action.endsOn ?? null,
        action.participation ?? 'none',
      ],
    );
    if (departmentCodes.length > 0) {
      await tx.query('INSERT INTO action_department (action_id, department_code) SELECT $1, unnest($2::text[])', [
        id,
        departmentCodes,
      ]);
    }
    for (const [position, i] of indicators.entries()) {
      await tx.query(
        'INSERT INTO indicator (action_id, position, label, baseline, target, unit) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, position, i.label, i.baseline ?? null, i.target ?? null, i.unit ?? null],
      );
    }
    return id;
  }

  async findAction(id: string, tx: Tx = this.dataSource.manager): Promise<ActionRow | null> {
    const rows: ActionRow[] = await tx.query(
      `SELECT ${ACTION_COLUMNS} FROM action a LEFT JOIN roadmap r ON r.id = a.roadmap_id WHERE a.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async listActions(filter: {
    departmentCode?: string;
    year?: number;
    contractId?: string;
    limit: number;
    offset: number;
    /** Overdue and stale actions first, as of this Paris day and this stale cut-off. */
    attention?: { today: string; staleBefore: Date };
  }): Promise<[ActionRow[], number]> {
    // Only the filters given, so the planner sees plain predicates (no "$1 IS NULL OR"), and the count
    // joins the roadmaps only to filter on their year.
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const onAction: string[] = [];
    if (filter.departmentCode)
      onAction.push(inAnyDepartment(ACTION_DEPARTMENTS, 'a.id', `${add([filter.departmentCode])}::text[]`));
    if (filter.contractId) onAction.push(`a.contract_id = ${add(filter.contractId)}::uuid`);
    const inYear = filter.year === undefined ? null : `r.year = ${add(filter.year)}::int`;
    const whereOf = (parts: (string | null)[]) => {
      const given = parts.filter((part) => part !== null);
      return given.length ? `WHERE ${given.join(' AND ')}` : '';
    };
    const counted = `SELECT count(*)::int AS n FROM action a ${inYear ? 'JOIN roadmap r ON r.id = a.roadmap_id' : ''}
      ${whereOf([...onAction, inYear])}`;
    const countParams = [...params];
    const [limit, offset] = [add(filter.limit), add(filter.offset)];
    let page: string;
    if (filter.attention) {
      const order = attentionOrder(add(filter.attention.today), add(filter.attention.staleBefore));
      page = `SELECT ${ACTION_COLUMNS} FROM action a LEFT JOIN roadmap r ON r.id = a.roadmap_id
        ${whereOf([...onAction, inYear])} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
    } else {
      // By year, then axis, title and id: the first limit+offset of each roadmap (years are unique)
      // and of the contracts' sheets, walked in order on action_roadmap_order_idx, then those few
      // hundred sorted, instead of sorting every action of the country for one page.
      const within = onAction.map((condition) => `AND ${condition}`).join(' ');
      const first = `ORDER BY a.axis_code, a.title, a.id LIMIT ${limit}::int + ${offset}::int`;
      const sheets = `UNION ALL (SELECT a.* FROM action a WHERE a.roadmap_id IS NULL ${within} ${first})`;
      page = `SELECT ${ACTION_COLUMNS} FROM (
          SELECT first.* FROM roadmap r
            CROSS JOIN LATERAL (SELECT a.* FROM action a WHERE a.roadmap_id = r.id ${within} ${first}) first
          ${whereOf([inYear])}
          ${inYear ? '' : sheets}
        ) a LEFT JOIN roadmap r ON r.id = a.roadmap_id
        ORDER BY r.year DESC NULLS LAST, a.axis_code, a.title, a.id LIMIT ${limit} OFFSET ${offset}`;
    }
    const [rows, count] = await Promise.all([
      this.dataSource.query(page, params),
      this.dataSource.query(counted, countParams),
    ]);
    return [rows, count[0].n];
  }

  indicators(actionIds: string[]): Promise<IndicatorRow[]> {
    if (actionIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT id, action_id AS "actionId", label, baseline, target, latest_value AS "latestValue",
              to_char(latest_on, 'YYYY-MM-DD') AS "latestOn", unit
       FROM indicator WHERE action_id = ANY ($1::uuid[]) ORDER BY position`,
      [actionIds],
    );
  }

  /** UPDATE … WHERE version = $v: of concurrent writers with the same version, exactly one wins. */
  async updateAction(
    tx: Tx,
    id: string,
    version: number,
    fields: { status: ActionStatus; progressPercent: number; participation: ParticipationLevel },
  ): Promise<boolean> {
    const result = await tx.query(
      `UPDATE action SET status = $3, progress_percent = $4, participation = $5, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2`,
      [id, version, fields.status, fields.progressPercent, fields.participation],
    );
    return changedAny(result);
  }

  async setIndicatorValue(tx: Tx, actionId: string, indicatorId: string, value: number): Promise<void> {
    await tx.query(
      'UPDATE indicator SET latest_value = $3, latest_on = current_date WHERE id = $2 AND action_id = $1',
      [actionId, indicatorId, value],
    );
  }

  async links(
    actionId: string,
    tx: Tx = this.dataSource.manager,
  ): Promise<{ projectIds: string[]; contractIds: string[] }> {
    const rows: { projectId: string | null; contractId: string | null }[] = await tx.query(
      'SELECT project_id AS "projectId", contract_id AS "contractId" FROM action_link WHERE action_id = $1 ORDER BY 1, 2',
      [actionId],
    );
    return {
      projectIds: rows.flatMap((r) => (r.projectId ? [r.projectId] : [])),
      contractIds: rows.flatMap((r) => (r.contractId ? [r.contractId] : [])),
    };
  }

  async replaceLinks(tx: Tx, actionId: string, projectIds: string[], contractIds: string[]): Promise<void> {
    await tx.query('DELETE FROM action_link WHERE action_id = $1', [actionId]);
    await tx.query('INSERT INTO action_link (action_id, project_id) SELECT $1, unnest($2::uuid[])', [
      actionId,
      projectIds,
    ]);
    await tx.query('INSERT INTO action_link (action_id, contract_id) SELECT $1, unnest($2::uuid[])', [
      actionId,
      contractIds,
    ]);
  }

  async insertUpdate(
    tx: Tx,
    update: { actionId: string; actorId: string | null; changes: object; comment: string | null },
  ): Promise<void> {
    await tx.query('INSERT INTO action_update (action_id, actor_id, changes, comment) VALUES ($1, $2, $3, $4)', [
      update.actionId,
      update.actorId,
      JSON.stringify(update.changes),
      update.comment,
    ]);
  }

  updates(
    actionId: string,
    limit: number,
    offset: number,
  ): Promise<
    [
      {
        id: string;
        at: Date;
        actorId: string | null;
        actorName: string | null;
        changes: Record<string, { from: unknown; to: unknown }>;
        comment: string | null;
      }[],
      number,
    ]
  > {
    return Promise.all([
      this.dataSource.query(
        `SELECT u.id, u.at, u.actor_id AS "actorId", usr.display_name AS "actorName", u.changes, u.comment
         FROM action_update u LEFT JOIN app_user usr ON usr.id = u.actor_id
         WHERE u.action_id = $1 ORDER BY u.id DESC LIMIT $2 OFFSET $3`,
        [actionId, limit, offset],
      ),
      this.dataSource
        .query('SELECT count(*)::int AS n FROM action_update WHERE action_id = $1', [actionId])
        .then((r) => r[0].n as number),
    ]);
  }
}
