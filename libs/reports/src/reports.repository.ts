import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changedAny, Tx } from '@app/core';
import { DataSource, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { ReportEntity } from './entities/report.entity';
import { reportLifecycle, type ReportKind } from './report-lifecycle';

export interface NewReport {
  kind: ReportKind;
  params: Record<string, unknown>;
  requestedBy: string | null;
  requestFingerprint: string;
}

export interface RenderedFile {
  fileKey: string;
  fileSha256: string;
  fileSize: number;
  dataSha256: string;
  /** The title and scope lines the PDF prints. */
  title: string;
  scope: string;
}

@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get reports() {
    return this.dataSource.getRepository(ReportEntity);
  }

  /** Serializes identical requests of one requester so that only one report is created. */
  async lockRequest(tx: Tx, key: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  async findRecentDuplicate(tx: Tx, report: NewReport, since: Date): Promise<ReportEntity | null> {
    return tx
      .getRepository(ReportEntity)
      .createQueryBuilder('r')
      .where('r.kind = :kind AND r.request_fingerprint = :fp AND r.created_at > :since', {
        kind: report.kind,
        fp: report.requestFingerprint,
        since,
      })
      .andWhere(report.requestedBy ? 'r.requested_by = :by' : 'r.requested_by IS NULL', { by: report.requestedBy })
      .andWhere(`r.status IN ('queued', 'running', 'done')`)
      .orderBy('r.created_at', 'DESC')
      .getOne();
  }

  async insert(tx: Tx, report: NewReport): Promise<ReportEntity> {
    const row = { ...report, status: 'queued' } as QueryDeepPartialEntity<ReportEntity>;
    const result = await tx.getRepository(ReportEntity).insert(row);
    return await tx.getRepository(ReportEntity).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  findById(id: string): Promise<ReportEntity | null> {
    return this.reports.findOneBy({ id });
  }

  list(requestedBy: string | null, limit: number, offset: number): Promise<[ReportEntity[], number]> {
    return this.reports.findAndCount({
      where: requestedBy ? { requestedBy } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  /**
   * Takes the report for rendering: a queued one, or a running one whose lease has run out (its worker
   * died or gave it back). Null when it is finished or another worker holds it: a duplicate delivery.
   * The returned `attempts` identifies this claim; only its holder may mark the report done.
   */
  async claim(tx: Tx, id: string, leaseSeconds: number): Promise<ReportEntity | null> {
    const rows: ReportEntity[] = await tx
      .getRepository(ReportEntity)
      .createQueryBuilder()
      .update()
      .set({
        status: 'running',
        progressPercent: 0,
        startedAt: () => 'now()',
        leaseUntil: () => `now() + make_interval(secs => ${Number(leaseSeconds)})`,
        attempts: () => 'attempts + 1',
      })
      .where({ id, status: In(reportLifecycle.leadingTo('running')) })
      .andWhere(`(status <> 'running' OR lease_until < now())`)
      .returning('*')
      .execute()
      .then((r) => r.raw);
    return rows[0] ? this.reports.create(rows[0]) : null;
  }

  /** Ends the lease of a claim that failed, so that a retry (or the reconciler) may take the report at once. */
  async release(id: string, attempts: number): Promise<void> {
    await this.reports.update({ id, status: 'running', attempts }, { leaseUntil: () => 'now()' });
  }

  /** Records how far the claim numbered `attempts` is, while it still holds the running report. */
  async recordProgress(id: string, attempts: number, percent: number): Promise<void> {
    await this.reports.update({ id, attempts, status: 'running' }, { progressPercent: percent });
  }

  /** Marks the report done, if the claim numbered `attempts` still holds it; false otherwise. */
  async markDone(tx: Tx, id: string, attempts: number, file: RenderedFile): Promise<boolean> {
    const result = await tx.getRepository(ReportEntity).update(
      { id, attempts, status: In(reportLifecycle.leadingTo('done')) },
      {
        ...file,
        status: 'done',
        error: null,
        progressPercent: 100,
        leaseUntil: null,
        finishedAt: () => 'now()',
      },
    );
    return changedAny(result);
  }

  async markFailed(tx: Tx, id: string, error: string): Promise<boolean> {
    const result = await tx
      .getRepository(ReportEntity)
      .update(
        { id, status: In(reportLifecycle.leadingTo('failed')) },
        { status: 'failed', error, leaseUntil: null, finishedAt: () => 'now()' },
      );
    return changedAny(result);
  }

  async markExpired(tx: Tx, id: string): Promise<boolean> {
    const result = await tx
      .getRepository(ReportEntity)
      .update(
        { id, status: In(reportLifecycle.leadingTo('expired')) },
        { status: 'expired', fileKey: null, expiredAt: () => 'now()' },
      );
    return changedAny(result);
  }

  /** Reports a worker should be busy with but may have lost: queued for a while, or running past their lease. */
  async findAbandoned(queuedBefore: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM report
       WHERE (status = 'queued' AND created_at < $1) OR (status = 'running' AND lease_until < now())
       ORDER BY created_at LIMIT $2`,
      [queuedBefore, limit],
    );
    return rows.map((r) => r.id);
  }

  async findExpirable(finishedBefore: Date, limit: number): Promise<ReportEntity[]> {
    return this.dataSource
      .getRepository(ReportEntity)
      .createQueryBuilder('r')
      .where(`r.status = 'done' AND r.finished_at < :before`, { before: finishedBefore })
      .orderBy('r.finished_at')
      .limit(limit)
      .getMany();
  }
}
