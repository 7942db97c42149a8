import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraries } from "../../src/arbitraries/index.js";
import { compile, type CompileOptions } from "../../src/compile.js";
import { fromFilters, fromRequest } from "../../src/decompile/from-filters.js";
import { format } from "../../src/format/format-query.js";
import { catalogueQuery, lawCatalogue } from "../format/ast-generators.js";
import { sloppyPrint } from "../format/sloppy-print.js";

const now = "2024-06-01T12:00:00Z";

describe("fromFilters law", () => {
  it("holds over taxql/arbitraries' queries, both targets, two catalogues", () => {
    const targets = ["classifications", "mixpeek-v1"] as const;
    const written = fc.oneof(...targets.flatMap((target) => [undefined, lawCatalogue].map((catalogue) => arbitraries(fc, catalogue, { target }).queryText.map((text) => ({ text, target, catalogue })))));
    fc.assert(
      fc.property(written, fc.boolean(), ({ text, target, catalogue }, caseSensitive) => {
        const first = compile(text, { target, caseSensitive, catalogue, now });
        expect(first.ok).toBe(true);
        const back = fromFilters(first.filters, { target, catalogue });
        expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const again = compile(format(back.query!), { target, caseSensitive: back.caseSensitive, catalogue, now });
        expect(again.filters).toStrictEqual(first.filters);
      }),
      { numRuns: 5000 },
    );
  }, 120_000);

  it("compile(format(fromFilters(filters).query)).filters is filters, for every compiled query", () => {
    let compiled = 0;
    fc.assert(
      fc.property(
        catalogueQuery(),
        fc.gen(),
        fc.constantFrom<CompileOptions["target"]>("classifications", "mixpeek-v1"),
        fc.boolean(),
        (query, g, target, caseSensitive) => {
          const text = sloppyPrint(query, (arbitrary) => g(() => arbitrary));
          const first = compile(text, { target, caseSensitive, catalogue: lawCatalogue, now });
          if (!first.ok) return;
          compiled++;
          const back = fromFilters(first.filters, { target, catalogue: lawCatalogue });
          expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          expect(back.ok).toBe(true);
          expect(back.text).toBe(format(back.query!));
          const again = compile(format(back.query!), { target, caseSensitive: back.caseSensitive, catalogue: lawCatalogue, now });
          expect(again.filters).toStrictEqual(first.filters);
          // with the sort too
          const request = fromRequest({ filters: first.filters, sort: first.sort }, { target, catalogue: lawCatalogue });
          const both = compile(request.text!, { target, caseSensitive: request.caseSensitive, catalogue: lawCatalogue, now });
          expect({ filters: both.filters, sort: both.sort }).toStrictEqual({ filters: first.filters, sort: first.sort });
        },
      ),
      { numRuns: 5000 },
    );
    expect(compiled).toBeGreaterThan(2500);
  }, 120_000);
});

describe("fromFilters never throws", () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
    key: fc.oneof(fc.string(), fc.constantFrom("AND", "OR", "NOR", "NOT", "key", "field", "operator", "value", "case_sensitive", "__proto__")),
  });
  const nearly = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      fc.record({ key: fc.oneof(fc.constantFrom("node_name", "depth", "created_at", "nope"), anything), operator: fc.oneof(fc.constantFrom("eq", "in", "regex", "exists", "bogus"), anything), value: anything }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom("AND", "OR", "NOR", "NOT", "case_sensitive", "x"), fc.oneof(fc.array(tie("node"), { maxLength: 3 }), anything), { maxKeys: 3 }),
      anything,
    ),
  })).node;

  it("on any value, for both targets: a result with diagnostics and paths", () => {
    fc.assert(
      fc.property(fc.oneof(anything, nearly), fc.constantFrom<CompileOptions["target"]>("classifications", "mixpeek-v1"), (value, target) => {
        const result = fromFilters(value, { target });
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) {
          expect(result.query).toBeNull();
          expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
        } else {
          const again = compile(result.text!, { target, caseSensitive: result.caseSensitive });
          expect(again.ok).toBe(true);
        }
        for (const d of result.diagnostics) expect(d.path).toMatch(/^\$/);
        expect(() => fromRequest(value, { target })).not.toThrow();
      }),
      { numRuns: 5000 },
    );
  }, 120_000);

  it("survives nesting deeper than the stack", () => {
    let deep: unknown = { key: "depth", operator: "eq", value: 1 };
    for (let i = 0; i < 100_000; i++) deep = { AND: [deep] };
    const result = fromFilters(deep);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.code).toBe("too-deep");
  });
});

