/** A running report's progress is written at most this often: never a write per row. */
export const PROGRESS_INTERVAL_MS = 1000;

/**
 * The share of the percent the kind's own steps cover; the rest is pdfkit closing the document
 * (fonts subset, objects written: about a tenth of a long funding report's time).
 */
export const RENDER_SHARE = 90;

/** `done` of `total` steps as a whole percent of `share`, never 100 before the report is done. */
export function progressPercent(done: number, total: number, share = RENDER_SHARE): number {
  if (!(total > 0)) return 0;
  return Math.min(99, Math.max(0, Math.floor((Math.min(done, total) / total) * share)));
}

/**
 * Which progress values get written (the clock is passed in, so this stays pure): a higher percent
 * than the last written, at least an interval after the last write or the start. A report done within
 * a second writes none (the claim wrote 0, done writes 100); a long one about one a second.
 */
export class ProgressThrottle {
  private written = 0;
  private writtenAt: number;

  constructor(
    startedAt: number,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {
    this.writtenAt = startedAt;
  }

  /** The percent to write now, or null when none is due. */
  due(percent: number, now: number): number | null {
    if (percent <= this.written || now - this.writtenAt < this.intervalMs) return null;
    this.written = percent;
    this.writtenAt = now;
    return percent;
  }
}
