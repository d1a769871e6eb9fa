import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { DataSource } from 'typeorm';

export interface CriterionRow {
  code: string;
  label: string;
  weight: number;
}

export interface ScoreRow {
  projectId: string;
  reviewerId: string;
  reviewerName: string | null;
  criterionCode: string;
  score: number;
}

export interface NoteRow {
  id: string;
  projectId: string;
  authorId: string | null;
  text: string;
  createdAt: Date;
}

@Injectable()
export class InstructionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  criteria(callId: string, tx: Tx = this.dataSource.manager): Promise<CriterionRow[]> {
    return tx.query('SELECT code, label, weight FROM call_criterion WHERE call_id = $1 ORDER BY position', [callId]);
  }

  /** The criteria of each of these calls, in one statement. */
  async criteriaOfCalls(callIds: string[]): Promise<Map<string, CriterionRow[]>> {
    const rows: (CriterionRow & { callId: string })[] =
      callIds.length === 0
        ? []
        : await this.dataSource.query(
            'SELECT call_id AS "callId", code, label, weight FROM call_criterion WHERE call_id = ANY ($1::uuid[]) ORDER BY position',
            [callIds],
          );
    const byCall = new Map<string, CriterionRow[]>(callIds.map((id) => [id, []]));
    for (const { callId, ...criterion } of rows) byCall.get(callId)?.push(criterion);
    return byCall;
  }

  async replaceCriteria(tx: Tx, callId: string, criteria: CriterionRow[]): Promise<void> {
    await tx.query('DELETE FROM call_criterion WHERE call_id = $1', [callId]);
    for (const [position, c] of criteria.entries()) {
      await tx.query(
        'INSERT INTO call_criterion (call_id, code, label, weight, position) VALUES ($1, $2, $3, $4, $5)',
        [callId, c.code, c.label, c.weight, position],
      );
    }
  }

  async hasScores(tx: Tx, callId: string): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM project_score WHERE call_id = $1 LIMIT 1', [callId]);
    return rows.length > 0;
  }

  async upsertScores(
    tx: Tx,
    projectId: string,
    callId: string,
    reviewerId: string,
    scores: { criterion: string; score: number }[],
  ): Promise<void> {
    for (const s of scores) {
      await tx.query(
        `INSERT INTO project_score (project_id, reviewer_id, call_id, criterion_code, score) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (project_id, reviewer_id, criterion_code) DO UPDATE SET score = EXCLUDED.score, updated_at = now()`,
        [projectId, reviewerId, callId, s.criterion, s.score],
      );
    }
  }

  scoresOf(projectIds: string[]): Promise<ScoreRow[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT s.project_id AS "projectId", s.reviewer_id AS "reviewerId", u.display_name AS "reviewerName",
              s.criterion_code AS "criterionCode", s.score
       FROM project_score s LEFT JOIN app_user u ON u.id = s.reviewer_id
       WHERE s.project_id = ANY ($1::uuid[]) ORDER BY u.display_name, s.reviewer_id`,
      [projectIds],
    );
  }

  async insertNote(tx: Tx, note: { projectId: string; authorId: string | null; text: string }): Promise<NoteRow> {
    const rows: NoteRow[] = await tx.query(
      `INSERT INTO project_note (project_id, author_id, text) VALUES ($1, $2, $3)
       RETURNING id, project_id AS "projectId", author_id AS "authorId", text, created_at AS "createdAt"`,
      [note.projectId, note.authorId, note.text],
    );
    return rows[0];
  }

  notes(projectId: string): Promise<NoteRow[]> {
    return this.dataSource.query(
      `SELECT id, project_id AS "projectId", author_id AS "authorId", text, created_at AS "createdAt"
       FROM project_note WHERE project_id = $1 ORDER BY created_at DESC, id`,
      [projectId],
    );
  }

  async labels(projectId: string, tx: Tx = this.dataSource.manager): Promise<string[]> {
    const rows: { label: string }[] = await tx.query(
      'SELECT label FROM project_label WHERE project_id = $1 ORDER BY label',
      [projectId],
    );
    return rows.map((r) => r.label);
  }

  async replaceLabels(tx: Tx, projectId: string, labels: string[]): Promise<void> {
    await tx.query('DELETE FROM project_label WHERE project_id = $1', [projectId]);
    if (labels.length > 0) {
      await tx.query('INSERT INTO project_label (project_id, label) SELECT $1, unnest($2::text[])', [
        projectId,
        labels,
      ]);
    }
  }
}
