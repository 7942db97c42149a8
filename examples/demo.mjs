#!/usr/bin/env node
// npm run demo: one query, compiled for the API and run locally on a realistic classification sample.
//
// Builds examples/data/classifications.ndjson (50,000 seeded rows from the IAB Content Taxonomy 3.1)
// when it is missing, prints the request the query compiles to, then the first matching rows found
// locally with filter() and how many match. Imports the built library (dist/, made by `npm ci`).
//
// Data credit: "IAB Tech Lab Content Taxonomy 3.1", CC BY 3.0 — see examples/README.md.

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_OUT, main as generateSample } from "./generate-sample.mjs";

const query = 'score >= 0.8 and node_name ~ "sports" sort created_at desc';
const shown = 10;

const library = fileURLToPath(new URL("../dist/index.js", import.meta.url));
if (!existsSync(library)) {
  process.stderr.write("demo: dist/index.js is missing; run npm ci (or npm run build) first\n");
  process.exit(1);
}
const { compile, filter } = await import(new URL("../dist/index.js", import.meta.url).href);

if (!existsSync(DEFAULT_OUT)) {
  process.stdout.write("Building the sample (50,000 rows, seed 42) …\n");
  const code = await generateSample([]);
  if (code !== 0) process.exit(code);
}

const compiled = compile(query);
if (!compiled.ok) {
  process.stderr.write(`demo: the query did not compile: ${JSON.stringify(compiled.diagnostics)}\n`);
  process.exit(1);
}

const rows = readFileSync(DEFAULT_OUT, "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => JSON.parse(line));
const result = filter(rows, query);

const out = [];
out.push(`\nQuery\n  ${query}\n`);
out.push("Request for list-classifications (taxql compile)");
out.push(indent(JSON.stringify({ filters: compiled.filters, sort: compiled.sort }, null, 2)) + "\n");
out.push(`First ${Math.min(shown, result.records.length)} matches in ${relative(DEFAULT_OUT)}, found locally (filter)`);
out.push(indent(table(result.records.slice(0, shown))) + "\n");
out.push(`${result.records.length.toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} rows match.`);
out.push(`The same from the command line:\n  npx taxql filter '${query}' --in ${relative(DEFAULT_OUT)} --limit ${shown}`);
out.push("\nCategories: IAB Tech Lab Content Taxonomy 3.1 (CC BY 3.0); features, scores and times are synthetic.\n");
process.stdout.write(out.join("\n"));

function table(records) {
  const columns = [
    ["created_at", (r) => r.created_at],
    ["score", (r) => r.score.toFixed(4)],
    ["node_name", (r) => r.node_name],
    ["path_tokens", (r) => r.path_tokens.join(" › ")],
    ["feature_id", (r) => r.feature_id],
  ];
  const cells = [columns.map(([name]) => name), ...records.map((r) => columns.map(([, cell]) => String(cell(r))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => [...row[i]].length)));
  const line = (row) => row.map((cell, i) => cell + " ".repeat(widths[i] - [...cell].length)).join("  ").trimEnd();
  return [line(cells[0]), widths.map((w) => "─".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

function indent(text) {
  return text.replace(/^/gm, "  ");
}

function relative(path) {
  const root = fileURLToPath(new URL("../", import.meta.url));
  return path.startsWith(root) ? path.slice(root.length) : path;
}
