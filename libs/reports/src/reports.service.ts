import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { type Audited, AuditService } from '@app/audit';
import { Actor, Page, PageQueryDto, DomainError, FileStorage, found, JobQueue, withTimeout, Tx } from '@app/core';
import { CreateReportDto, QueuedReportDto, ReportDto } from './dto/report.dto';
import { ReportEntity } from './entities/report.entity';
import { ReportKindRegistry } from './report-kind.registry';
import { requestFingerprint } from './report-fingerprint';
import { DEDUPE_WINDOW_MS, reportLifecycle, type ReportStatus } from './report-lifecycle';
import { validReportParams } from './report-params';
import { type NewReport, ReportsRepository } from './reports.repository';
import { ReportsErrorCode } from './reports.errors';
import { reportsPolicy } from './reports.policy';

/** A report request answers within 2 s even when Redis hangs: past this, queuing is the reconciler's job. */
const ENQUEUE_WAIT_MS = 1000;

export interface QueuedReport {
  id: string;
  status: ReportStatus;
  /** False when an identical recent request was found: nothing new to queue. */
  created: boolean;
}

/** Report requests, status and downloads: what the api does with reports. */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly reports: ReportsRepository,
    private readonly kinds: ReportKindRegistry,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Records the request, then queues it after commit; an identical recent request returns the existing
   * report. The subject's data is read before the transaction opens: a transaction that waited for a
   * second pooled connection could starve the pool under a burst of requests.
   */
  async request(actor: Actor, dto: CreateReportDto): Promise<QueuedReportDto> {
    const prepared = await this.prepare(actor, dto);
    const queued = await this.audit.write(actor, (tx) => this.record(tx, prepared));
    await this.enqueue(queued);
    return { id: queued.id, status: queued.status };
  }

  /**
   * Records a request inside the caller's transaction (publishing minutes and queuing their PDF commit
   * together); the caller passes the result to `enqueue` once committed.
   */
  async requestWithin(tx: Tx, actor: Actor, dto: CreateReportDto): Promise<QueuedReport> {
    const { result, audit } = await this.record(tx, await this.prepare(actor, dto));
    for (const event of [audit].flat()) await this.audit.record(tx, actor, event);
    return result;
  }

  /**
   * Checks the request and the caller's right to its subject, and fingerprints it with the version of the
   * data it would be built from (never the data itself: a funding report's ledger may hold a million
   * rows; the worker hashes the data it renders into the report's dataSha256).
   */
  private async prepare(actor: Actor, dto: CreateReportDto): Promise<NewReport> {
    const definition = this.kinds.get(dto.kind);
    const params = validReportParams(definition, dto.params);
    await definition.authorize(actor, params);
    return {
      kind: dto.kind,
      params: params as Record<string, unknown>,
      requestedBy: actor.id,
      requestFingerprint: requestFingerprint(dto.kind, params, await definition.dataVersion(params)),
    };
  }

  /** The new report and its `report.request` event, or the identical recent one and no event. */
  private async record(tx: Tx, request: NewReport): Promise<Audited<QueuedReport>> {
    await this.reports.lockRequest(tx, `${request.requestedBy}:${request.requestFingerprint}`);
    const existing = await this.reports.findRecentDuplicate(tx, request, new Date(Date.now() - DEDUPE_WINDOW_MS));
    if (existing) return { result: { id: existing.id, status: existing.status, created: false }, audit: [] };
    const inserted = await this.reports.insert(tx, request);
    return {
      result: { id: inserted.id, status: inserted.status, created: true },
      audit: {
        action: 'report.request',
        entityType: 'report',
        entityId: inserted.id,
        after: { kind: inserted.kind, params: inserted.params, status: inserted.status },
      },
    };
  }

  /**
   * Queues a newly recorded report. Queue failures are not the requester's problem: the row stays
   * queued in PostgreSQL and the worker's reconciler queues it.
   */
  async enqueue(report: QueuedReport): Promise<void> {
    if (!report.created) return;
    try {
      await withTimeout(
        this.jobs.enqueue('report.render', { reportId: report.id }, report.id),
        ENQUEUE_WAIT_MS,
        'enqueue',
      );
    } catch (error) {
      this.logger.warn(
        `Report ${report.id} recorded but not queued (${(error as Error).message}); the reconciler will queue it`,
      );
    }
  }

  async get(actor: Actor, id: string): Promise<ReportDto> {
    return toReportDto(await this.readable(actor, id), actor);
  }

  /** The caller's own reports, newest first; an admin sees everyone's. */
  async list(actor: Actor, page: PageQueryDto): Promise<Page<ReportDto>> {
    const everyone = reportsPolicy.allows(actor, 'seeEveryonesReports');
    const [rows, total] = await this.reports.list(everyone ? null : actor.id, page.limit, page.offset);
    return { items: rows.map((r) => toReportDto(r, actor)), total };
  }

  async openFile(actor: Actor, id: string): Promise<{ stream: Readable; filename: string; size: number | null }> {
    const report = await this.readable(actor, id);
    if (report.status !== 'done' || !report.fileKey) {
      throw DomainError.conflict(
        ReportsErrorCode.ReportNotReady,
        `Report ${id} is ${report.status}: its file is not available`,
      );
    }
    const stream = await this.storage.read(report.fileKey);
    return { stream, filename: `${report.kind}-${report.id}.pdf`, size: report.fileSize };
  }

  /**
   * Whoever may read the subject may read the report, checked on every read with the caller's rights of
   * now: the requester too, and the admin, lose the report with the right to its subject. A failed report
   * carries nothing of its subject (no file, no hash, a generic error), so its requester and the admin
   * still see why it failed, even when the subject is gone.
   */
  private async readable(actor: Actor, id: string): Promise<ReportEntity> {
    const report = found(await this.reports.findById(id), ReportsErrorCode.ReportNotFound, id);
    const own = report.requestedBy === actor.id || reportsPolicy.allows(actor, 'seeEveryonesReports');
    if (report.status === 'failed' && own) return report;
    const definition = this.kinds.get(report.kind);
    await definition.authorize(actor, validReportParams(definition, report.params));
    return report;
  }
}

export function toReportDto(r: ReportEntity, reader: Actor): ReportDto {
  return {
    id: r.id,
    kind: r.kind,
    params: r.params,
    status: r.status,
    error: r.error,
    fileSha256: r.fileSha256,
    dataSha256: r.dataSha256,
    fileSize: r.fileSize,
    progressPercent: r.progressPercent,
    title: r.title,
    scope: r.scope,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    allowedTransitions: reportLifecycle.nextFor(r.status, reader.roles),
  };
}
