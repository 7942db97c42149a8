import { StringDecoder } from "node:string_decoder";
import type { RecordOrder } from "../evaluate/to-comparator.js";
import type { Predicate } from "../evaluate/to-predicate.js";
import { flattenResponse, isClassificationResponse, kindOf } from "./classification-response.js";
import { JsonArraySplitter } from "./json-array-splitter.js";
import { LineSplitter, maxLineLength } from "./line-splitter.js";
import type { OutputBuffer } from "./output-buffer.js";

export interface FilterPlan {
  readonly test: Predicate;
  /** Null when the query does not sort: rows then go out as they are read. */
  readonly order: RecordOrder | null;
  /** Stop after this many matches (after sorting, when the query sorts); Infinity for all. */
  readonly limit: number;
  /** Count the matches instead of writing them. */
  readonly countOnly: boolean;
}

export interface FilterCounts {
  /** Rows met: non-blank lines, array elements or response matches, invalid ones included. */
  readonly read: number;
  readonly matched: number;
  readonly invalid: number;
  /** Input bytes consumed so far. */
  readonly bytes: number;
}

export type InputFormat = "ndjson" | "json-array" | "response" | "empty";

export interface FilterSummary extends FilterCounts {
  /** Rows written to the output (none with `countOnly`). */
  readonly written: number;
  readonly format: InputFormat;
  /** True when `--limit` stopped the reading before the end of the input. */
  readonly stoppedEarly: boolean;
  /** True when the output failed (EPIPE: the reader went away) and the reading stopped there. */
  readonly outputClosed: boolean;
}

export interface FilterEvents {
  /** A row that could not be read: `line 17: not valid JSON (…)`. */
  invalid(message: string): void;
  /** Called after each chunk of input. */
  progress?(counts: FilterCounts): void;
  /** Called once the input is read, before the held or counted rows are written. */
  finishing?(): void;
}

/** The most text held to decide whether an input starting with `{` is one pretty-printed response. */
export const maxResponseLength = maxLineLength;

const openBrace = 123;
const openBracket = 91;

/**
 * The core of `taxql filter`: reads NDJSON, a JSON array or a saved list-classifications response
 * from `input`, writes the matching rows to `out` as NDJSON (each NDJSON row as its own source
 * text), and reports unreadable rows through `events`. Without a sort only the current chunk is
 * held, so memory stays flat however long the input; with a sort only the matches are kept (only
 * the first `limit` of them when there is a limit).
 */
export async function filterRows(
  input: AsyncIterable<Uint8Array | string>,
  plan: FilterPlan,
  out: OutputBuffer,
  events: FilterEvents,
): Promise<FilterSummary> {
  const run = new FilterRun(plan, out, events);
  const decoder = new StringDecoder("utf8");
  for await (const chunk of input) {
    if (typeof chunk === "string") {
      run.bytes += Buffer.byteLength(chunk);
      run.push(chunk);
    } else {
      run.bytes += chunk.byteLength;
      run.push(decoder.write(chunk as Buffer));
    }
    events.progress?.(run);
    if (run.done || out.closed) break;
    const ready = out.ready();
    if (ready !== null) await ready;
  }
  const stoppedEarly = run.done;
  // a reader that has gone away ends the run where it is: what is left of the input is not read
  if (out.closed) run.done = true;
  if (!run.done) run.push(decoder.end());
  run.end();
  events.finishing?.();
  const written = run.writeHeld();
  if (plan.countOnly) out.write(`${Math.min(run.matched, plan.limit)}\n`);
  await out.end();
  return {
    read: run.read,
    matched: run.matched,
    invalid: run.invalid,
    written,
    bytes: run.bytes,
    format: run.format,
    stoppedEarly,
    outputClosed: out.closed,
  };
}

interface Held {
  /** Null when the row is written as its text. */
  readonly record: unknown;
  /** Its sort key, read once. */
  readonly key: unknown;
  readonly text: string | null;
}

