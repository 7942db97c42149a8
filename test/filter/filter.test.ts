import { describe, expect, it } from "vitest";
import { filter } from "../../src/index.js";

const rows = [
  { id: 1, node_name: "sports", score: 0.9, depth: 0, created_at: "2026-03-01T00:00:00.000Z" },
  { id: 2, node_name: "Sports_Video_Games", score: 0.5, depth: 2, created_at: "2026-01-01T00:00:00.000Z" },
  { id: 3, node_name: "music", score: 0.95, depth: 1, created_at: "2026-02-01T00:00:00.000Z" },
  { id: 4, node_name: "soccer", score: 0.9, depth: 1 },
  { id: 5, node_name: "sports_equipment", score: null, depth: 1, created_at: "2026-02-15T00:00:00.000Z" },
];

const ids = (records: readonly { id: number }[]): number[] => records.map((record) => record.id);

describe("filter(records, text, options)", () => {
  it.each([
    ["score >= 0.9", [1, 3, 4]],
    ['node_name ~ "sports"', [1, 2, 5]],
    ["sports", [1, 2, 5]],
    ["not score >= 0.9", [2, 5]],
    ["depth in [0, 2] or score is null", [1, 2, 5]],
    ["created_at between 2026-02-01 and 2026-02-28", [3, 5]],
    ["", [1, 2, 3, 4, 5]],
  ])("%s keeps the input order when the query does not sort", (text, expected) => {
    const result = filter(rows, text);
    expect(result.ok).toBe(true);
    expect(ids(result.records)).toEqual(expected);
  });

  it.each([
    ["score >= 0.9 sort score desc", [3, 1, 4]],
    ["sort score asc", [2, 1, 4, 3, 5]],
    ["sort created_at desc", [1, 5, 3, 2, 4]],
    ["sort depth asc, score desc", [1, 3, 4, 5, 2]],
  ])("%s sorts, stably, missing and null last", (text, expected) => {
    expect(ids(filter(rows, text).records)).toEqual(expected);
  });

  it("is case-insensitive by default and exact with caseSensitive", () => {
    expect(ids(filter(rows, 'node_name = "SPORTS"').records)).toEqual([1]);
    expect(ids(filter(rows, 'node_name = "SPORTS"', { caseSensitive: true }).records)).toEqual([]);
  });

  it("resolves now from the options", () => {
    const now = "2026-03-02T00:00:00.000Z";
    expect(ids(filter(rows, "created_at > now-1d", { now }).records)).toEqual([]);
    expect(ids(filter(rows, "created_at > now-30d", { now }).records)).toEqual([1, 3, 5]);
  });

  it("takes any iterable, and returns new arrays holding the same record objects", () => {
    function* generate(): Generator<(typeof rows)[number]> {
      yield* rows;
    }
    const result = filter(generate(), "depth = 1");
    expect(result.records).toEqual([rows[2], rows[3], rows[4]]);
    expect(result.records[0]).toBe(rows[2]);
  });

  it("a query with errors is a result with the diagnostics, not a throw", () => {
    const result = filter(rows, "score >= ");
    expect(result.ok).toBe(false);
    expect(result.records).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["unexpected-end"]);
    expect(filter(rows, "nod_name = x").diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([["unknown-field", 0, 8]]);
  });

  it("evaluates what only the API refuses: regex on the default target, two sort keys", () => {
    const result = filter(rows, 'node_name =~ "^s.*s$" sort depth desc, score asc');
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(ids(result.records)).toEqual([2, 1]);
  });

  it("passes warnings through", () => {
    const result = filter(rows, "score > 2");
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["out-of-range", "warning"]]);
  });

  it("takes a catalogue", () => {
    const catalogue = { fields: { name: { type: "string", path: "node.name", sortable: true } } } as const;
    const nested = [{ node: { name: "b" } }, { node: { name: "a" } }, { node: [{ name: "c" }] }, {}];
    const result = filter(nested, 'name ^= "" sort name', { catalogue });
    expect(result.records).toEqual([nested[1], nested[0], nested[2]]);
  });

  it("tests records that are not objects without throwing", () => {
    const mixed: unknown[] = [null, 5, "sports", [], { score: 1 }];
    expect(filter(mixed, "score = 1").records).toEqual([{ score: 1 }]);
    expect(filter(mixed, "not score = 1").records).toEqual([null, 5, "sports", []]);
  });
});
