import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { MessageChannel } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { AppConfig } from '@app/core';
import { ReportRendererService, ReportRenderPool, type DrawnReport, type DrawTask } from '@app/reports';
import type { ThreadTask } from './render-thread';

/**
 * Heap of a rendering thread. A 55,000-row funding report draws within it; a report that would not fails
 * (its thread ends with ERR_WORKER_OUT_OF_MEMORY) instead of taking the worker's memory. The young
 * generation is small: since the drawing's writes are batched (see batched-writes.ts) it makes little
 * garbage, and a larger one (48 MB) only added to the worker's peak memory, at the same CPU time.
 */
const THREAD_HEAP = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };
/** How long a thread beyond the first stays idle before it ends. */
const EXTRA_THREAD_IDLE_MS = 60_000;

/**
 * Draws reports in a pool of threads, up to one per job the worker runs at once: the drawing of a
 * 55,000-row ledger takes seconds of CPU that would otherwise stop this process's event loop, and with it
 * BullMQ's lock renewals and the database pool. The main thread claims, collects (async SQL), records
 * progress and the result; a thread hashes the data, draws and streams the PDF to the partial file.
 * Small reports draw on the main thread (RENDER_INLINE_MAX_ROWS), so the threads serve the large ones,
 * which are rare: one is kept warm (fonts parsed at start), the others start when large reports draw at
 * once and end after a minute idle, each idle thread costing about 36 MB.
 */
@Injectable()
export class ThreadRenderPool extends ReportRenderPool implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ThreadRenderPool.name);
  private readonly pool: Piscina<ThreadTask, DrawnReport>;

  constructor(
    config: AppConfig,
    private readonly renderer: ReportRendererService,
  ) {
    super();
    const threads = config.get('WORKER_CONCURRENCY');
    this.pool = new Piscina({
      filename: join(__dirname, 'render-thread.js'),
      minThreads: 1,
      maxThreads: threads,
      idleTimeout: EXTRA_THREAD_IDLE_MS,
      resourceLimits: THREAD_HEAP,
    });
  }

  onModuleInit(): void {
    this.renderer.usePool(this);
  }

  async draw(task: DrawTask, progress: (done: number, total: number) => unknown): Promise<DrawnReport> {
    const channel = new MessageChannel();
    channel.port2.on('message', ([done, total]: [number, number]) => progress(done, total));
    // How long this process's event loop waited while the report was drawn (the figure the funding bench reads).
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    try {
      // The packed data moves to the thread (it is this thread's only copy), unless it shares its memory.
      const { data } = task;
      const moved = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? [data.buffer] : [];
      // piscina derives its transfer list's type from an older MessagePort.postMessage signature.
      const transfer = { transferList: [channel.port1, ...moved] } as unknown as Parameters<Piscina['run']>[1];
      return await this.pool.run({ task, progress: channel.port1 }, transfer);
    } finally {
      delay.disable();
      channel.port2.close();
      this.logger.log(
        `Report ${task.kind} drawn in a thread in ${Date.now() - started} ms; event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`,
      );
    }
  }

  /** The pool's use now: its threads, the drawings waiting for one, and how busy the threads were (0–1). */
  usage(): { threads: number; queued: number; utilization: number } {
    return { threads: this.pool.threads.length, queued: this.pool.queueSize, utilization: this.pool.utilization };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close({ force: true });
  }
}
