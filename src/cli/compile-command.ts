import { parseArgs } from "node:util";
import { compile } from "../compile.js";
import { compileOptionsFrom, queryFlags } from "./query-options.js";
import { renderDiagnostic } from "./render-diagnostic.js";
import { colourWanted, readAll, type Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

export const compileHelp = `usage: taxql compile [QUERY|-] [options]

Compiles QUERY (or standard input, when QUERY is - or left out) to the API's
{"filters": ..., "sort": ...} on standard output.

  --target NAME        classifications (default) or mixpeek-v1
  --now ISO            what now means in relative dates (default: the clock)
  --case-sensitive     compare strings case-sensitively
  --catalogue FILE     the fields, as catalogue JSON (default: classification rows)
  --pretty             indent the JSON
  --help               this text

Exit status: 0 compiled, 1 the query has errors (shown on stderr), 2 usage.`;

export async function compileCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...queryFlags, pretty: { type: "boolean" }, help: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help) {
    terminal.stdout.write(compileHelp + "\n");
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("give the query as one argument (quote it) or on standard input");
  const options = await compileOptionsFrom(values);
  const text = positionals[0] === undefined || positionals[0] === "-" ? stripFinalNewline(await readAll(terminal.stdin)) : positionals[0];
  const result = compile(text, options);
  const colour = colourWanted(terminal);
  for (const diagnostic of result.diagnostics) terminal.stderr.write(renderDiagnostic(text, diagnostic, { colour }) + "\n");
  if (!result.ok) return 1;
  const request = { filters: result.filters, sort: result.sort };
  terminal.stdout.write(JSON.stringify(request, null, values.pretty ? 2 : undefined) + "\n");
  return 0;
}

function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, "");
}
