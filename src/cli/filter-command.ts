import { parseArgs } from "node:util";
import { compileLocal } from "../local-query.js";
import { filterRows, type FilterSummary } from "./filter-rows.js";
import { openInput } from "./input-source.js";
import { OutputBuffer } from "./output-buffer.js";
import { formatCount, ProgressLine } from "./progress-line.js";
import { compileOptionsFrom, queryFlags } from "./query-options.js";
import { renderDiagnostic } from "./render-diagnostic.js";
import { colourWanted, type Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

export const filterHelp = `usage: taxql filter QUERY [options]

Reads rows and writes those that match QUERY to standard output as NDJSON,
sorted when the query sorts. The input is NDJSON (one object per line), a JSON
array of objects, or a saved list-classifications response ({"results": [...]},
one row per match). Rows stream: without a sort, memory stays flat.

  --in FILE            read FILE (default, or -: standard input)
  --limit N            stop after N matching rows (with a sort: the first N in order)
  --count              print only the number of matching rows
  --now ISO            what now means in relative dates (default: the clock)
  --case-sensitive     compare strings case-sensitively
  --catalogue FILE     the fields, as catalogue JSON (default: classification rows)
  --skip-invalid       rows that are not JSON objects are reported but do not fail the run
  --help               this text

A summary (rows read, matched, invalid, time) goes to standard error.
Exit status: 0 done, 1 the query has errors or some rows could not be read, 2 usage.`;

/** Invalid rows reported one by one; after that they are only counted. */
const maxReported = 100;

export async function filterCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      now: queryFlags.now,
      "case-sensitive": queryFlags["case-sensitive"],
      catalogue: queryFlags.catalogue,
      in: { type: "string" },
      limit: { type: "string" },
      count: { type: "boolean" },
      "skip-invalid": { type: "boolean" },
      help: { type: "boolean" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    terminal.stdout.write(filterHelp + "\n");
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("give the query as the first argument (quote it; \"\" matches every row)");
  if (positionals.length > 1) throw new UsageError("give the query as one argument (quote it)");
  const text = positionals[0]!;
  const limit = parseLimit(values.limit);
  const options = await compileOptionsFrom(values);

  const local = compileLocal(text, options);
  const colour = colourWanted(terminal);
  for (const diagnostic of local.diagnostics) terminal.stderr.write(renderDiagnostic(text, diagnostic, { colour }) + "\n");
  if (!local.ok) return 1;

  const input = await openInput(values.in, terminal);
  const startedAt = performance.now();
  // rows written to the same terminal would run through the progress line
  const rowsOnTerminal = (terminal.stdout as { readonly isTTY?: boolean }).isTTY === true && values.count !== true;
  const progress = terminal.stderr.isTTY === true && !rowsOnTerminal ? new ProgressLine(terminal.stderr, startedAt, input.size) : null;
  const out = new OutputBuffer(terminal.stdout);
  let reported = 0;
  let summary: FilterSummary;
  try {
    summary = await filterRows(
      input.stream,
      { test: local.test, order: local.order, limit, countOnly: values.count === true },
      out,
      {
        invalid(message) {
          progress?.clear();
          reported++;
          if (reported <= maxReported) terminal.stderr.write(message + "\n");
          else if (reported === maxReported + 1) terminal.stderr.write(`further invalid rows are counted, not shown\n`);
        },
        progress: progress === null ? undefined : (counts) => progress.update(counts),
        finishing: () => progress?.clear(),
      },
    );
  } catch (error) {
    progress?.clear();
    terminal.stderr.write(`taxql filter: cannot read ${input.name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  progress?.clear();
  terminal.stderr.write(summaryLine(summary, performance.now() - startedAt, values.count === true) + "\n");
  const failure = out.error as NodeJS.ErrnoException | null;
  if (failure !== null && failure.code !== "EPIPE") {
    terminal.stderr.write(`taxql filter: cannot write the output: ${failure.code ?? failure.message}\n`);
    return 1;
  }
  return summary.invalid > 0 && values["skip-invalid"] !== true ? 1 : 0;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^\d+$/.test(value)) throw new UsageError(`--limit must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** `50,000 rows read, 1,234 matched, 0 invalid in 0.42 s (119,048 rows/s)` */
export function summaryLine(summary: FilterSummary, elapsedMs: number, countOnly: boolean): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.read / seconds) : summary.read;
  const written = !countOnly && summary.written !== summary.matched ? `, ${formatCount(summary.written)} written` : "";
  const stopped = summary.outputClosed ? " (stopped: the output was closed)" : summary.stoppedEarly ? " (stopped at --limit)" : "";
  return (
    `taxql filter: ${formatCount(summary.read)} rows read, ${formatCount(summary.matched)} matched${written}, ` +
    `${formatCount(summary.invalid)} invalid in ${seconds.toFixed(2)} s (${formatCount(rate)} rows/s)${stopped}`
  );
}