/** Whether the line holds only JSON whitespace. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class FilterRun implements FilterCounts {
  read = 0;
  matched = 0;
  invalid = 0;
  bytes = 0;
  format: InputFormat = "empty";
  done = false;

  private readonly test: Predicate;
  private readonly order: RecordOrder | null;
  private readonly limit: number;
  private readonly writeRows: boolean;
  /** Whether matches are held to be sorted (not when only counting). */
  private readonly hold: boolean;
  private readonly held: Held[] = [];
  /** With a sort and a limit, once pruned: the last of the first `limit` matches so far. */
  private last: Held | null = null;
  /** With a sort and a limit: how many matches may pile up before the tail beyond `limit` is cut. */
  private readonly pruneAt: number;
  private started = false;
  /** Whether any text has arrived (a byte-order mark counts only at the very start). */
  private pushed = false;
  private lines: LineSplitter | null = null;
  private array: JsonArraySplitter | null = null;
  /** While the input might still be one response: the first line when it parsed as one, or every line so far when it did not parse. */
  private candidate: { readonly value: { readonly results: readonly unknown[] }; readonly line: string; readonly lineNumber: number } | null = null;
  private buffered: Array<{ readonly line: string; readonly lineNumber: number }> | null = null;
  private bufferedLength = 0;

  constructor(
    plan: FilterPlan,
    private readonly out: OutputBuffer,
    private readonly events: FilterEvents,
  ) {
    this.test = plan.test;
    this.order = plan.order;
    this.limit = plan.limit;
    this.writeRows = !plan.countOnly;
    this.hold = plan.order !== null && !plan.countOnly;
    this.pruneAt = Number.isFinite(plan.limit) ? Math.max(2 * plan.limit, 1024) : Infinity;
    if (plan.limit <= 0) this.done = true;
  }

  push(chunk: string): void {
    let text = chunk;
    if (!this.started) {
      if (!this.pushed && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.pushed = text !== "" || this.pushed;
      const at = firstNonBlank(text);
      if (at === -1) return;
      this.start(text.charCodeAt(at));
    }
    if (text === "") return;
    if (this.lines !== null) this.lines.push(text);
    else this.array!.push(text);
  }

  end(): void {
    if (this.done) return;
    if (this.lines !== null) this.lines.end();
    if (this.array !== null) this.array.end();
    if (this.candidate !== null) {
      const { value } = this.candidate;
      this.candidate = null;
      this.response(value);
    } else if (this.buffered !== null) {
      this.endBuffered();
    }
  }

  /** Writes the held matches, sorted; returns how many were written. */
  writeHeld(): number {
    if (!this.hold) return this.writeRows ? Math.min(this.matched, this.limit) : 0;
    if (this.out.closed) return 0;
    const order = this.order!;
    const held = this.held;
    held.sort((a, b) => order.compare(a.key, b.key));
    const count = Math.min(held.length, this.limit);
    for (let i = 0; i < count; i++) {
      const { record, text } = held[i]!;
      this.out.write((text ?? JSON.stringify(record)) + "\n");
    }
    return count;
  }

  private start(first: number): void {
    this.started = true;
    if (first === openBracket) {
      this.format = "json-array";
      this.array = new JsonArraySplitter(this.element, this.arrayProblem, maxLineLength);
    } else if (first === openBrace) {
      this.format = "ndjson";
      this.lines = new LineSplitter(this.maybeResponse, this.longLine);
    } else {
      this.format = "ndjson";
      this.lines = new LineSplitter(this.ndjsonLine, this.longLine);
    }
  }

  /** A record that was read: tested, and written or held. */
  private accept(record: unknown, text: string | null): void {
    if (!this.test(record)) return;
    this.matched++;
    if (this.hold) {
      // with a limit, a row that sorts after the last of the first `limit` so far cannot make it
      const order = this.order!;
      const key = order.key(record);
      const last = this.last;
      if (last !== null && order.compare(key, last.key) >= 0) return;
      // a row with its text is written as that text, so the parsed object need not be kept;
      // the text is a copy, as a slice would keep the whole chunk it was cut from alive
      this.held.push(text === null ? { record, key, text } : { record: null, key, text: copyString(text) });
      if (this.held.length >= this.pruneAt) this.prune();
      return;
    }
    if (this.writeRows) this.out.write((text ?? JSON.stringify(record)) + "\n");
    if (this.matched >= this.limit) this.done = true;
  }

  /** Keeps only the first `limit` matches in sorted order; a stable sort keeps ties in input order. */
  private prune(): void {
    const order = this.order!;
    this.held.sort((a, b) => order.compare(a.key, b.key));
    this.held.length = this.limit;
    this.last = this.held[this.limit - 1] ?? null;
  }

  private report(message: string): void {
    this.invalid++;
    this.events.invalid(message);
  }

  // the hot path: one NDJSON line
  private readonly ndjsonLine = (line: string, lineNumber: number): void => {
    if (this.done) return;
    if (line.charCodeAt(0) !== openBrace && isBlank(line)) return;
    this.read++;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      this.report(`line ${lineNumber}: not valid JSON (${reason(error)})`);
      return;
    }
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      this.report(`line ${lineNumber}: not an object (${kindOf(record)})`);
      return;
    }
    this.accept(record, line);
  };

  /** Lines of an input that starts with `{`, while it might still be a single response. */
  private readonly maybeResponse = (line: string, lineNumber: number): void => {
    if (this.lines!.onLine !== this.maybeResponse) return this.ndjsonLine(line, lineNumber);
    if (this.buffered !== null) {
      this.buffered.push({ line, lineNumber });
      this.bufferedLength += line.length + 1;
      if (this.bufferedLength > maxResponseLength) this.replayBuffered();
      return;
    }
    if (isBlank(line)) return;
    if (this.candidate !== null) {
      const { line: first, lineNumber: firstNumber } = this.candidate;
      this.candidate = null;
      this.toNdjson();
      this.ndjsonLine(first, firstNumber);
      this.ndjsonLine(line, lineNumber);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.buffered = [{ line, lineNumber }];
      this.bufferedLength = line.length + 1;
      return;
    }
    if (isClassificationResponse(value)) {
      this.candidate = { value, line, lineNumber };
      return;
    }
    this.toNdjson();
    this.ndjsonLine(line, lineNumber);
  };

  private toNdjson(): void {
    this.lines!.onLine = this.ndjsonLine;
  }

  private replayBuffered(): void {
    const buffered = this.buffered!;
    this.buffered = null;
    this.toNdjson();
    for (const { line, lineNumber } of buffered) this.ndjsonLine(line, lineNumber);
  }

  private endBuffered(): void {
    const buffered = this.buffered!;
    let value: unknown;
    try {
      value = JSON.parse(buffered.map((entry) => entry.line).join("\n"));
    } catch {
      this.replayBuffered();
      return;
    }
    this.buffered = null;
    if (isClassificationResponse(value)) {
      this.response(value);
      return;
    }
    // one object spread over several lines, but no response: NDJSON allows no such thing
    this.read++;
    this.report(`line ${buffered[0]!.lineNumber}: a JSON value over several lines is not NDJSON, and not a response (no "results" array)`);
  }

  private response(value: { readonly results: readonly unknown[] }): void {
    this.format = "response";
    flattenResponse(
      value,
      (row) => {
        if (this.done) return;
        this.read++;
        this.accept(row, null);
      },
      (where, message) => {
        if (this.done) return;
        this.read++;
        this.report(`${where}: ${message}`);
      },
    );
  }

  private readonly longLine = (lineNumber: number): void => {
    this.read++;
    this.report(`line ${lineNumber}: longer than ${maxLineLength} characters, skipped`);
  };

  private readonly element = (text: string, index: number, lineNumber: number): void => {
    if (this.done) return;
    this.read++;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      this.report(`line ${lineNumber}: element ${index} is not valid JSON (${reason(error)})`);
      return;
    }
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      this.report(`line ${lineNumber}: element ${index} is not an object (${kindOf(record)})`);
      return;
    }
    this.accept(record, null);
  };

  private readonly arrayProblem = (message: string, lineNumber: number): void => {
    if (this.done) return;
    this.report(`line ${lineNumber}: ${message}`);
  };
}

/** A flat copy, holding no reference to the string it was sliced from. */
function copyString(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return i;
  }
  return -1;
}
