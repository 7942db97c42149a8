import { createWriteStream, mkdtempSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_NOW, generateRows, writeNdjson, type ClassificationRow } from "../../examples/generate-sample.mjs";
import { runCli } from "../cli/run-cli.js";

// The reference: each query's meaning written by hand from LANGUAGE.md §3 and §7, without toPredicate.
type Row = ClassificationRow;
type Reference = { readonly query: string; readonly test: (row: Row) => boolean; readonly order?: (a: Row, b: Row) => number };

const now = Date.parse(DEFAULT_NOW);
const day = 86_400_000;
const instant = (row: Row): number => Date.parse(row.created_at);
const lower = (s: string): string => s.toLowerCase();
const words = (s: string): string[] => Array.from(s.matchAll(/[\p{L}\p{N}]+/gu), (m) => m[0].toLowerCase());
const desc = (f: (row: Row) => number) => (a: Row, b: Row) => f(b) - f(a);
const asc = (f: (row: Row) => number) => (a: Row, b: Row) => f(a) - f(b);

const references: readonly Reference[] = [
  {
    query: 'score >= 0.8 and node_name ~ "sports" sort created_at desc',
    test: (r) => r.score >= 0.8 && lower(r.node_name).includes("sports"),
    order: desc(instant),
  },
  {
    query: '(depth = 0 or depth >= 3) and not node_name ~ "MUSIC" and !(score < 0.3)',
    test: (r) => (r.depth === 0 || r.depth >= 3) && !lower(r.node_name).includes("music") && !(r.score < 0.3),
  },
  {
    query: 'depth in [1, 2] and node_name not in ["biographies", "SOCCER", "esports", "fiction"]',
    test: (r) => [1, 2].includes(r.depth) && !["biographies", "soccer", "esports", "fiction"].includes(lower(r.node_name)),
  },
  {
    query: 'path_tokens = "Sports" and score < 0.5 sort score asc, created_at desc',
    test: (r) => r.path_tokens.some((token) => lower(token) === "sports") && r.score < 0.5,
    order: (a, b) => a.score - b.score || instant(b) - instant(a),
  },
  {
    query: "created_at between 2026-03-01 and 2026-03-31 sort score desc",
    test: (r) => instant(r) >= Date.UTC(2026, 2, 1) && instant(r) < Date.UTC(2026, 3, 1),
    order: desc((r) => r.score),
  },
  {
    query: 'text(node_description, "games VIDEO")',
    test: (r) => ["games", "video"].every((w) => words(r.node_description).includes(w)),
  },
  {
    query: "parent_node_id is null and created_at > now-7d sort depth asc",
    test: (r) => r.parent_node_id === null && instant(r) > now - 7 * day,
    order: asc((r) => r.depth),
  },
  {
    query: 'path_tokens ^= "auto" or node_name =~ "^(soccer|tennis)$" or node_description $= "CARE"',
    test: (r) =>
      r.path_tokens.some((token) => lower(token).startsWith("auto")) || /^(soccer|tennis)$/i.test(r.node_name) || lower(r.node_description).endsWith("care"),
  },
  {
    query: 'travel node_name !~ "air" score > 0.6',
    test: (r) => lower(r.node_name).includes("travel") && !lower(r.node_name).includes("air") && r.score > 0.6,
  },
];

/** What the reference loop returns: the matching rows in input order, or stably sorted. */
function referenceLoop(rows: readonly Row[], reference: Reference): string[] {
  const matches: Row[] = [];
  for (const row of rows) if (reference.test(row)) matches.push(row);
  if (reference.order) matches.sort(reference.order);
  return matches.map((row) => JSON.stringify(row));
}

let rows: Row[] = [];
let path = "";

beforeAll(async () => {
  rows = [...generateRows({ rows: 50_000, seed: 42, now: DEFAULT_NOW })];
  path = join(mkdtempSync(join(tmpdir(), "taxql-reference-")), "classifications.ndjson");
  const stream = createWriteStream(path);
  await writeNdjson(generateRows({ rows: 50_000, seed: 42, now: DEFAULT_NOW }), stream);
  stream.end();
  await once(stream, "finish");
});

describe("taxql filter over 50,000 generated rows returns exactly what a plain loop returns", () => {
  it.each(references.map((reference) => [reference.query, reference] as const))("%s", async (_, reference) => {
    const expected = referenceLoop(rows, reference);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(rows.length);
    const run = await runCli(["filter", reference.query, "--in", path, "--now", DEFAULT_NOW]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").slice(0, -1)).toEqual(expected);
    expect(run.stderr).toMatch(new RegExp(`^taxql filter: 50,000 rows read, ${expected.length.toLocaleString("en-US")} matched, 0 invalid`));
    const count = await runCli(["filter", reference.query, "--in", path, "--now", DEFAULT_NOW, "--count"]);
    expect(count.stdout).toBe(`${expected.length}\n`);
  });

  it("--limit 25 with the seed query: the first 25 of the sorted reference", async () => {
    const expected = referenceLoop(rows, references[0]!).slice(0, 25);
    const run = await runCli(["filter", references[0]!.query, "--in", path, "--limit", "25"]);
    expect(run.stdout.split("\n").slice(0, -1)).toEqual(expected);
  });
});
