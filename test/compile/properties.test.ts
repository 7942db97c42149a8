import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraries } from "../../src/arbitraries/index.js";
import type { CatalogueJson } from "../../src/catalogue/catalogue.js";
import { compile, type CompileOptions } from "../../src/compile.js";
import { toPredicate } from "../../src/evaluate/to-predicate.js";
import { parseQuery } from "../../src/syntax/parse.js";
import { filterJsonSchemas } from "./filter-json-schema.js";

/** At least 1,000 runs per property; TAXQL_PROPERTY_RUNS raises it for a long run. */
const numRuns = Math.max(1000, Number(process.env.TAXQL_PROPERTY_RUNS ?? 0));
const timeout = 300_000;
const now = "2026-01-15T12:00:00.000Z";

type Target = NonNullable<CompileOptions["target"]>;
const targets: Target[] = ["classifications", "mixpeek-v1"];

/** The §4 example, and one with every type, awkward field names, paths and no free text. */
const catalogues: Readonly<Record<string, CatalogueJson>> = {
  example: {
    fields: {
      score: { type: "number", min: 0, max: 1, sortable: true },
      node_name: { type: "string", sortable: true, path: "node.node_name" },
      kind: { type: "enum", values: ["image", "video"] },
    },
    freeText: { field: "node_name", operator: "contains" },
  },
  awkward: {
    fields: {
      title: { type: "string", sortable: true },
      sort: { type: "boolean" },
      "a.b": { type: "integer", min: 1, max: 5, sortable: true, path: "x.y" },
      "with space": { type: "enum", values: ["open", "in progress", "and", "`q\\"] },
      "": { type: "datetime", sortable: true },
      tags: { type: "string[]" },
      "é": { type: "number" },
    },
    freeText: null,
  },
};

/** The language's tokens, well formed or not, for soups. */
const soupTokens = [
  ...["and", "AND", "or", "Or", "not", "NOT", "in", "between", "exists", "is", "null", "true", "FALSE", "sort", "by", "asc", "desc", "now"],
  ...["depth", "score", "node_name", "created_at", "path_tokens", "parent_node_id", "node_description", "colour", "order", "nowhere", "_x"],
  ...["=", "==", ":", "!=", ">", ">=", "<", "<=", "~", "!~", "^=", "$=", "=~", "&&", "||", "!", "(", ")", "[", "]", ",", "."],
  ...['"x"', "'y'", '"a\\"b"', '"\\u00e9"', '"\\q"', '"\\u12"', '"abc', "'", '"', "`a b`", "`and`", "`", "``"],
  ...["0", "1", "-2.5", "007", "1e3", "1e999", "9007199254740993", "0A0", "1_000", "5.", "1e+", ".5", "+"],
  ...["2024-01-01", "2024-02-30", "2024-01-01T10:00Z", "2024-01-01t10:00:00.250+02:00", "now-7d", "NOW+1H", "now-1y"],
  ...["in(", "exists(", "text(", "starts_with(", "regex(", "eq(", "frobnicate(", "not("],
  ...[" ", "  ", "\t", "\n", "\r\n", "#", "@", "😀", "é", "“", "”", "\u00a0", "≥", "＝", "\ud800"],
];

const soup = fc
  .array(fc.tuple(fc.constantFrom(...soupTokens), fc.constantFrom("", " ", " ", "\n")), { maxLength: 40 })
  .map((parts) => parts.map(([token, gap]) => token + gap).join(""));

const texts: Readonly<Record<string, fc.Arbitrary<string>>> = {
  "fc.string()": fc.string({ maxLength: 80 }),
  'fc.string({unit: "grapheme"})': fc.string({ unit: "grapheme", maxLength: 60 }),
  'fc.string({unit: "binary"})': fc.string({ unit: "binary", maxLength: 60 }),
  "token soups": soup,
};

/** The property every compile result must have, whatever the text. */
function wellFormedResult(text: string, target: Target, catalogue?: CatalogueJson): void {
  const r = compile(text, { target, now, ...(catalogue && { catalogue }) });
  for (const d of r.diagnostics) {
    expect(0 <= d.start && d.start <= d.end && d.end <= text.length, `${d.code} [${d.start}, ${d.end}) in ${text.length}`).toBe(true);
  }
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (r.ok) {
    expect(errors).toEqual([]);
    const schema = filterJsonSchemas[target];
    expect(schema.filters.safeParse(r.filters).error).toBeUndefined();
    expect(schema.sort.safeParse(r.sort).error).toBeUndefined();
  } else {
    expect(errors.length).toBeGreaterThan(0);
    expect(r.filters).toBeNull();
    expect(r.sort).toBeNull();
  }
}

describe("compile never throws: ok with JSON the target's schema accepts, or errors inside the text", () => {
  for (const target of targets) {
    for (const [name, text] of Object.entries(texts)) {
      it(`${name} (${target})`, { timeout }, () => {
        fc.assert(
          fc.property(text, (t) => wellFormedResult(t, target)),
          { numRuns },
        );
      });
    }
  }

  it("token soups against a catalogue without free text (classifications)", { timeout }, () => {
    fc.assert(
      fc.property(soup, (t) => wellFormedResult(t, "classifications", catalogues.awkward)),
      { numRuns },
    );
  });

  it("generated queries with one character changed (both targets)", { timeout }, () => {
    const { queryText } = arbitraries(fc);
    const mutated = fc.tuple(queryText, fc.nat(), fc.constantFrom(...soupTokens), fc.constantFrom("insert", "replace", "delete")).map(([text, at, token, how]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      if (how === "insert") return text.slice(0, i) + token + text.slice(i);
      if (how === "replace") return text.slice(0, i) + token + text.slice(i + 1);
      return text.slice(0, i) + text.slice(i + 1);
    });
    fc.assert(
      fc.property(mutated, fc.constantFrom(...targets), (t, target) => wellFormedResult(t, target)),
      { numRuns },
    );
  });
});

