import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "taxql-filter-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const summary = /^taxql filter: ([\d,]+) rows read, ([\d,]+) matched(?:, ([\d,]+) written)?, ([\d,]+) invalid in \d+\.\d\d s \([\d,]+ rows\/s\)( \(stopped at --limit\))?$/;

/** The summary's numbers, and the other stderr lines. */
function split(stderr: string): { lines: string[]; read: number; matched: number; written: number | null; invalid: number; stopped: boolean } {
  const lines = stderr.split("\n").filter((line) => line !== "");
  const last = lines.pop() ?? "";
  const m = summary.exec(last);
  if (!m) throw new Error(`no summary line in ${JSON.stringify(stderr)}`);
  const n = (s: string | undefined): number => Number((s ?? "").replaceAll(",", ""));
  return { lines, read: n(m[1]), matched: n(m[2]), written: m[3] === undefined ? null : n(m[3]), invalid: n(m[4]), stopped: m[5] !== undefined };
}

const a = '{"id":"a","node_name":"sports","score":0.9,"depth":0,"created_at":"2026-03-01T00:00:00.000Z"}';
const b = '{"id":"b","node_name":"music","score":0.95,"depth":1,"created_at":"2026-01-01T00:00:00.000Z"}';
const c = '{"id":"c","node_name":"sports_video_games","score":0.5,"depth":2,"created_at":"2026-02-01T00:00:00.000Z"}';
const d = '{ "id" : "d", "node_name": "Soccer", "score": 0.85, "depth": 1, "path_tokens": ["sports", "soccer"] }';
const ndjson = [a, b, c, d].join("\n") + "\n";

