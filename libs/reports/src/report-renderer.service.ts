import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AppConfig, Database, FileStorage, SYSTEM_ACTOR } from '@app/core';
import { PdfReport } from './pdf/pdf-report';
import { ReportKindRegistry } from './report-kind.registry';
import { dataHash, sha256 } from './report-fingerprint';
import { ReportsRepository } from './reports.repository';

/**
 * Renders one report. Safe to run twice (BullMQ delivers at least once): a finished report is left
 * alone, and the file key is the report id, so a second run overwrites the same single file.
 */
@Injectable()
export class ReportRendererService {
  private readonly logger = new Logger(ReportRendererService.name);

  constructor(
    private readonly db: Database,
    private readonly reports: ReportsRepository,
    private readonly kinds: ReportKindRegistry,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async render(reportId: string): Promise<void> {
    const report = await this.db.transaction((tx) =>
      this.reports.claim(tx, reportId, this.config.get('REPORT_LEASE_SECONDS')),
    );
    if (!report) {
      this.logger.log(`Report ${reportId} is already finished or unknown: nothing to do`);
      return;
    }
    const definition = this.kinds.get(report.kind);
    const params = definition.parseParams(report.params);
    const data = await definition.collect(params);
    const dataSha256 = dataHash(data);
    const pdf = new PdfReport({
      title: definition.title(params, data),
      scope: definition.scope(params, data),
      generatedAt: new Date(),
      dataSha256,
    });
    definition.render(pdf, data, params);
    const file = await pdf.toBuffer();
    const fileKey = `reports/${report.id}.pdf`;
    await this.storage.put(fileKey, file);
    const rendered = { fileKey, fileSha256: sha256(file), fileSize: file.length, dataSha256 };
    await this.db.transaction(async (tx) => {
      if (!(await this.reports.markDone(tx, report.id, rendered))) return;
      await this.audit.record(tx, SYSTEM_ACTOR, {
        action: 'report.done',
        entityType: 'report',
        entityId: report.id,
        before: { status: 'running' },
        after: { status: 'done', fileSha256: rendered.fileSha256, dataSha256 },
      });
    });
  }

  /** Called once BullMQ has given up retrying: the report ends `failed` with a readable error. */
  async fail(reportId: string, error: string): Promise<void> {
    const message = `Échec de la génération : ${error}`.slice(0, 2000);
    await this.db.transaction(async (tx) => {
      if (!(await this.reports.markFailed(tx, reportId, message))) return;
      await this.audit.record(tx, SYSTEM_ACTOR, {
        action: 'report.failed',
        entityType: 'report',
        entityId: reportId,
        after: { status: 'failed', error: message },
      });
    });
  }
}