type Row = readonly [label: string, filters: unknown, expected: { text: string; compiled?: unknown } | { code: string; path: string }, target?: CompileOptions["target"]];

const rows: readonly Row[] = [
  ["one condition", { AND: [{ key: "depth", operator: "eq", value: 1 }] }, { text: "depth = 1" }],
  ["or of and", { OR: [{ AND: [{ key: "depth", operator: "gt", value: 1 }, { key: "score", operator: "lt", value: 0.5 }] }, { key: "node_name", operator: "contains", value: "toys" }] }, { text: 'depth > 1 and score < 0.5 or node_name ~ "toys"' }],
  ["and of or", { AND: [{ OR: [{ key: "depth", operator: "eq", value: 1 }, { key: "depth", operator: "eq", value: 2 }] }, { key: "score", operator: "gte", value: 0.5 }] }, { text: "(depth = 1 or depth = 2) and score >= 0.5" }],
  ["NOR of one contains is !~", { NOR: [{ key: "node_name", operator: "contains", value: "test" }] }, { text: 'node_name !~ "test"' }],
  ["NOR of many is not (a or b)", { NOR: [{ key: "depth", operator: "eq", value: 1 }, { key: "depth", operator: "eq", value: 2 }] }, { text: "not (depth = 1 or depth = 2)" }],
  ["NOT for mixpeek-v1", { NOT: [{ field: "depth", operator: "eq", value: 1 }] }, { text: "not depth = 1" }, "mixpeek-v1"],
  ["in and nin", { AND: [{ key: "depth", operator: "in", value: [1, 2] }, { key: "node_name", operator: "nin", value: ["a", "b c"] }] }, { text: 'depth in [1, 2] and node_name not in ["a", "b c"]' }],
  ["exists, is_null both ways, exists false", { AND: [{ key: "parent_node_id", operator: "exists", value: true }, { key: "parent_node_id", operator: "is_null", value: true }, { key: "node_id", operator: "is_null", value: false }, { key: "node_id", operator: "exists", value: false }] }, { text: "parent_node_id exists and parent_node_id is null and node_id is not null and exists(node_id, false)" }],
  ["text is a call", { AND: [{ key: "node_description", operator: "text", value: "usb cable" }] }, { text: 'text(node_description, "usb cable")' }],
  ["datetimes become instants", { AND: [{ key: "created_at", operator: "gte", value: "2024-01-01T00:00:00.000Z" }, { key: "created_at", operator: "lt", value: "2024-01-02" }] }, {
      text: "created_at >= 2024-01-01T00:00:00.000Z and created_at < 2024-01-02T00:00:00.000Z",
      compiled: { AND: [{ key: "created_at", operator: "gte", value: "2024-01-01T00:00:00.000Z" }, { key: "created_at", operator: "lt", value: "2024-01-02T00:00:00.000Z" }] },
    },
  ],
  ["an instant past 9999, which compile never emits, is no datetime of the API's", { AND: [{ key: "created_at", operator: "lt", value: "+010000-01-01T00:00:00.000Z" }] }, { code: "invalid-datetime", path: "$.AND[0].value" }],
  ["a date-looking string on a string field stays a string", { AND: [{ key: "node_name", operator: "eq", value: "2024-01-01" }] }, { text: 'node_name = "2024-01-01"' }],
  ["escapes", { AND: [{ key: "node_name", operator: "eq", value: 'a"b\\c\nd\u0001\ud800' }] }, { text: 'node_name = "a\\"b\\\\c\\nd\\u0001\\ud800"' }],
  ["-0 stays -0", { AND: [{ key: "score", operator: "eq", value: -0 }] }, { text: "score = -0" }],
  ["unknown operator", { AND: [{ key: "depth", operator: "eqq", value: 1 }] }, { code: "unknown-operator", path: "$.AND[0].operator" }],
  ["unsupported operator", { AND: [{ key: "node_name", operator: "regex", value: "^a" }] }, { code: "unsupported-operator", path: "$.AND[0].operator" }],
  ["operator not allowed", { AND: [{ key: "depth", operator: "contains", value: "1" }] }, { code: "operator-not-allowed", path: "$.AND[0].operator" }],
  ["unknown field", { OR: [{ key: "depth", operator: "eq", value: 1 }, { key: "sorce", operator: "eq", value: 1 }] }, { code: "unknown-field", path: "$.OR[1].key" }],
  ["type mismatch in a list", { AND: [{ key: "depth", operator: "in", value: [1, "two"] }] }, { code: "type-mismatch", path: "$.AND[0].value[1]" }],
  ["invalid datetime", { AND: [{ key: "created_at", operator: "gt", value: "yesterday" }] }, { code: "invalid-datetime", path: "$.AND[0].value" }],
  ["unknown key", { AND: [{ key: "depth", operator: "eq", value: 1, extra: true }] }, { code: "unknown-key", path: "$.AND[0].extra" }],
  ["the other target's key", { AND: [{ field: "depth", operator: "eq", value: 1 }] }, { code: "unknown-key", path: "$.AND[0].field" }],
  ["the other target's group", { NOT: [{ key: "depth", operator: "eq", value: 1 }] }, { code: "unknown-key", path: "$.NOT" }],
  ["missing value", { AND: [{ key: "depth", operator: "eq" }] }, { code: "missing-key", path: "$.AND[0]" }],
  ["empty group", { AND: [{ OR: [] }] }, { code: "empty-group", path: "$.AND[0].OR" }],
  ["two groups in one object", { AND: [], OR: [] }, { code: "invalid-shape", path: "$" }],
  ["case_sensitive below the top", { AND: [{ OR: [{ key: "depth", operator: "eq", value: 1 }], case_sensitive: true }] }, { code: "unknown-key", path: "$.AND[0].case_sensitive" }],
  ["case_sensitive not a boolean", { AND: [{ key: "depth", operator: "eq", value: 1 }], case_sensitive: "yes" }, { code: "invalid-shape", path: "$.case_sensitive" }],
  ["odd keys in paths", { AND: [{ key: "depth", operator: "eq", value: 1, "odd key": 1 }] }, { code: "unknown-key", path: '$.AND[0]["odd key"]' }],
  ["too many items for classifications", { AND: Array.from({ length: 21 }, (_, i) => ({ key: "depth", operator: "eq", value: i })) }, { code: "too-many-items", path: "$.AND" }],
  ["a value no text can hold", { AND: [{ key: "created_at", operator: "eq", value: "+010000-01-01T00:00:00.000Z" }] }, { code: "invalid-datetime", path: "$.AND[0].value" }],
  ["not an object", [1, 2], { code: "invalid-shape", path: "$" }],
];

