import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it, expect } from "vitest";
import {
  DEFAULT_NOW,
  TAXONOMY_ID,
  createRng,
  generateRows,
  toNodeName,
  type ClassificationRow,
} from "../../examples/generate-sample.mjs";
import {
  DEFAULT_TAXONOMY_PATH,
  loadTaxonomy,
  parentMismatches,
  parseTaxonomyTsv,
  tierParents,
  type TaxonomyNode,
} from "../../examples/iab-taxonomy.mjs";

// Everything read here lives inside the project (examples/); nothing outside it is touched.
const SCRIPT = fileURLToPath(new URL("../../examples/generate-sample.mjs", import.meta.url));
const taxonomy: TaxonomyNode[] = loadTaxonomy();
const byId = new Map(taxonomy.map((n) => [n.id, n]));
const rowsOf = (opts: Parameters<typeof generateRows>[0]): ClassificationRow[] => [...generateRows(opts)];

const NODE_NAME_RE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
const ISO_MS_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HEADER = "Relational ID System\t\t\tContent Taxonomy v3.1 Tiered Categories\t\t\t\tExtension\r\nUnique ID\tParent\tName\tTier 1\tTier 2\tTier 3\tTier 4\t\r\n";

/** Run `test` on each item; return the first few failures as "#index: reason" (one expect per test stays fast). */
function collect<T>(items: T[], test: (item: T, bad: (reason: string) => void) => unknown): string[] {
  const problems: string[] = [];
  items.forEach((item, i) => {
    if (problems.length < 10) test(item, (reason) => void problems.push(`#${i}: ${reason}`));
  });
  return problems;
}

