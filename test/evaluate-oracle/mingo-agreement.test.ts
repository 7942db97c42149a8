import fc from "fast-check";
import { Query } from "mingo";
import { describe, expect, it } from "vitest";
import { arbitraries } from "../../src/arbitraries/index.js";
import type { FilterJson, GroupJson } from "../../src/emit/filter-json.js";
import { compile, toPredicate, type CompileResult, type TargetName } from "../../src/index.js";
import { catalogueJson, fieldPaths, now, queryText, record } from "./oracle-arbitraries.js";
import { toMongoQuery, type MongoQuery } from "./to-mongo-query.js";

// An independent oracle: the filters JSON that compile() emits, translated into a MongoDB query and
// run by mingo, must select exactly the records that toPredicate() selects. The differences that are
// on purpose are tested one by one below, and kept out of the property by construction of the data
// (oracle-arbitraries.ts) or of the translation (to-mongo-query.ts) — nothing else is.

const runs = Number(process.env.TAXQL_ORACLE_RUNS ?? 1000);
const targets: readonly TargetName[] = ["classifications", "mixpeek-v1"];
/** What only an API target refuses: the query is fine, that target just cannot take it. */
const targetRefusals = new Set(["unsupported-operator", "too-many-items"]);

function compiled(text: string, target: TargetName, caseSensitive = true): CompileResult {
  return compile(text, { target, caseSensitive, now, catalogue: catalogueJson });
}

function mingo(query: MongoQuery, value: unknown): boolean {
  return new Query(query).test(value as Record<string, unknown>);
}

/** Ours and mingo's answer for one query on one record, through the given target's JSON. */
function both(text: string, value: unknown, target: TargetName = "mixpeek-v1"): { ours: boolean; mingo: boolean } {
  const result = compiled(text, target);
  if (!result.ok) throw new Error(`${text}: ${result.diagnostics.map((d) => d.code).join(", ")}`);
  return { ours: toPredicate(result.query!, { caseSensitive: true })(value), mingo: mingo(toMongoQuery(result.filters, fieldPaths), value) };
}

describe("toPredicate agrees with mingo on the emitted filters", () => {
  it(`for random catalogue-valid queries and random records (${runs} runs, both targets)`, () => {
    let compared = 0;
    fc.assert(
      fc.property(queryText, fc.array(record, { minLength: 1, maxLength: 12 }), (text, records) => {
        for (const target of targets) {
          const result = compiled(text, target);
          if (!result.ok) {
            // the generator writes valid queries: only a target's own limits may refuse one
            expect(result.diagnostics.filter((d) => d.severity === "error" && !targetRefusals.has(d.code))).toEqual([]);
            expect(target).toBe("classifications");
            continue;
          }
          const predicate = toPredicate(result.query!, { caseSensitive: true });
          const mongo = toMongoQuery(result.filters, fieldPaths);
          const oracle = new Query(mongo);
          for (const value of records) {
            const ours = predicate(value);
            const theirs = oracle.test(value);
            if (ours !== theirs) {
              throw new Error(`${target}: ${text}\nrecord ${JSON.stringify(value)}\ntaxql ${ours}, mingo ${theirs}\nfilters ${JSON.stringify(result.filters)}`);
            }
            compared++;
          }
        }
      }),
      { numRuns: runs },
    );
    expect(compared).toBeGreaterThan(runs);
  }, 300_000);

  it.each(targets)(`for random queries from taxql/arbitraries for %s (${runs} runs)`, (target) => {
    // its queries range wider (any Unicode, any literal form, RE2-only regex syntax); those that meet a
    // documented difference (a regex JavaScript reads otherwise, text words that fold unlike toLowerCase) are left out
    const shared = arbitraries(fc, catalogueJson, { target }).queryText.filter((text) => {
      const result = compiled(text, target);
      return result.ok && inSharedDialect(result.filters);
    });
    fc.assert(
      fc.property(shared, fc.array(record, { minLength: 1, maxLength: 12 }), (text, records) => {
        const result = compiled(text, target);
        const predicate = toPredicate(result.query!, { caseSensitive: true });
        const oracle = new Query(toMongoQuery(result.filters, fieldPaths));
        for (const value of records) {
          if (predicate(value) !== oracle.test(value)) {
            throw new Error(`${text}\nrecord ${JSON.stringify(value)}\ntaxql ${predicate(value)}\nfilters ${JSON.stringify(result.filters)}`);
          }
        }
      }),
      { numRuns: runs },
    );
  }, 300_000);

  it.each([
    ['node_name = "sports"', { node_name: ["x", "sports"] }, true],
    ['node_name != "sports"', { node_name: ["x", "sports"] }, false],
    ["score in [0.5, null]", {}, true],
    ["score not in [0.5, null]", { score: [1, null] }, true],
    ['text(node_description, "games video")', { node_description: "Video, Games & more" }, true],
    ['text(node_description, "game")', { node_description: "Video Games" }, false],
    ['node_name =~ "^.$"', { node_name: "😀" }, true],
    ['lang ^= "e"', { meta: { lang: "en" } }, true],
    ["created_at = 2026-03-01", { created_at: "2026-03-01T23:59:59.999Z" }, true],
    ["created_at != 2026-03-01", { created_at: "2026-03-02T00:00:00.000Z" }, true],
  ])("%s on %j is %s for both", (text, value, expected) => {
    expect(both(text, value)).toEqual({ ours: expected, mingo: expected });
  });
});