describe("fromFilters", () => {
  it.each(rows)("%s", (_, filters, expected, target) => {
    const result = fromFilters(filters, { target: target ?? "classifications" });
    if ("text" in expected) {
      expect(result.diagnostics).toEqual([]);
      expect(result.text).toBe(expected.text);
      expect(compile(expected.text, { target }).filters).toEqual(expected.compiled ?? filters);
    } else {
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map(({ code, path }) => ({ code, path }))).toContainEqual(expected);
    }
  });

  it("passes case_sensitive on", () => {
    const result = fromFilters({ AND: [{ key: "depth", operator: "eq", value: 1 }], case_sensitive: true });
    expect(result.caseSensitive).toBe(true);
    expect(result.text).toBe("depth = 1");
  });

  it("reads a request with its sort, paths from $.filters and $.sort", () => {
    expect(fromRequest({ filters: null, sort: { field: "score", direction: "desc" } }).text).toBe("sort score desc");
    const bad = fromRequest({ filters: { AND: [{ key: "depth", operator: "eq", value: 1 }] }, sort: { field: "node_description", direction: "up" } });
    expect(bad.diagnostics.map(({ code, path }) => ({ code, path }))).toEqual([{ code: "invalid-shape", path: "$.sort.direction" }]);
    const unsortable = fromRequest({ filters: null, sort: { field: "node_description", direction: "asc" } });
    expect(unsortable.diagnostics.map(({ code, path }) => ({ code, path }))).toEqual([{ code: "not-sortable", path: "$.sort.field" }]);
  });
});
