import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { fromFilters, fromRequest, type FromFiltersOptions } from "../decompile/from-filters.js";
import type { FilterDiagnostic } from "../decompile/filter-diagnostic.js";
import { jsonLocations, lineOf } from "./json-locations.js";
import { compileOptionsFrom, jsonErrorWithLine } from "./query-options.js";
import { readAll, type Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

export const decompileHelp = `usage: taxql decompile [FILE|-] [options]

Reads the API's JSON from FILE (or standard input, when FILE is - or left out)
and prints it as query text. The JSON is either what taxql compile prints,
{"filters": ..., "sort": ...}, or a filters group alone ({"AND": [...]}).

  --target NAME        whose JSON it is: classifications (default) or mixpeek-v1
  --catalogue FILE     the fields, as catalogue JSON (default: classification rows)
  --help               this text

Problems are printed on stderr with their JSON path and line. A filter with
"case_sensitive": true prints a reminder to compile with --case-sensitive.

Exit status: 0 printed, 1 the JSON is invalid or has problems, 2 usage.`;

export async function decompileCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { target: { type: "string" }, catalogue: { type: "string" }, help: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help) {
    terminal.stdout.write(decompileHelp + "\n");
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("give one file, or - for standard input");
  const options: FromFiltersOptions = await compileOptionsFrom({ target: values.target, catalogue: values.catalogue });
  const file = positionals[0] === undefined || positionals[0] === "-" ? null : positionals[0];
  const name = file ?? "<stdin>";
  let text: string;
  if (file === null) text = await readAll(terminal.stdin);
  else {
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    terminal.stderr.write(`${name}: ${jsonErrorWithLine(text, error)}\n`);
    return 1;
  }
  const result = isRequest(json) ? fromRequest(json, options) : fromFilters(json, options);
  const locations = result.diagnostics.length > 0 ? jsonLocations(text) : new Map<string, number>();
  for (const diagnostic of result.diagnostics) terminal.stderr.write(renderFilterDiagnostic(name, text, locations, diagnostic) + "\n");
  if (!result.ok) return 1;
  terminal.stdout.write(result.text + "\n");
  if (result.caseSensitive) terminal.stderr.write(`${name}: the filter is case-sensitive: compile the text with --case-sensitive\n`);
  return 0;
}

/** `{"filters": ..., "sort": ...}` rather than a filters group. */
function isRequest(json: unknown): boolean {
  return typeof json === "object" && json !== null && !Array.isArray(json) && ("filters" in json || "sort" in json);
}

function renderFilterDiagnostic(name: string, text: string, locations: ReadonlyMap<string, number>, diagnostic: FilterDiagnostic): string {
  const offset = nearest(locations, diagnostic.path);
  const where = offset === undefined ? name : `${name}:${lineOf(text, offset)}`;
  const lines = [`${where} ${diagnostic.path} ${diagnostic.code}: ${diagnostic.message}`];
  if (diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`);
  return lines.join("\n");
}

/** The path itself, or the nearest enclosing one that has a location (a missing key's object). */
function nearest(locations: ReadonlyMap<string, number>, path: string): number | undefined {
  for (let p = path; p.length > 0; p = p.replace(/(\.[^.[\]]*|\[[^\]]*\])$/, "")) {
    const at = locations.get(p);
    if (at !== undefined) return at;
    if (p === "$") break;
  }
  return undefined;
}
