import { Actor } from '@app/core';
import { PdfReport } from './pdf/pdf-report';
import { ReportKind } from './report-lifecycle';

/**
 * What a report kind must say about itself. Domain libraries (governance, calls, roadmap) define
 * their kinds and register them, so the pipeline here never reads another domain's tables.
 */
export interface ReportDefinition<P extends object = object, D = unknown> {
  kind: ReportKind;
  /** Normalizes and checks `params`; throws a 400 DomainError naming the bad field. */
  parseParams(raw: Record<string, unknown>): P;
  /**
   * Throws unless the actor may read the report's subject: the very check of the subject's own read route,
   * called from the owning lib's service or policy (never a copy). Run at request and at every read of
   * the report or its file, with the caller's rights of the moment.
   */
  authorize(actor: Actor, params: P): Promise<void>;
  /** The data the PDF is built from, in a deterministic order: its SHA-256 is the report's dataSha256. */
  collect(params: P): Promise<D>;
  title(params: P, data: D): string;
  /** A line under the title saying what the report covers (a call, a year, a meeting…). */
  scope(params: P, data: D): string;
  render(pdf: PdfReport, data: D, params: P): void;
}

export type AnyReportDefinition = ReportDefinition<object, unknown>;