describe("taxql filter over NDJSON", () => {
  it("writes the matching lines as they were written, in input order, and a summary on stderr", async () => {
    const run = await runCli(["filter", "score >= 0.85"], { stdin: ndjson });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([a, b, d].join("\n") + "\n");
    expect(split(run.stderr)).toEqual({ lines: [], read: 4, matched: 3, written: null, invalid: 0, stopped: false });
  });

  it("reads --in FILE, and --in - as standard input", async () => {
    const path = file("rows.ndjson", ndjson);
    expect((await runCli(["filter", "sports", "--in", path])).stdout).toBe([a, c].join("\n") + "\n");
    expect((await runCli(["filter", "sports", "--in", "-"], { stdin: ndjson })).stdout).toBe([a, c].join("\n") + "\n");
  });

  it("sorts when the query sorts, missing values last", async () => {
    const run = await runCli(["filter", "sort created_at desc"], { stdin: ndjson });
    expect(run.stdout).toBe([a, c, b, d].join("\n") + "\n");
  });

  it("matches any element of an array field", async () => {
    expect((await runCli(["filter", 'path_tokens = "SPORTS"'], { stdin: ndjson })).stdout).toBe(d + "\n");
  });

  it("takes --case-sensitive, --now and --catalogue", async () => {
    expect((await runCli(["filter", 'node_name = "soccer"', "--case-sensitive"], { stdin: ndjson })).stdout).toBe("");
    expect((await runCli(["filter", "created_at > now-45d", "--now", "2026-03-02T00:00:00Z"], { stdin: ndjson })).stdout).toBe([a, c].join("\n") + "\n");
    const catalogue = file("catalogue.json", JSON.stringify({ fields: { name: { type: "string", path: "node_name" } } }));
    expect((await runCli(["filter", 'name ^= "s"', "--catalogue", catalogue], { stdin: ndjson })).stdout).toBe([a, c, d].join("\n") + "\n");
  });

  it("skips blank lines without counting them, and reads CRLF lines and a byte-order mark", async () => {
    const run = await runCli(["filter", ""], { stdin: `\ufeff${a}\r\n\r\n   \n${b}\r\n\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${a}\n${b}\n`);
    expect(split(run.stderr).read).toBe(2);
  });

  it("takes a last line without a newline", async () => {
    expect((await runCli(["filter", "depth = 2"], { stdin: `${a}\n${c}` })).stdout).toBe(c + "\n");
  });

  it("reports a line that is not JSON, or not an object, with its line number; goes on; exits 1", async () => {
    const input = [a, "not json", "", "[1, 2]", "42", '{"id": "x"', "null", c].join("\n") + "\n";
    const run = await runCli(["filter", "score >= 0.5"], { stdin: input });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${a}\n${c}\n`);
    const { lines, read, matched, invalid } = split(run.stderr);
    expect(lines.map((line) => line.replace(/ \(.*\)$/, ""))).toEqual([
      "line 2: not valid JSON",
      "line 4: not an object",
      "line 5: not an object",
      "line 6: not valid JSON",
      "line 7: not an object",
    ]);
    expect(lines[1]).toBe("line 4: not an object (an array)");
    expect(lines[2]).toBe("line 5: not an object (a number)");
    expect(lines[4]).toBe("line 7: not an object (null)");
    expect({ read, matched, invalid }).toEqual({ read: 7, matched: 2, invalid: 5 });
  });

  it("--skip-invalid still reports the lines but exits 0", async () => {
    const run = await runCli(["filter", "score >= 0.5", "--skip-invalid"], { stdin: `${a}\n{oops\n${c}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${a}\n${c}\n`);
    expect(split(run.stderr).lines).toEqual([expect.stringMatching(/^line 2: not valid JSON \(.+\)$/)]);
  });

  it("shows the first 100 invalid lines and counts the rest", async () => {
    const run = await runCli(["filter", ""], { stdin: "x\n".repeat(150) });
    const { lines, invalid } = split(run.stderr);
    expect(lines).toHaveLength(101);
    expect(lines[100]).toBe("further invalid rows are counted, not shown");
    expect(invalid).toBe(150);
  });

  it("reads NDJSON whose first line is broken, with the right line numbers", async () => {
    const run = await runCli(["filter", ""], { stdin: `{"id":\n${a}\n${b}\n` });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${a}\n${b}\n`);
    expect(split(run.stderr).lines).toEqual([expect.stringMatching(/^line 1: not valid JSON/)]);
  });

  it("--limit N stops after N matches and says so", async () => {
    const run = await runCli(["filter", "score > 0", "--limit", "2"], { stdin: ndjson });
    expect(run.stdout).toBe(`${a}\n${b}\n`);
    expect(split(run.stderr)).toMatchObject({ read: 2, matched: 2, stopped: true });
  });

  it("--limit N with a sort gives the first N in order, after reading everything", async () => {
    const run = await runCli(["filter", "sort score desc", "--limit", "2"], { stdin: ndjson });
    expect(run.stdout).toBe(`${b}\n${a}\n`);
    expect(split(run.stderr)).toMatchObject({ read: 4, matched: 4, written: 2, stopped: false });
  });

  it("--limit 0 writes nothing", async () => {
    const run = await runCli(["filter", "", "--limit", "0"], { stdin: ndjson });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
  });

  it("--count prints only the number of matches", async () => {
    expect((await runCli(["filter", "score >= 0.85", "--count"], { stdin: ndjson })).stdout).toBe("3\n");
    expect((await runCli(["filter", "score >= 0.85 sort score", "--count"], { stdin: ndjson })).stdout).toBe("3\n");
    expect((await runCli(["filter", "score >= 0.85", "--count", "--limit", "2"], { stdin: ndjson })).stdout).toBe("2\n");
    expect((await runCli(["filter", "score > 5", "--count"], { stdin: "" })).stdout).toBe("0\n");
  });

  it("an empty input is no rows", async () => {
    const run = await runCli(["filter", ""], { stdin: "\n \n" });
    expect(run.code).toBe(0);
    expect(split(run.stderr)).toMatchObject({ read: 0, matched: 0, invalid: 0 });
  });
});

describe("taxql filter over a JSON array", () => {
  it("writes each matching element as one NDJSON line", async () => {
    const input = `[\n  ${a},\n  ${JSON.stringify(JSON.parse(d), null, 2)}\n, ${c}]\n`;
    const run = await runCli(["filter", "score >= 0.85"], { stdin: input });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([a, JSON.stringify(JSON.parse(d))].join("\n") + "\n");
    expect(split(run.stderr)).toMatchObject({ read: 3, matched: 2, invalid: 0 });
  });

  it("sorts", async () => {
    const run = await runCli(["filter", "sort depth desc"], { stdin: `[${a},${b},${c}]` });
    expect(run.stdout).toBe([c, b, a].join("\n") + "\n");
  });

  it("an empty array is no rows", async () => {
    const run = await runCli(["filter", ""], { stdin: " [ ] " });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
  });

  it("reports elements that are not objects, or not JSON, by line and index", async () => {
    const run = await runCli(["filter", ""], { stdin: `[\n${a},\n42,\n{"x": tru},\n"s"\n]` });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(a + "\n");
    const { lines, read, invalid } = split(run.stderr);
    expect(lines.map((line) => line.replace(/JSON \(.*\)$/, "JSON"))).toEqual([
      "line 3: element 2 is not an object (a number)",
      "line 4: element 3 is not valid JSON",
      "line 5: element 4 is not an object (a string)",
    ]);
    expect({ read, invalid }).toEqual({ read: 4, invalid: 3 });
  });

  it("reports a missing value, an unclosed array and text after it", async () => {
    expect(split((await runCli(["filter", ""], { stdin: `[${a},,${b},]` })).stderr).lines).toEqual([
      'line 1: element 2: a value is missing before ","',
      'line 1: element 4: a value is missing before "]"',
    ]);
    const unclosed = await runCli(["filter", ""], { stdin: `[${a},\n${b}` });
    expect(unclosed.code).toBe(1);
    expect(unclosed.stdout).toBe(`${a}\n${b}\n`);
    expect(split(unclosed.stderr).lines).toEqual(["line 2: the input ends before the array is closed with ]"]);
    const truncated = await runCli(["filter", ""], { stdin: `[${a},\n{"id":` });
    expect(truncated.stdout).toBe(a + "\n");
    expect(split(truncated.stderr).lines).toEqual([expect.stringMatching(/^line 2: element 2 is not valid JSON/), "line 2: the input ends before the array is closed with ]"]);
    const after = await runCli(["filter", ""], { stdin: `[${a}]\n[${b}]` });
    expect(after.stdout).toBe(a + "\n");
    expect(split(after.stderr).lines).toEqual(["line 2: there is text after the end of the array"]);
  });

  it("keeps brackets, commas and escapes inside strings", async () => {
    const tricky = { id: 'x],[{"y', node_name: "a\\\"]", path_tokens: ["[", "]", ","] };
    const run = await runCli(["filter", ""], { stdin: JSON.stringify([tricky, tricky]) });
    expect(run.stdout).toBe(`${JSON.stringify(tricky)}\n${JSON.stringify(tricky)}\n`);
  });
});

/** A saved response in the shape of Mixpeek's ListClassificationsResponse. */
const response = {
  results: [
    {
      feature_id: "feat_1",
      classification_id: "cls_1",
      taxonomy_id: "tax_iab",
      matches: [
        {
          taxonomy_id: "tax_iab",
          node_id: "483",
          score: 0.91,
          depth: 0,
          order: [1],
          node: {
            node_id: "483",
            taxonomy_id: "tax_iab",
            parent_node_id: null,
            node_name: "sports",
            node_description: "Sports",
            path_tokens: ["sports"],
            embedding_configs: [],
          },
        },
        { taxonomy_id: "tax_iab", node_id: "511", score: 0.62, depth: 1, order: [1, 2] },
      ],
    },
    {
      feature_id: "feat_2",
      classification_id: "cls_2",
      taxonomy_id: "tax_iab",
      created_at: "2026-05-01T10:00:00.000Z",
      matches: [
        {
          taxonomy_id: "tax_iab",
          node_id: "682",
          score: 0.88,
          depth: 1,
          node: { node_id: "682", parent_node_id: "680", node_name: "esports", node_description: "eSports", path_tokens: ["video_gaming", "esports"] },
        },
      ],
    },
  ],
  pagination: { total: 2, page: 1, page_size: 10 },
};

const rows = [
  {
    feature_id: "feat_1",
    classification_id: "cls_1",
    taxonomy_id: "tax_iab",
    node_id: "483",
    parent_node_id: null,
    node_name: "sports",
    node_description: "Sports",
    path_tokens: ["sports"],
    depth: 0,
    score: 0.91,
    created_at: null,
  },
  {
    feature_id: "feat_1",
    classification_id: "cls_1",
    taxonomy_id: "tax_iab",
    node_id: "511",
    parent_node_id: null,
    node_name: null,
    node_description: null,
    path_tokens: null,
    depth: 1,
    score: 0.62,
    created_at: null,
  },
  {
    feature_id: "feat_2",
    classification_id: "cls_2",
    taxonomy_id: "tax_iab",
    node_id: "682",
    parent_node_id: "680",
    node_name: "esports",
    node_description: "eSports",
    path_tokens: ["video_gaming", "esports"],
    depth: 1,
    score: 0.88,
    created_at: "2026-05-01T10:00:00.000Z",
  },
];
const ndjsonOf = (records: readonly object[]): string => records.map((record) => JSON.stringify(record) + "\n").join("");

describe("taxql filter over a saved list-classifications response", () => {
  it.each([
    ["on one line", JSON.stringify(response) + "\n"],
    ["pretty-printed", JSON.stringify(response, null, 2)],
    ["pretty-printed with CRLF", JSON.stringify(response, null, 2).replaceAll("\n", "\r\n") + "\r\n"],
  ])("flattens it %s into one row per match", async (_, input) => {
    const run = await runCli(["filter", ""], { stdin: input });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(ndjsonOf(rows));
    expect(split(run.stderr)).toMatchObject({ read: 3, matched: 3, invalid: 0 });
  });

  it("filters and sorts the rows", async () => {
    const run = await runCli(["filter", "score > 0.8 sort score asc"], { stdin: JSON.stringify(response, null, 2) });
    expect(run.stdout).toBe(ndjsonOf([rows[2]!, rows[0]!]));
  });

  it("reports results and matches it cannot flatten, by where they are", async () => {
    const broken = { results: [response.results[0], 7, { feature_id: "f" }, { matches: [null, { node_id: "1" }] }] };
    const run = await runCli(["filter", 'node_id = "1"'], { stdin: JSON.stringify(broken, null, 1) });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).node_id).toBe("1");
    expect(split(run.stderr).lines).toEqual([
      "results[1]: not an object (a number)",
      "results[2]: has no matches array (missing)",
      "results[3].matches[0]: not an object (null)",
    ]);
  });

  it("a first line with a results array followed by more lines is NDJSON after all", async () => {
    const first = JSON.stringify({ results: [], score: 0.9 });
    const run = await runCli(["filter", "score > 0.5"], { stdin: `${first}\n${a}\n` });
    expect(run.stdout).toBe(`${first}\n${a}\n`);
  });

  it("an object over several lines that is no response is reported", async () => {
    const run = await runCli(["filter", ""], { stdin: JSON.stringify({ results: 5 }, null, 2) });
    expect(run.code).toBe(1);
    expect(split(run.stderr).lines).toEqual(['line 1: a JSON value over several lines is not NDJSON, and not a response (no "results" array)']);
  });
});