/** Whether the filters keep clear of the regex-dialect and case-folding differences tested below. */
function inSharedDialect(filters: GroupJson | null): boolean {
  const items: FilterJson[] = filters === null ? [] : [filters];
  while (items.length > 0) {
    const item = items.pop()!;
    for (const [key, value] of Object.entries(item)) if (Array.isArray(value) && key !== "value") items.push(...(value as FilterJson[]));
    const value = item.value;
    if (item.operator === "regex" && !sharedRegex(value as string)) return false;
    if (item.operator === "text" && [...(value as string)].some((c) => c.toLowerCase() !== c.toUpperCase().toLowerCase())) return false;
  }
  return true;
}

function sharedRegex(pattern: string): boolean {
  if (/\(\?(?!:)/.test(pattern)) return false;
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

// Each deliberate difference between LANGUAGE.md §7 and MongoDB's reading of the same JSON.
describe("documented differences from MongoDB", () => {
  it("the case-insensitive default: taxql ignores case unless caseSensitive; $eq and $in never do", () => {
    const result = compiled('node_name = "SPORTS"', "classifications", false);
    expect(result.filters).not.toHaveProperty("case_sensitive");
    expect(toPredicate(result.query!)({ node_name: "sports" })).toBe(true);
    expect(mingo({ node_name: { $eq: "SPORTS" } }, { node_name: "sports" })).toBe(false);
    // kept out by construction: the property compiles with caseSensitive: true, and the translation refuses anything else
    expect(() => toMongoQuery(result.filters, fieldPaths)).toThrow(/case-sensitive/);
  });

  it("exists on null: taxql's exists is false on null; Mongo's $exists holds (translated as $exists plus $ne: null)", () => {
    const value = { parent_node_id: null };
    expect(both("parent_node_id exists", value)).toEqual({ ours: false, mingo: false });
    expect(mingo({ parent_node_id: { $exists: true } }, value)).toBe(true);
  });

  it("null inside arrays: taxql's = null and is null look at the array itself; Mongo's null matches [null] (translated with $type: array)", () => {
    const value = { parent_node_id: [null] };
    expect(both("parent_node_id is null", value)).toEqual({ ours: false, mingo: false });
    expect(both("parent_node_id = null", value)).toEqual({ ours: false, mingo: false });
    expect(both('parent_node_id in ["x", null]', value)).toEqual({ ours: false, mingo: false });
    expect(mingo({ parent_node_id: null }, value)).toBe(true);
    expect(mingo({ parent_node_id: { $exists: true, $ne: null } }, value)).toBe(false);
  });

  it("ne on arrays: no difference — both hold only when no element is equal, and on a missing field", () => {
    expect(both("score != 1", { score: [1, 2] })).toEqual({ ours: false, mingo: false });
    expect(both("score != 1", { score: [2, 3] })).toEqual({ ours: true, mingo: true });
    expect(both("score != 1", {})).toEqual({ ours: true, mingo: true });
    expect(mingo({ score: { $ne: 1 } }, { score: [1, 2] })).toBe(false);
  });

  it("type bracketing: both refuse to compare across types, but a datetime field holding a non-date string is compared as text by Mongo", () => {
    expect(both("score >= 0.5", { score: "0.9" })).toEqual({ ours: false, mingo: false });
    expect(both("created_at > 2026-01-01", { created_at: 20270101 })).toEqual({ ours: false, mingo: false });
    // kept out by construction: records never hold a string that is not a canonical ISO datetime in a datetime field
    expect(both("created_at > 2026-01-01", { created_at: "tomorrow" })).toEqual({ ours: false, mingo: true });
  });

  it("dates: taxql compares instants (Date objects and any ISO form); Mongo compares a string as text and never a Date with a string", () => {
    // kept out by construction: datetimes in records are canonical ISO strings, where text order is instant order
    expect(both("created_at >= 2026-03-01", { created_at: new Date("2026-03-02T00:00:00Z") })).toEqual({ ours: true, mingo: false });
    expect(both('created_at = "2026-03-01T10:00:00.000Z"', { created_at: "2026-03-01T12:00:00+02:00" })).toEqual({ ours: true, mingo: false });
    expect(both('created_at < "2026-03-01T00:00:00.000Z"', { created_at: "2026-03-01T00:30:00+01:00" })).toEqual({ ours: true, mingo: false });
  });

  it("arrays inside arrays: taxql looks one level deep; mingo's $regex also searches nested arrays", () => {
    // kept out by construction: arrays in records hold scalars and nulls only
    expect(both('node_name ~ "sports"', { node_name: [["sports"]] })).toEqual({ ours: false, mingo: true });
    expect(both('node_name = "sports"', { node_name: [["sports"]] })).toEqual({ ours: false, mingo: false });
  });

  it("arrays along a nested path: taxql reads only the values reached; Mongo (and mingo, differently) reads the array", () => {
    // kept out by construction: `meta` is never an array
    const value = { meta: [{}, {}] };
    expect(both("lang is null", value)).toEqual({ ours: true, mingo: false });
    expect(mingo({ "meta.lang": { $type: "array" } }, value)).toBe(true);
  });

  it("inherited properties: taxql reads own properties only; mingo reads the prototype chain", () => {
    // kept out by construction: records are plain JSON objects
    expect(both("score = 1", Object.create({ score: 1 }))).toEqual({ ours: false, mingo: true });
  });

  it("regex dialect: taxql's patterns are RE2 (linear time); Mongo's are PCRE, mingo's JavaScript", () => {
    // kept out by construction: patterns come from the syntax both share
    expect(compiled('node_name =~ "(?i)sports"', "mixpeek-v1").ok).toBe(true);
    expect(() => new RegExp("(?i)sports", "u")).toThrow();
    expect(compiled('node_name =~ "(a)\\\\1"', "mixpeek-v1").diagnostics.map((d) => d.code)).toEqual(["invalid-regex"]);
  });

  it("text: Mongo has no word match (translated as look-aheads); lower-casing and regex case folding differ outside the data's alphabet", () => {
    // kept out by construction: record strings use letters on which both agree
    const value = { node_description: "ſ" };
    expect(both('text(node_description, "s")', value)).toEqual({ ours: false, mingo: true });
  });
});
