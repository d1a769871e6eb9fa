import type { DrawnReport, DrawTask } from './draw-report';

/**
 * Draws reports away from the caller's event loop: the worker provides one (a pool of threads with a
 * bounded heap); without it, `ReportRendererService` draws in process.
 */
export abstract class ReportRenderPool {
  /** `progress` is called as the thread posts it, not awaited: the drawing does not wait for it. */
  abstract draw(task: DrawTask, progress: (done: number, total: number) => unknown): Promise<DrawnReport>;
}
