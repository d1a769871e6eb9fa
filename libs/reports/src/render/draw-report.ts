import { deserialize, serialize } from 'node:v8';
import type { ReportProgress } from '../report-definition';
import { dataHash } from '../report-fingerprint';
import type { ReportKind } from '../report-lifecycle';
import { PdfReport } from '../pdf/pdf-report';

/** A kind's drawing: its `render`, plain code that a rendering thread can load without Nest. */
export type ReportDrawing = (pdf: PdfReport, data: never, params: never, progress: ReportProgress) => unknown;

/** What a rendering needs, all of it plain data (it crosses to a thread by structured clone). */
export interface DrawTask {
  kind: ReportKind;
  params: object;
  /** The collected data, packed (see `packData`): it crosses to a thread moved, not copied. */
  data: Uint8Array;
  title: string;
  scope: string;
  generatedAt: Date;
  /** The partial file the PDF is streamed to (see `FileStorage.partialFile`). */
  path: string;
}

export interface DrawnReport {
  dataSha256: string;
  fileSha256: string;
  fileSize: number;
}

/**
 * The collected data as one buffer, in the structured clone's own format (what a thread would receive):
 * the collector's objects (a 50,000-payment ledger) are garbage once packed, and the buffer is moved to
 * the rendering thread (a transfer) where a structured clone would copy it and leave the caller's.
 */
export function packData(data: unknown): Uint8Array {
  return serialize(data);
}

/** How often a long drawing gives way to the event loop, so that written pages leave memory. */
const YIELD_EVERY_MS = 50;

/**
 * Hashes the data, draws the report with the kind's drawing and streams it to `task.path`. Runs in a
 * rendering thread (the worker's pool) or in process; `progress` is called, and awaited, as the kind counts
 * its steps.
 * The hash is computed here, where the data is drawn: on a large ledger it takes a good part of a
 * second, which the thread takes off the worker's event loop.
 */
export async function drawReport(
  drawing: ReportDrawing,
  task: DrawTask,
  progress: (done: number, total: number) => void | Promise<void>,
): Promise<DrawnReport> {
  const data: unknown = deserialize(task.data);
  // The packed copy is garbage once unpacked: a thread's task message would otherwise hold it while drawing.
  task.data = new Uint8Array(0);
  const dataSha256 = dataHash(data);
  const pdf = new PdfReport({ title: task.title, scope: task.scope, generatedAt: task.generatedAt, dataSha256 });
  const file = pdf.streamTo(task.path);
  let yieldedAt = Date.now();
  await (drawing as (pdf: PdfReport, data: unknown, params: object, progress: ReportProgress) => unknown)(
    pdf,
    data,
    task.params,
    async (done, total) => {
      await progress(done, total);
      if (Date.now() - yieldedAt < YIELD_EVERY_MS) return;
      // Macrotasks, not a resolved promise: the file stream writes the pages drawn so far.
      await file.written();
      yieldedAt = Date.now();
    },
  );
  await progress(1, 1); // drawn: what is left is closing the document
  const { sha256, size } = await file.end();
  return { dataSha256, fileSha256: sha256, fileSize: size };
}
