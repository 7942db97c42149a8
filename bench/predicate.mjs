// (2) predicate throughput over 1,000,000 seeded rows, one engine per process

import { generateRows } from "../examples/generate-sample.mjs";
import { predicates } from "./engines.mjs";
import { predicateQueries } from "./queries.mjs";

const engine = process.argv[2];
const rowCount = Number(process.env.BENCH_ROWS ?? 1_000_000);
const rows = Array.from(generateRows({ rows: rowCount, seed: 42 }));
const build = await predicates[engine]();
const fast = engine === "hand" || engine === "taxql";
const results = [];
for (const query of predicateQueries) {
  const predicate = build(query);
  // a fresh loop per query, so that no call site is shared between queries or engines
  const pass = new Function("rows", "p", "let n = 0; for (let i = 0; i < rows.length; i++) if (p(rows[i])) n++; return n;");
  let matches = pass(rows, predicate);
  const times = [];
  for (let i = 0; i < (fast ? 9 : 3); i++) {
    const start = process.hrtime.bigint();
    matches = pass(rows, predicate);
    times.push(Number(process.hrtime.bigint() - start) / rows.length);
  }
  times.sort((a, b) => a - b);
  results.push({ engine, query: query.name, rows: rows.length, matches, nsPerRow: times[times.length >> 1] });
}
process.stdout.write(JSON.stringify(results) + "\n");
