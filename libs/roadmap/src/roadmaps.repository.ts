import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '@app/core';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { RoadmapStatus } from './roadmap.constants';

export interface RoadmapRow {
  id: string;
  year: number;
  status: RoadmapStatus;
  validatedByDecisionId: string | null;
  version: number;
}

export interface AxisInput {
  code: string;
  label: string;
  description?: string;
  internal?: boolean;
}

export interface AxisRow {
  code: string;
  label: string;
  description: string | null;
  internal: boolean;
}

/** The yearly roadmaps and their axes. */
@Injectable()
export class RoadmapsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertRoadmap(tx: Tx, year: number, axes: AxisInput[]): Promise<string> {
    const [{ id }] = await tx.query('INSERT INTO roadmap (year) VALUES ($1) RETURNING id', [year]);
    await this.replaceAxes(tx, id, axes);
    return id;
  }

  /** The years that have a roadmap, the latest first. */
  years(): Promise<{ year: number; status: RoadmapStatus }[]> {
    return this.dataSource.query('SELECT year, status FROM roadmap ORDER BY year DESC');
  }

  async roadmapOfYear(year: number, tx: Tx = this.dataSource.manager): Promise<RoadmapRow | null> {
    const rows: RoadmapRow[] = await tx.query(
      'SELECT id, year, status, validated_by_decision_id AS "validatedByDecisionId", version FROM roadmap WHERE year = $1',
      [year],
    );
    return rows[0] ?? null;
  }

  /** The id of the roadmap named by its year or its id (how a commission decision names it), null when none. */
  async idOf(reference: string, tx: Tx = this.dataSource.manager): Promise<string | null> {
    const column = /^\d{4}$/.test(reference) ? 'year::text' : isUUID(reference) ? 'id::text' : null;
    if (!column) return null;
    const rows: { id: string }[] = await tx.query(`SELECT id FROM roadmap WHERE ${column} = $1`, [reference]);
    return rows[0]?.id ?? null;
  }

  /** Locks the year's roadmap for a status change or an edit of its axes. */
  async lockRoadmap(tx: Tx, year: number): Promise<RoadmapRow | null> {
    await tx.query('SELECT 1 FROM roadmap WHERE year = $1 FOR UPDATE', [year]);
    return this.roadmapOfYear(year, tx);
  }

  async setStatus(tx: Tx, id: string, status: RoadmapStatus, decisionId: string | null): Promise<void> {
    await tx.query(
      'UPDATE roadmap SET status = $2, validated_by_decision_id = $3, version = version + 1 WHERE id = $1',
      [id, status, decisionId],
    );
  }

  /** Upserts the axes given; an axis left out is removed (refused by the database while actions use it). */
  async replaceAxes(tx: Tx, roadmapId: string, axes: AxisInput[]): Promise<void> {
    await tx.query('DELETE FROM roadmap_axis WHERE roadmap_id = $1 AND NOT (code = ANY ($2::text[]))', [
      roadmapId,
      axes.map((a) => a.code),
    ]);
    for (const [position, a] of axes.entries()) {
      await tx.query(
        `INSERT INTO roadmap_axis (roadmap_id, code, label, description, internal, position) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (roadmap_id, code) DO UPDATE
           SET label = EXCLUDED.label, description = EXCLUDED.description, internal = EXCLUDED.internal, position = EXCLUDED.position`,
        [roadmapId, a.code, a.label, a.description ?? null, a.internal ?? false, position],
      );
    }
  }

  axes(roadmapId: string, tx: Tx = this.dataSource.manager): Promise<AxisRow[]> {
    return tx.query(
      'SELECT code, label, description, internal FROM roadmap_axis WHERE roadmap_id = $1 ORDER BY position',
      [roadmapId],
    );
  }
}