describe("the oracle itself: the filter schemas refuse what §5 does not allow", () => {
  it.each<[string, Target, unknown]>([
    ["an operator classifications lacks", "classifications", { AND: [{ key: "a", operator: "starts_with", value: "x" }] }],
    ["an unknown key in a condition", "classifications", { AND: [{ key: "a", operator: "eq", value: 1, extra: 1 }] }],
    ["case_sensitive below the top", "classifications", { AND: [{ NOR: [{ key: "a", operator: "eq", value: 1 }], case_sensitive: true }] }],
    ["an empty group", "classifications", { AND: [] }],
    ["NOT on classifications", "classifications", { NOT: [{ key: "a", operator: "eq", value: 1 }] }],
    ["NOR on mixpeek-v1", "mixpeek-v1", { NOR: [{ field: "a", operator: "eq", value: 1 }] }],
    ["field on classifications", "classifications", { AND: [{ field: "a", operator: "eq", value: 1 }] }],
    ["key on mixpeek-v1", "mixpeek-v1", { AND: [{ key: "a", operator: "eq", value: 1 }] }],
    ["exists with a string", "classifications", { AND: [{ key: "a", operator: "exists", value: "x" }] }],
    ["two groups in one object", "classifications", { AND: [{ key: "a", operator: "eq", value: 1 }], OR: [{ key: "a", operator: "eq", value: 1 }] }],
    ["21 items in a classifications group", "classifications", { OR: Array.from({ length: 21 }, () => ({ key: "a", operator: "eq", value: 1 })) }],
    ["a bare condition at the top", "classifications", { key: "a", operator: "eq", value: 1 }],
  ])("%s (%s)", (_title, target, json) => {
    expect(filterJsonSchemas[target].filters.safeParse(json).success).toBe(false);
  });
});

describe("every generated query text compiles", () => {
  it.each(targets)("the classification catalogue, default arbitraries (%s)", { timeout }, (target) => {
    const { queryText } = arbitraries(fc);
    fc.assert(
      fc.property(queryText, (text) => {
        const r = compile(text, { target, now });
        expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(filterJsonSchemas[target].filters.safeParse(r.filters).success).toBe(true);
        expect(filterJsonSchemas[target].sort.safeParse(r.sort).success).toBe(true);
      }),
      { numRuns },
    );
  });

  it("the classification catalogue, target mixpeek-v1 (^= $= =~ and long groups)", { timeout }, () => {
    const { queryText } = arbitraries(fc, undefined, { target: "mixpeek-v1" });
    fc.assert(
      fc.property(queryText, (text) => {
        expect(compile(text, { target: "mixpeek-v1", now }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      }),
      { numRuns },
    );
  });

  for (const [name, catalogue] of Object.entries(catalogues)) {
    it.each(targets)(`the ${name} catalogue (%s)`, { timeout }, (target) => {
      const { queryText } = arbitraries(fc, catalogue, { target });
      fc.assert(
        fc.property(queryText, (text) => {
          expect(compile(text, { target, now, catalogue }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        }),
        { numRuns },
      );
    });
  }

  it.each<[string, CatalogueJson | undefined]>([
    ["classification", undefined],
    ["example", catalogues.example],
    ["awkward", catalogues.awkward],
  ])("parse(text) builds exactly the generated AST, spans included (%s)", { timeout }, (_name, catalogue) => {
    const { queryWithText } = arbitraries(fc, catalogue, { target: "mixpeek-v1" });
    fc.assert(
      fc.property(queryWithText, ({ text, query }) => {
        expect(parseQuery(text)).toEqual({ query, problems: [] });
      }),
      { numRuns },
    );
  });

  it("the predicate of a generated query takes any generated record", { timeout }, () => {
    const { queryText, record } = arbitraries(fc, catalogues.example);
    fc.assert(
      fc.property(queryText, record, (text, row) => {
        const r = compile(text, { now, catalogue: catalogues.example });
        expect(typeof toPredicate(r.query!)(row)).toBe("boolean");
      }),
      { numRuns },
    );
  });
});

describe("every near miss produces its code", () => {
  it.each(targets)("the classification catalogue (%s)", { timeout }, (target) => {
    const { nearMiss } = arbitraries(fc, undefined, { target });
    fc.assert(
      fc.property(nearMiss, ({ text, code }) => {
        expect(compile(text, { target, now }).diagnostics.map((d) => d.code)).toContain(code);
      }),
      { numRuns },
    );
  });

  for (const [name, catalogue] of Object.entries(catalogues)) {
    it.each(targets)(`the ${name} catalogue (%s)`, { timeout }, (target) => {
      const { nearMiss } = arbitraries(fc, catalogue, { target });
      fc.assert(
        fc.property(nearMiss, ({ text, code }) => {
          expect(compile(text, { target, now, catalogue }).diagnostics.map((d) => d.code)).toContain(code);
        }),
        { numRuns },
      );
    });
  }

  it("near misses cover the codes the brief names", () => {
    const { nearMiss } = arbitraries(fc);
    const seen = new Set(fc.sample(nearMiss, { numRuns: 3000, seed: 1 }).map((m) => m.code));
    for (const code of ["unknown-field", "unterminated-string", "unexpected-end", "type-mismatch", "operator-not-allowed", "empty-list", "invalid-escape"] as const) {
      expect(seen).toContain(code);
    }
  });
});
