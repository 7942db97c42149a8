/** Receives each line without its `\n` (nor a `\r` before it), with its 1-based number. */
export type LineHandler = (line: string, lineNumber: number) => void;

/** Told when a line is cut short for being longer than the limit; the rest of it is skipped. */
export type LongLineHandler = (lineNumber: number) => void;

/** The longest line kept whole: well under V8's string limit, so one huge line cannot crash the run. */
export const maxLineLength = 256 * 1024 * 1024;

/**
 * Splits decoded text, chunk by chunk, into lines. Only the unfinished last line of a chunk is
 * carried over; `end` hands over a last line that has no `\n`.
 */
export class LineSplitter {
  private pending = "";
  private skipping = false;
  private lineNumber = 0;

  constructor(
    public onLine: LineHandler,
    private readonly onLongLine: LongLineHandler,
    private readonly limit: number = maxLineLength,
  ) {}

  /** How many lines have been handed over or skipped. */
  get lines(): number {
    return this.lineNumber;
  }

  push(text: string): void {
    let start = 0;
    let newline = text.indexOf("\n");
    if (newline === -1) {
      this.carry(text);
      return;
    }
    if (this.pending !== "" || this.skipping) {
      this.finish(this.skipping ? "" : this.pending + text.slice(0, newline));
      start = newline + 1;
      newline = text.indexOf("\n", start);
    }
    const onLine = this.onLine;
    let lineNumber = this.lineNumber;
    while (newline !== -1) {
      lineNumber++;
      const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      onLine(text.slice(start, end), lineNumber);
      start = newline + 1;
      newline = text.indexOf("\n", start);
    }
    this.lineNumber = lineNumber;
    this.pending = "";
    this.carry(start === 0 ? text : text.slice(start));
  }

  end(): void {
    if (this.pending !== "") this.finish(this.pending);
    this.pending = "";
    this.skipping = false;
  }

  private carry(text: string): void {
    if (this.skipping) return;
    if (this.pending.length + text.length > this.limit) {
      this.pending = "";
      this.skipping = true;
      this.onLongLine(this.lineNumber + 1);
      return;
    }
    this.pending += text;
  }

  private finish(line: string): void {
    this.lineNumber++;
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    this.onLine(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line, this.lineNumber);
  }
}
