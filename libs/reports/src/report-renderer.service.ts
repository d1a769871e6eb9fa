import { readFile } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AppConfig, Database, FileStorage, SYSTEM_ACTOR } from '@app/core';
import { ReportKindRegistry } from './report-kind.registry';
import type { ReportKind } from './report-lifecycle';
import { validReportParams } from './report-params';
import { reportFailureMessage } from './report-failure';
import { progressPercent, ProgressThrottle } from './report-progress';
import { drawReport, packData, type DrawnReport, type DrawTask } from './render/draw-report';
import { ReportRenderPool } from './render/report-render-pool';
import { hasAtMostRows } from './render/small-report';
import { ReportEntity } from './entities/report.entity';
import { ReportsRepository, type RenderedFile } from './reports.repository';

/** How one rendering of a claimed report ended: stored, thrown (BullMQ may retry), or superseded by another claim. */
export const REPORT_JOB_OUTCOMES = ['done', 'failed', 'lease_lost'] as const;
export type ReportJobOutcome = (typeof REPORT_JOB_OUTCOMES)[number];
/** Told of each rendering this process ends (the worker's metrics); it must not throw. */
export type ReportJobObserver = (kind: ReportKind, outcome: ReportJobOutcome, seconds: number) => void;

/**
 * Renders one report. Safe to run twice, or a hundred times at once (BullMQ delivers at least once):
 * only the claim that holds the report's lease renders it, and only that claim, while it still holds
 * the row, writes the file — so the file on disk is always the one whose hash the row records.
 */
@Injectable()
export class ReportRendererService {
  private readonly logger = new Logger(ReportRendererService.name);
  /** The claims this process is rendering: report id → claim number (`attempts`). */
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly reports: ReportsRepository,
    private readonly kinds: ReportKindRegistry,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Draws in process until the worker gives its pool of rendering threads (see `usePool`). */
  private pool?: ReportRenderPool;

  /** From now on, reports larger than `RENDER_INLINE_MAX_ROWS` are drawn by `pool` (the worker's threads), away from this event loop. */
  usePool(pool: ReportRenderPool): void {
    this.pool = pool;
  }

  private observer?: ReportJobObserver;

  /** From now on, `observer` is told how each rendering ended and how long it took (from the claim). */
  observeJobs(observer: ReportJobObserver): void {
    this.observer = observer;
  }

  async render(reportId: string): Promise<void> {
    // One UPDATE … RETURNING, atomic on its own: no transaction around it (two round trips fewer a job).
    const report = await this.reports.claim(this.db.manager, reportId, this.config.get('REPORT_LEASE_SECONDS'));
    if (!report) {
      this.logger.log(`Report ${reportId} is finished, unknown or being rendered elsewhere: nothing to do`);
      return;
    }
    this.inFlight.set(report.id, report.attempts);
    const started = performance.now();
    const ended = (outcome: ReportJobOutcome) =>
      this.observer?.(report.kind, outcome, (performance.now() - started) / 1000);
    try {
      ended((await this.renderClaimed(report)) ? 'done' : 'lease_lost');
    } catch (error) {
      ended('failed');
      await this.reports.release(report.id, report.attempts);
      throw error;
    } finally {
      this.inFlight.delete(report.id);
    }
  }

  /** Gives back the reports still being rendered (a worker stopping): another worker takes them at once. */
  async releaseInFlight(): Promise<number> {
    const claims = [...this.inFlight];
    await Promise.all(claims.map(([id, attempts]) => this.reports.release(id, attempts)));
    return claims.length;
  }

  /** True when this claim stored the file; false when another claim had taken the report over. */
  private async renderClaimed(report: ReportEntity): Promise<boolean> {
    return this.drawToPartial(report.kind, report.params, this.progressOf(report), async (path, drawn, heading) => {
      const fileKey = `reports/${report.id}.pdf`;
      return this.markDone(report, { fileKey, ...drawn, ...heading }, path);
    });
  }

  /**
   * A report drawn now, in memory, stored nowhere and recorded nowhere: a document attached to an e-mail
   * (the convocation's notice), rendered when the message is sent so that it shows the meeting as it is.
   */
  async renderFile(kind: ReportKind, rawParams: object): Promise<{ title: string; content: Buffer }> {
    return this.drawToPartial(
      kind,
      rawParams,
      async () => undefined,
      async (path, _drawn, heading) => ({
        title: heading.title,
        content: await readFile(path),
      }),
    );
  }

