// (5) `taxql filter` over NDJSON against jq and a plain Node loop: rows per second and peak memory

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cache = fileURLToPath(new URL("./.cache/", import.meta.url));
const rowCounts = (process.env.BENCH_FILTER_ROWS ?? "100000,1000000").split(",").map(Number);
const query = 'score >= 0.8 and node_name ~ "electronics"';
const jqFilter = 'select(.score >= 0.8 and (.node_name | ascii_downcase | contains("electronics")))';

function dataFile(rows) {
  mkdirSync(cache, { recursive: true });
  const file = `${cache}rows-${rows}-seed42.ndjson`;
  if (!existsSync(file)) {
    execFileSync(process.execPath, [`${root}examples/generate-sample.mjs`, "--rows", String(rows), "--seed", "42", "--out", file], { stdio: "ignore" });
  }
  return file;
}

function has(command, args) {
  try {
    return spawnSync(command, args, { stdio: "ignore" }).status === 0;
  } catch {
    return false;
  }
}

const haveTime = existsSync("/usr/bin/time");

/** Runs a command with the file on stdin and stdout discarded; wall seconds, peak RSS and output lines. */
function run(command, args, file) {
  const input = openSync(file, "r");
  const output = `${cache}out.ndjson`;
  const out = openSync(output, "w");
  const argv = haveTime ? ["-f", "%M", command, ...args] : args;
  const start = process.hrtime.bigint();
  const child = spawnSync(haveTime ? "/usr/bin/time" : command, argv, { stdio: [input, out, "pipe"], cwd: root, maxBuffer: 1 << 24 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(input);
  closeSync(out);
  if (child.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const lastLine = child.stderr.toString().trim().split("\n").pop();
  const peakMb = haveTime ? Number(lastLine) / 1024 : null;
  const lines = Number(execFileSync("wc", ["-l", output]).toString().trim().split(" ")[0]);
  return { seconds, peakMb, lines };
}

const taxqlFilter = has(process.execPath, [`${root}dist/cli.js`, "filter", "--help"]);
const jq = has("jq", ["--version"]) ? execFileSync("jq", ["--version"]).toString().trim() : null;
const results = { taxqlFilter, jq, haveTime, rows: [] };
for (const rows of rowCounts) {
  const file = dataFile(rows);
  const bytes = statSync(file).size;
  const record = (tool, measured) => results.rows.push({ tool, rows, bytes, ...measured, rowsPerSecond: rows / measured.seconds });
  record("plain node loop", run(process.execPath, [`${root}bench/plain-loop.mjs`], file));
  if (taxqlFilter) record("taxql filter", run(process.execPath, [`${root}dist/cli.js`, "filter", query], file));
  if (jq) record("jq", run("jq", ["-c", jqFilter], file));
}
process.stdout.write(JSON.stringify(results) + "\n");
