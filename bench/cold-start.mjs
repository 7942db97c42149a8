// (3) cold start: a node process that imports taxql and compiles one query, minus a bare `node -e ''`

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const script = `import { compile } from ${JSON.stringify(entry)}; compile('score >= 0.8 and node_name ~ "electronics"');`;
const runs = Number(process.env.BENCH_COLD_RUNS ?? 21);

function wall(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (child.status !== 0) throw new Error(`node ${args.join(" ")} exited ${child.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const bare = [];
const taxql = [];
wall(["-e", ""]);
// interleaved, so that a slow moment of the machine hits both alike
for (let i = 0; i < runs; i++) {
  bare.push(wall(["-e", ""]));
  taxql.push(wall(["--input-type=module", "-e", script]));
}
process.stdout.write(JSON.stringify({ runs, bareMs: median(bare), taxqlMs: median(taxql), overMs: median(taxql) - median(bare) }) + "\n");
