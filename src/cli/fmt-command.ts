import { parseArgs } from "node:util";
import { describe } from "../diagnostics/messages.js";
import { severityOf } from "../diagnostics/diagnostic.js";
import { format } from "../format/format-query.js";
import { parseQuery } from "../syntax/parse.js";
import { renderDiagnostic } from "./render-diagnostic.js";
import { colourWanted, readAll, type Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

export const fmtHelp = `usage: taxql fmt [QUERY|-]

Prints QUERY (or standard input, when QUERY is - or left out) in canonical form:
lower-case keywords, and written out, parentheses only where needed, strings in
double quotes, every sort key with its direction. Only the syntax is read: field
names and values are not checked against a catalogue (taxql compile does that).

  --help               this text

Exit status: 0 formatted, 1 the query has syntax errors (shown on stderr), 2 usage.`;

export async function fmtCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { help: { type: "boolean" } }, allowPositionals: true });
  if (values.help) {
    terminal.stdout.write(fmtHelp + "\n");
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("give the query as one argument (quote it) or on standard input");
  const text = positionals[0] === undefined || positionals[0] === "-" ? (await readAll(terminal.stdin)).replace(/\r?\n$/, "") : positionals[0];
  const parsed = parseQuery(text);
  const colour = colourWanted(terminal);
  const diagnostics = parsed.problems.map(describe).sort((a, b) => a.start - b.start);
  for (const diagnostic of diagnostics) terminal.stderr.write(renderDiagnostic(text, diagnostic, { colour }) + "\n");
  if (parsed.problems.some((problem) => severityOf(problem.code) === "error")) return 1;
  terminal.stdout.write(format(parsed.query) + "\n");
  return 0;
}
