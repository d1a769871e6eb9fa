import type { MessagePort } from 'node:worker_threads';
import { preloadFonts } from '@app/reports/pdf/pdf-report';
import { drawReport, type DrawnReport, type DrawTask } from '@app/reports/render/draw-report';
import { DRAWINGS } from './drawings';

/** A rendering thread of the worker's pool (see `ThreadRenderPool`): draws one report per task. */

// Parsed as the thread starts, not in the first report's time: the pool keeps its threads warm.
preloadFonts();

export interface ThreadTask {
  task: DrawTask;
  /** Where the thread posts `[done, total]` as the kind counts its steps. */
  progress: MessagePort;
}

export default async function render({ task, progress }: ThreadTask): Promise<DrawnReport> {
  try {
    return await drawReport(DRAWINGS[task.kind], task, (done, total) => progress.postMessage([done, total]));
  } finally {
    progress.close();
  }
}
