// where taxql's compile time goes: each phase timed alone on the bench queries (bundled by run.mjs)

import { measure } from "mitata";
import { classificationCatalogue } from "../src/catalogue/default-catalogue.js";
import { checkQuery } from "../src/check/check-query.js";
import { emitRequest } from "../src/emit/emit-request.js";
import { parseQuery } from "../src/syntax/parse.js";
import { targets } from "../src/targets/targets.js";
import { tokenize } from "../grammar/lexer.js";
import { scan } from "../grammar/scanner.js";
import { parseWellFormed } from "../src/syntax/parse-well-formed.js";
// @ts-expect-error: plain JavaScript
import { compileQueries, dialects } from "./queries.mjs";

const rows = [];
for (const query of compileQueries as { name: string; tree: unknown }[]) {
  const text: string = dialects.taxql(query.tree);
  const parsed = parseQuery(text);
  const checked = checkQuery(parsed.query, classificationCatalogue, { now: Date.now(), maxListValues: 1000 });
  const tokens = scan(text).tokens;
  const phases: Record<string, () => unknown> = {
    "scan (hand-written scanner)": () => scan(text),
    "recursive descent (tokens to AST)": () => parseWellFormed(text, tokens),
    "parse (all of text to AST)": () => parseQuery(text),
    check: () => checkQuery(parsed.query, classificationCatalogue, { now: 0, maxListValues: 1000 }),
    emit: () => emitRequest(checked.query, targets.classifications, { caseSensitive: false, maxGroupItems: Infinity }),
    "for reference, not on the path: Chevrotain lexer": () => tokenize(text),
  };
  for (const [phase, run] of Object.entries(phases)) {
    const stats = await measure(run, { min_cpu_time: 250e6 });
    rows.push({ size: query.name, chars: text.length, phase, medianNs: stats.p50 });
  }
}
process.stdout.write(JSON.stringify(rows) + "\n");