describe("taxql filter: query and usage errors", () => {
  it("renders query errors like taxql compile and exits 1 without reading", async () => {
    const run = await runCli(["filter", "nod_name = x"], { stdin: ndjson });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").slice(0, 3)).toEqual(['1:1 unknown-field: there is no field "nod_name"', "  nod_name = x", "  ^^^^^^^^"]);
    expect(run.stderr).not.toContain("rows read");
  });

  it("shows warnings and goes on", async () => {
    const run = await runCli(["filter", "score > 2"], { stdin: ndjson });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^1:9 out-of-range: /);
  });

  it("runs what only the API target would refuse", async () => {
    const run = await runCli(["filter", 'node_name =~ "^s" sort depth desc, score asc'], { stdin: ndjson });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([c, d, a].join("\n") + "\n");
  });

  it.each([
    [["filter"], "give the query"],
    [["filter", "a", "b"], "one argument"],
    [["filter", "", "--limit", "ten"], "--limit"],
    [["filter", "", "--limit=-1"], "--limit"],
    [["filter", "", "--in", join(dir, "missing.ndjson")], "ENOENT"],
    [["filter", "", "--in", dir], "directory"],
    [["filter", "", "--target", "mixpeek-v1"], "--target"],
    [["filter", "", "--now", "yesterday"], "--now"],
  ])("a usage mistake %j exits 2 with a one-line reason", async (argv, words) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(words);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("--help prints the usage", async () => {
    const run = await runCli(["filter", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: taxql filter QUERY/);
    expect((await runCli(["--help"])).stdout).toContain("filter QUERY");
  });

  it("draws no progress line on a terminal for a short run", async () => {
    const run = await runCli(["filter", ""], { stdin: ndjson, tty: true });
    expect(run.stderr).not.toContain("\r");
  });
});
