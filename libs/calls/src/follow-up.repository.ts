import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource } from 'typeorm';

export interface TrancheRow {
  id: string;
  label: string;
  dueOn: string;
  amountCents: string;
  condition: string | null;
  /** What the payments naming this tranche add up to. */
  paidCents: string;
}

/** A tranche of the plan as entered: with the id of the tranche it keeps, or new. */
export interface TrancheInput {
  id?: string;
  label: string;
  dueOn: string;
  amountCents: number;
  condition?: string;
}

export interface GrantReportRow {
  id: string;
  kind: 'progress' | 'final';
  dueOn: string;
  receivedOn: string | null;
}

export interface OverdueRow extends GrantReportRow {
  grantId: string;
  projectId: string;
  projectTitle: string;
  holderName: string;
}

/** Replaces a grant's (or a project's) list of lines in one statement per line, in order. */
async function replaceLines(
  tx: Tx,
  table: string,
  key: string,
  id: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  await tx.query(`DELETE FROM ${table} WHERE ${key} = $1`, [id]);
  for (const [position, values] of rows.entries()) {
    const placeholders = values.map((_, i) => `$${i + 3}`).join(', ');
    await tx.query(`INSERT INTO ${table} (${key}, position, ${columns.join(', ')}) VALUES ($1, $2, ${placeholders})`, [
      id,
      position,
      ...values,
    ]);
  }
}

@Injectable()
export class FollowUpRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  coFunders(grantId: string, tx: Tx = this.dataSource.manager): Promise<{ name: string; amountCents: string }[]> {
    return tx.query(
      'SELECT name, amount_cents AS "amountCents" FROM grant_cofunder WHERE grant_id = $1 ORDER BY position',
      [grantId],
    );
  }

  replaceCoFunders(tx: Tx, grantId: string, coFunders: { name: string; amountCents: number }[]): Promise<void> {
    return replaceLines(
      tx,
      'grant_cofunder',
      'grant_id',
      grantId,
      ['name', 'amount_cents'],
      coFunders.map((c) => [c.name, c.amountCents]),
    );
  }

  tranches(grantId: string, tx: Tx = this.dataSource.manager): Promise<TrancheRow[]> {
    return tx.query(
      `SELECT t.id, t.label, to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn", t.amount_cents AS "amountCents", t.condition,
              COALESCE((SELECT sum(p.amount_cents) FROM payment p WHERE p.tranche_id = t.id), 0)::text AS "paidCents"
       FROM grant_tranche t WHERE t.grant_id = $1 ORDER BY t.due_on, t.position`,
      [grantId],
    );
  }

  /**
   * The new plan: tranches with an id keep it (and the payments naming them), the others are added, and
   * those left out are deleted (the payment foreign key refuses it if one still names them).
   */
  async saveTranches(tx: Tx, grantId: string, tranches: TrancheInput[]): Promise<void> {
    const kept = tranches.flatMap((t) => (t.id ? [t.id] : []));
    await tx.query('DELETE FROM grant_tranche WHERE grant_id = $1 AND NOT (id = ANY($2::uuid[]))', [grantId, kept]);
    // Out of the way first: positions are part of the key, and a reordered plan swaps them.
    await tx.query('UPDATE grant_tranche SET position = -1 - position WHERE grant_id = $1', [grantId]);
    for (const [position, t] of tranches.entries()) {
      const values = [grantId, position, t.label, t.dueOn, t.amountCents, t.condition ?? null];
      await (t.id
        ? tx.query(
            `UPDATE grant_tranche SET position = $2, label = $3, due_on = $4, amount_cents = $5, condition = $6
             WHERE grant_id = $1 AND id = $7`,
            [...values, t.id],
          )
        : tx.query(
            `INSERT INTO grant_tranche (grant_id, position, label, due_on, amount_cents, condition)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            values,
          ));
    }
  }

  reports(grantId: string, tx: Tx = this.dataSource.manager): Promise<GrantReportRow[]> {
    return tx.query(
      `SELECT id, kind, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", to_char(received_on, 'YYYY-MM-DD') AS "receivedOn"
       FROM grant_report WHERE grant_id = $1 ORDER BY due_on, kind`,
      [grantId],
    );
  }

  async replaceReports(
    tx: Tx,
    grantId: string,
    reports: { kind: string; dueOn: string; receivedOn?: string }[],
  ): Promise<void> {
    await tx.query('DELETE FROM grant_report WHERE grant_id = $1', [grantId]);
    for (const r of reports) {
      await tx.query('INSERT INTO grant_report (grant_id, kind, due_on, received_on) VALUES ($1, $2, $3, $4)', [
        grantId,
        r.kind,
        r.dueOn,
        r.receivedOn ?? null,
      ]);
    }
  }

  /**
   * Reports past their due date and not received, on active grants, oldest first: the `page` asked for
   * (all of them without one), with how many there are in all.
   */
  async overdue(
    today: string,
    callId?: string,
    page?: { limit: number; offset: number },
  ): Promise<{ rows: OverdueRow[]; total: number }> {
    const rows: (OverdueRow & { total: string })[] = await this.dataSource.query(
      `SELECT r.id, r.kind, to_char(r.due_on, 'YYYY-MM-DD') AS "dueOn", NULL AS "receivedOn", g.id AS "grantId",
              p.id AS "projectId", p.title AS "projectTitle", p.holder_name AS "holderName", count(*) OVER () AS total
       FROM grant_report r JOIN "grant" g ON g.id = r.grant_id AND g.status = 'active' JOIN project p ON p.id = g.project_id
       WHERE r.received_on IS NULL AND r.due_on < $1::date AND ($2::uuid IS NULL OR g.call_id = $2)
       ORDER BY r.due_on, p.title, r.id
       LIMIT $3 OFFSET $4`,
      [today, callId ?? null, page?.limit ?? null, page?.offset ?? 0],
    );
    // Past the last page no row carries the count: ask for it alone.
    if (rows.length === 0 && (page?.offset ?? 0) > 0) return { rows, total: (await this.overdue(today, callId)).total };
    return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]?.total ?? 0) };
  }

  budgetLines(projectId: string, tx: Tx = this.dataSource.manager): Promise<{ label: string; amountCents: string }[]> {
    return tx.query(
      'SELECT label, amount_cents AS "amountCents" FROM project_budget_line WHERE project_id = $1 ORDER BY position',
      [projectId],
    );
  }

  replaceBudgetLines(tx: Tx, projectId: string, lines: { label: string; amountCents: number }[]): Promise<void> {
    return replaceLines(
      tx,
      'project_budget_line',
      'project_id',
      projectId,
      ['label', 'amount_cents'],
      lines.map((l) => [l.label, l.amountCents]),
    );
  }
}
