import type { Type } from '@nestjs/common';
import { Actor } from '@app/core';
import { PdfReport } from './pdf/pdf-report';
import { ReportKind } from './report-lifecycle';

/**
 * What a report kind must say about itself. Domain libraries (identity, governance, calls, roadmap)
 * define their kinds and register them in `ReportKindRegistry` from their module, so the pipeline here
 * never reads another domain's tables, nor imports them.
 */
/**
 * Says how far rendering is: `done` of `total` steps (rows, sections), as the kind counts them. Cheap
 * to call often (the renderer throttles the writes); awaited, so that a due write goes out during a
 * long synchronous drawing.
 */
export type ReportProgress = (done: number, total: number) => Promise<void>;

export interface ReportDefinition<P extends object = object, D = unknown> {
  kind: ReportKind;
  /**
   * The class of `params`, with its class-validator rules: a request's params, and the stored ones
   * before rendering, are checked against it (400 `report.params` naming the field). Its OpenAPI
   * schema is this kind's branch of POST /api/reports' body (see `reportRequestDto`).
   */
  params: Type<P>;
  /**
   * Throws unless the actor may read the report's subject: the very check of the subject's own read route,
   * called from the owning lib's service or policy (never a copy). Run at request and at every read of
   * the report or its file, with the caller's rights of the moment.
   */
  authorize(actor: Actor, params: P): Promise<void>;
  /**
   * A cheap version of the data `collect` would return, computed in SQL by the owning lib's repository
   * (row digests, counters): it must change whenever that data would (a payment added, a title
   * changed…), and never loads the data itself. A request is fingerprinted with it, so that asking
   * twice for the same report on unchanged data returns the first one, whatever the data's size.
   */
  dataVersion(params: P): Promise<string>;
  /** The data the PDF is built from, in a deterministic order: its SHA-256 is the report's dataSha256. */
  collect(params: P): Promise<D>;
  title(params: P, data: D): string;
  /** A line under the title saying what the report covers (a call, a year, a meeting…). */
  scope(params: P, data: D): string;
  /**
   * Draws the report. A kind whose drawing takes seconds (thousands of rows) reports its `progress` as it
   * goes; a short one may ignore it: the renderer reports the phases around it (collected, drawn, done).
   * A plain function of its own module (`<kind>.drawing.ts`, no Nest, no `this`): the worker's rendering
   * threads load it from their table of drawings (apps/worker/src/render/drawings.ts), with `data` cloned.
   */
  render(pdf: PdfReport, data: D, params: P, progress: ReportProgress): void | Promise<void>;
}

export type AnyReportDefinition = ReportDefinition<object, unknown>;
