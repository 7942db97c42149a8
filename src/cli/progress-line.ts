import type { FilterCounts } from "./filter-rows.js";

/** How long a run goes before it counts as large and shows progress, and how often it redraws. */
const showAfterMs = 1000;
const redrawEveryMs = 250;
const eraseLine = "\r\u001b[2K";

/**
 * A one-line progress report on a terminal (rows read, matched, rows per second, and how far
 * through the file), drawn only once the run has lasted a second, at most four times a second,
 * and erased before anything else is written to the terminal.
 */
export class ProgressLine {
  private drawn = false;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly startedAt: number,
    private readonly totalBytes: number | null,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  update(counts: FilterCounts): void {
    const now = this.clock();
    const elapsed = now - this.startedAt;
    if (elapsed < showAfterMs || now - this.lastDraw < redrawEveryMs) return;
    this.lastDraw = now;
    const rate = Math.round((counts.read / elapsed) * 1000);
    const share = this.totalBytes ? ` ${Math.min(100, Math.floor((counts.bytes / this.totalBytes) * 100))}%` : "";
    this.stream.write(`${eraseLine}${formatCount(counts.read)} rows read, ${formatCount(counts.matched)} matched, ${formatCount(rate)} rows/s${share}`);
    this.drawn = true;
  }

  clear(): void {
    if (!this.drawn) return;
    this.stream.write(eraseLine);
    this.drawn = false;
  }
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