function runCli(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

describe("IAB taxonomy TSV", () => {
  it("is the project copy, with CRLF line ends and two header rows", () => {
    expect(DEFAULT_TAXONOMY_PATH).toBe(fileURLToPath(new URL("../../examples/iab-content-taxonomy-3.1.tsv", import.meta.url)));
    const text = readFileSync(DEFAULT_TAXONOMY_PATH, "utf8");
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe(""); // ends with CRLF
    expect(lines.slice(0, -1).some((l) => l.includes("\n") || l.includes("\r"))).toBe(false);
    expect(lines[0]?.startsWith("Relational ID System\t")).toBe(true);
    expect(lines[1]?.startsWith("Unique ID\tParent\tName\tTier 1\tTier 2\tTier 3\tTier 4")).toBe(true);
    expect(lines.length - 1).toBe(706);
  });

  it("parses to 704 nodes with consistent ids, tiers and depths", () => {
    expect(taxonomy).toHaveLength(704);
    expect(byId.size).toBe(704);
    const depthCounts = [0, 0, 0, 0];
    for (const n of taxonomy) {
      expect(n.tiers.length).toBeGreaterThan(0);
      expect(n.tiers.every((t) => t.length > 0)).toBe(true);
      expect(n.depth).toBe(n.tiers.length - 1);
      expect(n.tiers.at(-1)).toBe(n.name);
      expect(n.parentId === null).toBe(n.depth === 0);
      if (n.parentId !== null) expect(byId.has(n.parentId)).toBe(true);
      depthCounts[n.depth]!++;
    }
    expect(depthCounts).toEqual([37, 323, 275, 69]);
    expect(taxonomy[0]).toEqual({ id: "150", parentId: null, name: "Attractions", tiers: ["Attractions"], depth: 0, extension: null, line: 3 });
    expect(byId.get("689")).toMatchObject({ parentId: "685", name: "Sports Video Games", tiers: ["Video Gaming", "Video Game Genres", "Sports Video Games"], depth: 2 });
    expect(taxonomy.filter((n) => n.extension === "SCD")).toHaveLength(63);
  });

  it("reports the two upstream Parent/tier disagreements", () => {
    expect(parentMismatches(taxonomy)).toEqual([
      { id: "376", name: "Public Radio", parentId: "SPSHQ5", tierParentId: "371" },
      { id: "497", name: "Horse Racing", parentId: "483", tierParentId: "496" },
    ]);
  });

  it("accepts LF or CRLF, a BOM, blank lines and quoted cells alike", () => {
    const body = '1\t\tSports\tSports\t\t\t\t\r\n\r\n2\t1\t"Say ""Hi"", Ball"\tSports\t"Say ""Hi"", Ball"\t\t\t\r\n   \r\n3\t2\t"Two\tTabs"\tSports\t"Say ""Hi"", Ball"\t"Two\tTabs"\t\t';
    const crlf = parseTaxonomyTsv("\uFEFF" + HEADER + body);
    const lf = parseTaxonomyTsv((HEADER + body).replace(/\r\n/g, "\n"));
    expect(crlf.map(({ line: _l, ...n }) => n)).toEqual(lf.map(({ line: _l, ...n }) => n));
    expect(crlf.map((n) => [n.id, n.parentId, n.name, n.depth, n.line])).toEqual([
      ["1", null, "Sports", 0, 3],
      ["2", "1", 'Say "Hi", Ball', 1, 5],
      ["3", "2", "Two\tTabs", 2, 7],
    ]);
    expect(crlf[2]?.tiers).toEqual(["Sports", 'Say "Hi", Ball', "Two\tTabs"]);
  });

  it("names the line of a malformed record", () => {
    const ok = "1\t\tSports\tSports\t\t\t\t\r\n";
    const cases: [string, RegExp][] = [
      ["2\t1\r\n", /demo\.tsv:4: expected at least 4 tab-separated cells/],
      ["\t1\tX\tSports\tX\t\t\t\r\n", /demo\.tsv:4: empty "Unique ID"/],
      ["1\t\tAgain\tAgain\t\t\t\t\r\n", /demo\.tsv:4: duplicate "Unique ID" 1 \(first defined on line 3\)/],
      ["2\t1\tX\tSports\t\tX\t\t\r\n", /demo\.tsv:4: "Tier 3" is set but "Tier 2" is empty/],
      ["2\t1\tX\tSports\tY\t\t\t\r\n", /demo\.tsv:4: "Name" "X" differs from its last tier "Y"/],
      ["2\t\tX\tSports\tX\t\t\t\r\n", /demo\.tsv:4: id 2 has no "Parent" but 2 tiers/],
      ["2\t9\tX\tSports\tX\t\t\t\r\n", /demo\.tsv:4: id 2 has unknown "Parent" 9/],
      ["2\t1\t\"X\tSports\tX\t\t\t\r\n", /demo\.tsv:4: unterminated quoted cell/],
      ["2\t1\tX\"y\tSports\tX\t\t\t\r\n", /demo\.tsv:4: stray double quote/],
      ["2\t1\tX\tSports\tX\t\t\t\tboom\r\n", /demo\.tsv:4: 9 cells but the header defines only 8 columns/],
    ];
    for (const [bad, message] of cases) {
      expect(() => parseTaxonomyTsv(HEADER + ok + bad, { source: "demo.tsv" })).toThrow(message);
    }
    // Blank lines still count towards the line number.
    expect(() => parseTaxonomyTsv(HEADER + ok + "\r\n\r\n2\t1\r\n", { source: "demo.tsv" })).toThrow(/demo\.tsv:6:/);
    expect(() => parseTaxonomyTsv("just\ttext\r\n", { source: "demo.tsv" })).toThrow(/demo\.tsv:1: no header row/);
  });
});

describe("toNodeName", () => {
  it("snake-cases IAB names and strips punctuation", () => {
    expect(toNodeName("Sports Video Games")).toBe("sports_video_games");
    expect(toNodeName("Bars & Restaurants")).toBe("bars_and_restaurants");
    expect(toNodeName("Men's Health")).toBe("mens_health");
    expect(toNodeName("Business I.T.")).toBe("business_it");
    expect(toNodeName("R&B/Soul/Funk")).toBe("r_and_b_soul_funk");
    expect(toNodeName("Special Interest (Indie/Art House)")).toBe("special_interest_indie_art_house");
    expect(toNodeName("Ear, Nose and Throat Conditions")).toBe("ear_nose_and_throat_conditions");
    expect(toNodeName("3-D Graphics")).toBe("3_d_graphics");
    expect(toNodeName("Café  Culture")).toBe("cafe_culture");
    expect(() => toNodeName("&")).not.toThrow();
    expect(() => toNodeName("--")).toThrow(/no letters or digits/);
  });

  it("keeps all 704 IAB names distinct and well-formed", () => {
    const names = taxonomy.map((n) => toNodeName(n.name));
    expect(new Set(names).size).toBe(704);
    for (const n of names) expect(n).toMatch(NODE_NAME_RE);
  });
});

describe("createRng", () => {
  it("is deterministic per seed and stays in range", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 1000 }, () => a.float());
    expect(Array.from({ length: 1000 }, () => b.float())).toEqual(xa);
    expect(Array.from({ length: 1000 }, () => c.float())).not.toEqual(xa);
    expect(xa.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xa.reduce((s, x) => s + x, 0) / xa.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe("generateRows", { timeout: 30_000 }, () => {
  const N = 20_000;
  const rows = rowsOf({ rows: N });

  it("is deterministic: same seed same rows, different seed different rows", () => {
    expect(rowsOf({ rows: N })).toEqual(rows);
    const other = rowsOf({ rows: N, seed: 43 });
    expect(other).toHaveLength(N);
    expect(other).not.toEqual(rows);
    expect(other.filter((r, i) => r.node_id === rows[i]!.node_id).length).toBeLessThan(N / 10);
    // A prefix run is a prefix of the longer run.
    expect(rowsOf({ rows: 1000 })).toEqual(rows.slice(0, 1000));
  });

  it("yields exactly the requested number of rows and validates options", () => {
    expect(rows).toHaveLength(N);
    expect(rowsOf({ rows: 1 })).toHaveLength(1);
    expect(() => rowsOf({ rows: 0 })).toThrow(RangeError);
    expect(() => rowsOf({ rows: 5_000_001 })).toThrow(RangeError);
    expect(() => rowsOf({ rows: 1.5 })).toThrow(RangeError);
    expect(() => rowsOf({ seed: -1 })).toThrow(RangeError);
    expect(() => rowsOf({ seed: 2 ** 32 })).toThrow(RangeError);
    expect(() => rowsOf({ now: "not a date" })).toThrow(RangeError);
  });

  it("gives every row the documented shape and types", () => {
    const keys = [
      "feature_id", "classification_id", "taxonomy_id", "node_id", "parent_node_id", "node_name",
      "node_description", "path_tokens", "depth", "score", "created_at",
    ].join();
    const problems = collect(rows, (r, bad) => {
      if (Object.keys(r).join() !== keys) bad("keys");
      if (!/^feat_[0-9a-f]{8}$/.test(r.feature_id)) bad("feature_id");
      if (!/^cls_[0-9a-f]{8}$/.test(r.classification_id)) bad("classification_id");
      if (r.taxonomy_id !== TAXONOMY_ID) bad("taxonomy_id");
      if (typeof r.node_id !== "string" || r.node_id === "") bad("node_id");
      if (r.parent_node_id !== null && typeof r.parent_node_id !== "string") bad("parent_node_id");
      if (!NODE_NAME_RE.test(r.node_name)) bad("node_name");
      if (typeof r.node_description !== "string" || r.node_description === "") bad("node_description");
      if (!Array.isArray(r.path_tokens) || !r.path_tokens.every((t) => NODE_NAME_RE.test(t))) bad("path_tokens");
      if (!Number.isInteger(r.depth)) bad("depth");
      if (typeof r.score !== "number") bad("score");
      if (!ISO_MS_RE.test(r.created_at)) bad("created_at");
    });
    expect(problems).toEqual([]);
    expect(TAXONOMY_ID).toBe("tax_iab_content_3_1");
    expect(new Set(rows.map((r) => r.classification_id)).size).toBe(N);
    // Plain JSON data: round-trips unchanged.
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it("takes ids, names, paths and depths from the taxonomy", () => {
    const tp = tierParents(taxonomy);
    const problems = collect(rows, (r, bad) => {
      const n = byId.get(r.node_id);
      if (!n) return bad("unknown node_id");
      if (r.node_description !== n.name) bad("node_description");
      if (r.node_name !== toNodeName(n.name)) bad("node_name");
      if (r.path_tokens.join("/") !== n.tiers.map(toNodeName).join("/")) bad("path_tokens");
      if (r.path_tokens.at(-1) !== r.node_name) bad("path_tokens end");
      if (r.depth !== n.depth) bad("depth");
      if (r.path_tokens.length !== r.depth + 1) bad("path_tokens length");
      if ((r.parent_node_id === null) !== (r.depth === 0)) bad("parent null iff depth 0");
      if (r.parent_node_id !== tp.get(r.node_id)) bad("parent by tier path");
      if (r.parent_node_id !== null) {
        const p = byId.get(r.parent_node_id);
        if (!p) return bad("unknown parent");
        if (p.depth !== r.depth - 1) bad("parent depth");
        if (p.tiers.map(toNodeName).join("/") !== r.path_tokens.slice(0, -1).join("/")) bad("parent path");
      }
    });
    expect(problems).toEqual([]);
    // Over 20k rows most of the taxonomy shows up, at every depth.
    expect(new Set(rows.map((r) => r.node_id)).size).toBeGreaterThan(500);
    expect(new Set(rows.map((r) => r.depth))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('uses the IAB "Parent" column verbatim with parentFrom: "column"', () => {
    const list = rowsOf({ rows: 20_000, seed: 5, parentFrom: "column" });
    expect(collect(list, (r, bad) => r.parent_node_id !== byId.get(r.node_id)!.parentId && bad("parent"))).toEqual([]);
    expect(list.some((r) => r.node_id === "376" || r.node_id === "497")).toBe(true);
  });

  it("groups 1–5 distinct matches per feature on consecutive rows, best score first", () => {
    const features: ClassificationRow[][] = [];
    for (const r of rows) {
      const last = features.at(-1);
      if (last && last[0]!.feature_id === r.feature_id) last.push(r);
      else features.push([r]);
    }
    expect(new Set(features.map((f) => f[0]!.feature_id)).size).toBe(features.length); // never split
    const sizes = [0, 0, 0, 0, 0, 0];
    const problems = collect(features, (f, bad) => {
      if (f.length < 1 || f.length > 5) bad(`${f.length} matches`);
      if (new Set(f.map((r) => r.node_id)).size !== f.length) bad("repeated node");
      for (let m = 1; m < f.length; m++) {
        if (f[m]!.score > f[m - 1]!.score) bad("score rises");
        if (f[m]!.created_at < f[m - 1]!.created_at) bad("time goes back");
      }
    });
    expect(problems).toEqual([]);
    features.slice(0, -1).forEach((f) => sizes[f.length]!++); // the last feature may be cut short
    for (let k = 1; k <= 5; k++) expect(sizes[k]).toBeGreaterThan(features.length * 0.04);
  });

  it("keeps scores in [0, 1] with 4 decimals and a realistic spread", () => {
    const firsts: number[] = [];
    const rest: number[] = [];
    const problems = collect(rows, (r, bad) => {
      if (!(r.score >= 0 && r.score <= 1)) bad("out of [0, 1]");
      if (Math.round(r.score * 10000) / 10000 !== r.score) bad("more than 4 decimals");
    });
    expect(problems).toEqual([]);
    rows.forEach((r, i) => (i === 0 || rows[i - 1]!.feature_id !== r.feature_id ? firsts : rest).push(r.score));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(firsts)).toBeGreaterThan(0.75);
    expect(mean(firsts)).toBeLessThan(0.85);
    expect(mean(rest)).toBeLessThan(0.6);
    expect(Math.min(...rows.map((r) => r.score))).toBeLessThan(0.1);
    expect(Math.max(...rows.map((r) => r.score))).toBeGreaterThan(0.97);
  });

  it("spreads created_at over the year before the reference date", () => {
    const check = (list: ClassificationRow[], nowIso: string, startIso: string) => {
      const now = Date.parse(nowIso);
      const start = Date.parse(startIso);
      const times = list.map((r) => Date.parse(r.created_at));
      expect(collect(times, (t, bad) => !(t >= start && t < now) && bad("outside the year"))).toEqual([]);
      const months = new Set(list.map((r) => r.created_at.slice(0, 7)));
      expect(months.size).toBeGreaterThanOrEqual(12);
      expect(new Set(times.map((t) => t % 1000)).size).toBeGreaterThan(900); // milliseconds vary
    };
    expect(DEFAULT_NOW).toBe("2026-12-01T00:00:00.000Z");
    check(rows, DEFAULT_NOW, "2025-12-01T00:00:00.000Z");
    check(rowsOf({ rows: 5000, now: "2024-03-15T12:00:00Z" }), "2024-03-15T12:00:00Z", "2023-03-15T12:00:00Z");
    check(rowsOf({ rows: 5000, now: new Date("2020-01-01T00:00:00Z") }), "2020-01-01T00:00:00Z", "2019-01-01T00:00:00Z");
  });
});

describe("generate-sample CLI", { timeout: 30_000 }, () => {
  it("writes NDJSON to stdout identical to generateRows, byte-for-byte across runs", () => {
    const a = runCli(["--rows", "3000", "--seed", "7", "--out", "-"]);
    const b = runCli(["--rows", "3000", "--seed", "7", "--out", "-"]);
    expect(a.status).toBe(0);
    expect(a.stderr).toBe("");
    expect(b.stdout).toBe(a.stdout);
    const expected = rowsOf({ rows: 3000, seed: 7 }).map((r) => JSON.stringify(r) + "\n").join("");
    expect(a.stdout).toBe(expected);
    const c = runCli(["--rows", "3000", "--seed", "8", "--out", "-"]);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it("honours --now", () => {
    const r = runCli(["--rows", "50", "--now", "2030-06-01", "--out", "-"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(rowsOf({ rows: 50, now: "2030-06-01T00:00:00.000Z" }).map((x) => JSON.stringify(x) + "\n").join(""));
  });

  it("prints usage for --help", () => {
    const r = runCli(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: node examples\/generate-sample\.mjs \[--rows N\] \[--seed S\]/);
  });

  it("rejects bad arguments with one line on stderr and exit code 2", () => {
    const bad = [
      ["--rows", "0"],
      ["--rows", "5000001"],
      ["--rows", "ten"],
      ["--rows", "1.5"],
      ["--rows"],
      ["--seed", "x"],
      ["--seed", "4294967296"],
      ["--now", "yesterday"],
      ["--out", ""],
      ["--bogus"],
      ["stray"],
    ];
    for (const args of bad) {
      const r = runCli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.endsWith("\n")).toBe(true);
      expect(r.stderr.trimEnd().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(/^generate-sample: /);
    }
  });
});