  /** Collects, draws the kind to a partial file and hands it to `use`; the partial file is dropped after. */
  private async drawToPartial<T>(
    kind: ReportKind,
    rawParams: object,
    progress: (done: number, total: number) => Promise<void>,
    use: (path: string, drawn: DrawnReport, heading: { title: string; scope: string }) => Promise<T>,
  ): Promise<T> {
    const definition = this.kinds.get(kind);
    const path = await this.storage.partialFile();
    try {
      const { task, small } = await this.collect(kind, rawParams, path);
      // A small report draws here, in less time than a thread costs; a larger one in a thread, off this loop.
      const drawn =
        this.pool && !small
          ? await this.pool.draw(task, progress)
          : await drawReport(definition.render, task, progress);
      return await use(path, drawn, { title: task.title, scope: task.scope });
    } finally {
      // Gone already once stored; otherwise (lease lost, drawing failed, read in memory) it is dropped here.
      await this.storage.discardPartial(path);
    }
  }

  /**
   * Collects the report's data and packs it: the collected objects (a whole ledger) are not kept while
   * the report is drawn, only the packed buffer, which the pool moves to its thread. `small`: few enough
   * rows (RENDER_INLINE_MAX_ROWS) to draw on this thread.
   */
  private async collect(
    kind: ReportKind,
    rawParams: object,
    path: string,
  ): Promise<{ task: DrawTask; small: boolean }> {
    const definition = this.kinds.get(kind);
    const params = validReportParams(definition, rawParams);
    const data = await definition.collect(params);
    const task: DrawTask = {
      kind,
      params,
      data: packData(data),
      title: definition.title(params, data),
      scope: definition.scope(params, data),
      generatedAt: new Date(),
      path,
    };
    return { task, small: hasAtMostRows(data, this.config.get('RENDER_INLINE_MAX_ROWS')) };
  }

  private async markDone(report: ReportEntity, rendered: RenderedFile, path: string): Promise<boolean> {
    return this.audit.write(SYSTEM_ACTOR, async (tx) => {
      if (!(await this.reports.markDone(tx, report.id, report.attempts, rendered))) {
        this.logger.warn(`Report ${report.id}: lease lost to another worker, this rendering is dropped`);
        return { result: false, audit: [] };
      }
      // Stored while the row is locked by the update above: a later claim waits for this commit.
      await this.storage.putFile(rendered.fileKey, path);
      return {
        result: true,
        audit: {
          action: 'report.done',
          entityType: 'report',
          entityId: report.id,
          before: { status: 'running' },
          after: { status: 'done', fileSha256: rendered.fileSha256, dataSha256: rendered.dataSha256 },
        },
      };
    });
  }

  /**
   * The kind's progress callback for this claim: throttled (about one write a second, none for a report
   * done within a second), each write conditional on the claim still holding the running report. A write
   * that fails is logged and the rendering goes on: progress is what a person waits on, not the report.
   */
  private progressOf(report: ReportEntity): (done: number, total: number) => Promise<void> {
    const throttle = new ProgressThrottle(Date.now());
    return async (done, total) => {
      const percent = throttle.due(progressPercent(done, total), Date.now());
      if (percent === null) return;
      await this.reports.recordProgress(report.id, report.attempts, percent).catch((error: Error) => {
        this.logger.warn(`Report ${report.id}: progress ${percent} % not recorded (${error.message})`);
      });
    };
  }

  /**
   * Called once BullMQ has given up retrying: the report ends `failed` with a readable French message
   * (what its requester sees); the exception itself goes to this worker's log, with the report id.
   */
  async fail(reportId: string, error: unknown): Promise<void> {
    const message = reportFailureMessage(error);
    this.logger.error(
      `Report ${reportId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    await this.audit.write(SYSTEM_ACTOR, async (tx) => ({
      result: undefined,
      audit: (await this.reports.markFailed(tx, reportId, message))
        ? {
            action: 'report.failed',
            entityType: 'report',
            entityId: reportId,
            after: { status: 'failed', error: message },
          }
        : [],
    }));
  }
}
