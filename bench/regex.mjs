// issue 4: `=~ "(a+)+$"` runs in linear time (RE2): timed on values of 10k, 100k and 1M characters

import { compile, toPredicate } from "../dist/index.js";

const result = compile('node_name =~ "(a+)+$"', { target: "mixpeek-v1" });
if (!result.ok || !result.query) throw new Error("taxql refused the regex query");
const predicate = toPredicate(result.query);
const lengths = [10_000, 100_000, 1_000_000];
// a's and then a character that fails the match: the worst case for a backtracking engine
const records = lengths.map((length) => ({ node_name: "a".repeat(length - 1) + "!" }));
for (let i = 0; i < 3; i++) for (const record of records) predicate(record);
const rows = [];
for (const [index, length] of lengths.entries()) {
  const record = records[index];
  const times = [];
  for (let i = 0; i < 9; i++) {
    const start = process.hrtime.bigint();
    const matched = predicate(record);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (matched) throw new Error("the regex should not match");
  }
  times.sort((a, b) => a - b);
  rows.push({ length, medianMs: times[4] });
}
process.stdout.write(JSON.stringify(rows) + "\n");
