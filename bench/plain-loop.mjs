// the baseline of (5): readline + JSON.parse + the hand-written seed predicate, matching lines to stdout

import { createInterface } from "node:readline";

const matches = (r) => r.score >= 0.8 && r.node_name.toLowerCase().includes("electronics");
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line !== "" && matches(JSON.parse(line))) process.stdout.write(line + "\n");
}
