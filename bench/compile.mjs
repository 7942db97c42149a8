// (1) compile latency: taxql's whole compile against each peer's parse of the same query, one engine per process

import { measure } from "mitata";
import { parsers } from "./engines.mjs";
import { compileQueries } from "./queries.mjs";

const engine = process.argv[2];
const prepare = await parsers[engine]();
const rows = [];
for (const query of compileQueries) {
  const { text, run } = prepare(query.tree);
  const stats = await measure(run, { min_cpu_time: 200e6 });
  rows.push({ engine, size: query.name, chars: text.length, medianNs: stats.p50, minNs: stats.min });
}
process.stdout.write(JSON.stringify(rows) + "\n");
