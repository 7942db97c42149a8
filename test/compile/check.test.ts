import { describe, expect, it } from "vitest";
import type { CatalogueJson } from "../../src/catalogue/catalogue.js";
import { classificationCatalogue } from "../../src/catalogue/default-catalogue.js";
import { CatalogueError, defineCatalogue } from "../../src/catalogue/define-catalogue.js";
import type { PlanNode } from "../../src/check/checked-query.js";
import { checkQuery } from "../../src/check/check-query.js";
import { compile } from "../../src/compile.js";
import { parseQuery } from "../../src/syntax/parse.js";

type Found = [code: string, start: number, end: number];

const now = Date.parse("2026-01-15T12:00:00.000Z");

/** Every field type, with the §4 example's enum and a boolean; no free text. */
const allTypes: CatalogueJson = {
  fields: {
    title: { type: "string", sortable: true },
    tags: { type: "string[]" },
    rating: { type: "number", min: 0, max: 5, sortable: true },
    size: { type: "number" },
    count: { type: "integer" },
    flag: { type: "boolean" },
    at: { type: "datetime", sortable: true },
    kind: { type: "enum", values: ["image", "video"] },
  },
  freeText: null,
};

function run(text: string, catalogue: CatalogueJson | undefined = undefined) {
  const parsed = parseQuery(text);
  const checked = checkQuery(parsed.query, catalogue ? defineCatalogue(catalogue) : classificationCatalogue, { now, maxListValues: 1000 });
  return { parsed, checked };
}

/** The parser's and the checker's problems, in offset order. */
function problems(text: string, catalogue?: CatalogueJson): Found[] {
  const { parsed, checked } = run(text, catalogue);
  return [...parsed.problems, ...checked.problems].map((p): Found => [p.code, p.span.start, p.span.end]).sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

type Plan = readonly [string, string, unknown] | { readonly [kind: string]: readonly Plan[] };

function summary(node: PlanNode): Plan {
  return node.kind === "condition" ? [node.field.name, node.operator, node.value] : { [node.kind]: node.items.map(summary) };
}

/** The checked filter of a query that must have no problem at all. */
function plan(text: string, catalogue?: CatalogueJson): Plan | null {
  const { parsed, checked } = run(text, catalogue);
  expect([...parsed.problems, ...checked.problems]).toEqual([]);
  return checked.query.filter && summary(checked.query.filter);
}

describe("§3 values: no coercion across types", () => {
  it.each<[string, Found[]]>([
    ["node_name = 007", [["type-mismatch", 12, 15]]],
    ["node_id = 00123", [["type-mismatch", 10, 15]]],
    ["node_name = 5 or node_id = true or depth in [1, \"2\"]", [["type-mismatch", 12, 13], ["type-mismatch", 27, 31], ["type-mismatch", 48, 51]]],
    ["node_name = 2024-01-01", [["type-mismatch", 12, 22]]],
    ["node_name = now", [["type-mismatch", 12, 15]]],
    ["node_name = now-7d", [["type-mismatch", 12, 18]]],
    ["path_tokens = 3", [["type-mismatch", 14, 15]]],
    ['score = "0.5"', [["type-mismatch", 8, 13]]],
    ["score = NaN", [["type-mismatch", 8, 11]]],
    ["score = true", [["type-mismatch", 8, 12]]],
    ["score = 2024-01-01", [["type-mismatch", 8, 18]]],
    ['depth = "3"', [["type-mismatch", 8, 11]]],
    ["depth = 1.5", [["type-mismatch", 8, 11]]],
    ["depth > 1.5", [["type-mismatch", 8, 11]]],
    ["depth = 1e-1", [["type-mismatch", 8, 12]]],
    ["depth in [1, 2.5]", [["type-mismatch", 13, 16]]],
    ["created_at > 5", [["type-mismatch", 13, 14]]],
    ["created_at = true", [["type-mismatch", 13, 17]]],
    ["created_at = [2024-01-01]", [["type-mismatch", 13, 25]]],
    ["depth = [1]", [["type-mismatch", 8, 11]]],
    ["depth in 1", [["type-mismatch", 9, 10]]],
    ["depth > null", [["type-mismatch", 8, 12]]],
    ["node_name ~ null", [["type-mismatch", 12, 16]]],
    ["score between null and 1", [["type-mismatch", 14, 18]]],
  ])("%s", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ['flag = "true"', [["type-mismatch", 7, 13]]],
    ["flag = 1", [["type-mismatch", 7, 8]]],
    ["flag = yes", [["type-mismatch", 7, 10]]],
    ["kind = IMAGE", [["type-mismatch", 7, 12]]],
    ["status = reopened", [["unknown-field", 0, 6]]],
    ["kind in [image, gif]", [["type-mismatch", 16, 19]]],
    ["kind = 1", [["type-mismatch", 7, 8]]],
  ])("%s: booleans and enum values (compared exactly)", (text, expected) => {
    expect(problems(text, allTypes)).toEqual(expected);
  });

  it.each<[string, Plan]>([
    ["depth = 007", ["depth", "eq", 7]],
    ["depth = 1e3", ["depth", "eq", 1000]],
    ["depth = 2.0", ["depth", "eq", 2]],
    ["depth = 2.5e1", ["depth", "eq", 25]],
    ["depth = 9007199254740991", ["depth", "eq", 9007199254740991]],
    ["node_name = sports_equipment", ["node_name", "eq", "sports_equipment"]],
    ['node_name = "007"', ["node_name", "eq", "007"]],
    ["node_name = null", ["node_name", "eq", null]],
    ["depth != null", ["depth", "ne", null]],
    ["created_at = null", ["created_at", "eq", null]],
    ["depth in [1, null]", ["depth", "in", [1, null]]],
  ])("%s", (text, expected) => {
    expect(plan(text)).toEqual(expected);
  });

  it.each<[string, Plan]>([
    ["size = 9007199254740993", ["size", "eq", 9007199254740992]],
    ["size<-1", ["size", "lt", -1]],
    ["size > -2E+10", ["size", "gt", -2e10]],
    ["size = 0.1", ["size", "eq", 0.1]],
    ["flag = TRUE", ["flag", "eq", true]],
    ["flag != false", ["flag", "ne", false]],
    ["kind = image", ["kind", "eq", "image"]],
    ['kind != "video"', ["kind", "ne", "video"]],
    ["kind not in [image, null]", ["kind", "nin", ["image", null]]],
  ])("%s: a number field takes any finite double; booleans; enum values", (text, expected) => {
    expect(plan(text, allTypes)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ["depth = 9007199254740992", [["invalid-number", 8, 24]]],
    ["depth = 9007199254740993", [["invalid-number", 8, 24]]],
    ["depth = -9007199254740992", [["invalid-number", 8, 25]]],
    ["depth = 1e20", [["invalid-number", 8, 12]]],
    ["depth in [1, 1e16]", [["invalid-number", 13, 17]]],
  ])("%s: an integer field's value outside ±(2^53−1) is invalid-number", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe("§4 min and max: out-of-range is a warning", () => {
  it.each<[string, Found[]]>([
    ["score > 2", [["out-of-range", 8, 9]]],
    ["score >= -0.5", [["out-of-range", 9, 13]]],
    ["depth = -1", [["out-of-range", 8, 10]]],
    ["score between 0 and 2", [["out-of-range", 20, 21]]],
    ["score in [0.5, 1.5]", [["out-of-range", 15, 18]]],
    ["score = 1 or score = 0", []],
  ])("%s", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("score > 2: compile is ok, emits the condition, and reports the warning", () => {
    const r = compile("score > 2");
    expect(r.ok).toBe(true);
    expect(r.filters).toEqual({ AND: [{ key: "score", operator: "gt", value: 2 }] });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.start, d.end])).toEqual([["out-of-range", "warning", 8, 9]]);
  });
});

describe("§3 datetimes", () => {
  it.each<[string, Found[]]>([
    ['created_at > "yesterday"', [["invalid-datetime", 13, 24]]],
    ["created_at > yesterday", [["invalid-datetime", 13, 22]]],
    ["created_at > 2024-02-30", [["invalid-datetime", 13, 23]]],
    ['created_at > "2024-02-30"', [["invalid-datetime", 13, 25]]],
    ["created_at = 2023-02-29", [["invalid-datetime", 13, 23]]],
    ["created_at = 1900-02-29", [["invalid-datetime", 13, 23]]],
    ["created_at = 2024-13-01", [["invalid-datetime", 13, 23]]],
    ["created_at = 2024-04-31", [["invalid-datetime", 13, 23]]],
    ['created_at < "2024-03-01T00:00:00"', [["invalid-datetime", 13, 34]]],
    ["created_at < 2024-03-01T10:00", [["invalid-datetime", 13, 29]]],
    ["created_at = 2024-01-01T24:00Z", [["invalid-datetime", 13, 30]]],
    ["created_at = 2024-01-01T10:60Z", [["invalid-datetime", 13, 30]]],
    ["created_at = 2024-01-01T10:00:60Z", [["invalid-datetime", 13, 33]]],
    ["created_at = 2024-01-01T10:00:00.1234567891Z", [["invalid-datetime", 13, 44]]],
    ["created_at = 2024-01-01T10:00:00.Z", [["invalid-datetime", 13, 34]]],
    ["created_at = 2024-01-01abc", [["invalid-datetime", 13, 26]]],
    ["created_at > now-1y", [["invalid-datetime", 13, 19]]],
    ["created_at > now-7x", [["invalid-datetime", 13, 19]]],
    ["created_at > now-", [["invalid-datetime", 13, 17]]],
    ["created_at > now-7d1", [["invalid-datetime", 13, 20]]],
    ['created_at > "now - 7d"', [["invalid-datetime", 13, 23]]],
    ["created_at between 2024-01-01 and 2024-02-30", [["invalid-datetime", 34, 44]]],
  ])("%s: invalid-datetime at the value", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, Plan]>([
    ["created_at = 2024-01-01", { and: [["created_at", "gte", "2024-01-01T00:00:00.000Z"], ["created_at", "lt", "2024-01-02T00:00:00.000Z"]] }],
    ['created_at = "2024-01-01"', { and: [["created_at", "gte", "2024-01-01T00:00:00.000Z"], ["created_at", "lt", "2024-01-02T00:00:00.000Z"]] }],
    ["created_at != 2024-01-01", { not: [{ and: [["created_at", "gte", "2024-01-01T00:00:00.000Z"], ["created_at", "lt", "2024-01-02T00:00:00.000Z"]] }] }],
    ["created_at > 2024-01-01", ["created_at", "gte", "2024-01-02T00:00:00.000Z"]],
    ["created_at >= 2024-01-01", ["created_at", "gte", "2024-01-01T00:00:00.000Z"]],
    ["created_at < 2024-01-01", ["created_at", "lt", "2024-01-01T00:00:00.000Z"]],
    ["created_at <= 2024-01-01", ["created_at", "lt", "2024-01-02T00:00:00.000Z"]],
    ["created_at <= 2024-12-31", ["created_at", "lt", "2025-01-01T00:00:00.000Z"]],
    ["created_at = 2024-02-28", { and: [["created_at", "gte", "2024-02-28T00:00:00.000Z"], ["created_at", "lt", "2024-02-29T00:00:00.000Z"]] }],
    ["created_at = 2023-02-28", { and: [["created_at", "gte", "2023-02-28T00:00:00.000Z"], ["created_at", "lt", "2023-03-01T00:00:00.000Z"]] }],
    ["created_at = 2000-02-29", { and: [["created_at", "gte", "2000-02-29T00:00:00.000Z"], ["created_at", "lt", "2000-03-01T00:00:00.000Z"]] }],
    ["created_at between 2024-01-01 and 2024-01-31", { and: [["created_at", "gte", "2024-01-01T00:00:00.000Z"], ["created_at", "lt", "2024-02-01T00:00:00.000Z"]] }],
  ])("%s: a date without a time is the whole UTC day", (text, expected) => {
    expect(plan(text)).toEqual(expected);
  });

  it.each<[string, Plan]>([
    ["created_at = 2024-01-01T10:00Z", ["created_at", "eq", "2024-01-01T10:00:00.000Z"]],
    ["created_at != 2024-01-01T10:00:00Z", ["created_at", "ne", "2024-01-01T10:00:00.000Z"]],
    ["created_at > 2024-01-01t10:00:00.250+02:00", ["created_at", "gt", "2024-01-01T08:00:00.250Z"]],
    ["created_at > 2024-01-01T10:00:00+0200", ["created_at", "gt", "2024-01-01T08:00:00.000Z"]],
    ["created_at > 2024-01-01T00:30-01:00", ["created_at", "gt", "2024-01-01T01:30:00.000Z"]],
    ["created_at >= 2024-05-01t08:30:00z", ["created_at", "gte", "2024-05-01T08:30:00.000Z"]],
    ["created_at <= 2024-05-01T23:59:59.999999Z", ["created_at", "lte", "2024-05-01T23:59:59.999Z"]],
    ["created_at < 2024-01-01T00:00:00.9Z", ["created_at", "lt", "2024-01-01T00:00:00.900Z"]],
    ['created_at >= "2024-03-01T01:00:00+01:00"', ["created_at", "gte", "2024-03-01T00:00:00.000Z"]],
    ["created_at between 2024-01-01T10:00Z and 2024-01-02", { and: [["created_at", "gte", "2024-01-01T10:00:00.000Z"], ["created_at", "lt", "2024-01-03T00:00:00.000Z"]] }],
    ["created_at between 2024-01-01 and 2024-01-02T10:00Z", { and: [["created_at", "gte", "2024-01-01T00:00:00.000Z"], ["created_at", "lte", "2024-01-02T10:00:00.000Z"]] }],
  ])("%s: an instant stays an instant", (text, expected) => {
    expect(plan(text)).toEqual(expected);
  });

  it.each<[string, Plan]>([
    ["created_at = now", ["created_at", "eq", "2026-01-15T12:00:00.000Z"]],
    ["created_at > now-7d", ["created_at", "gt", "2026-01-08T12:00:00.000Z"]],
    ["created_at >= NOW-7D", ["created_at", "gte", "2026-01-08T12:00:00.000Z"]],
    ["created_at < now+1h", ["created_at", "lt", "2026-01-15T13:00:00.000Z"]],
    ["created_at < now-90m+30s", ["created_at", "lt", "2026-01-15T10:30:30.000Z"]],
    ['created_at > "now-1w"', ["created_at", "gt", "2026-01-08T12:00:00.000Z"]],
    ["created_at between now-1w-2d and now+1h", { and: [["created_at", "gte", "2026-01-06T12:00:00.000Z"], ["created_at", "lte", "2026-01-15T13:00:00.000Z"]] }],
    ["created_at between 2025-12-01 and now", { and: [["created_at", "gte", "2025-12-01T00:00:00.000Z"], ["created_at", "lte", "2026-01-15T12:00:00.000Z"]] }],
  ])("%s: relative to the now option (2026-01-15T12:00Z)", (text, expected) => {
    expect(plan(text)).toEqual(expected);
  });

  it.each<[string, Date | string]>([
    ["a Date", new Date("2026-01-15T12:00:00Z")],
    ["an ISO string", "2026-01-15T12:00:00Z"],
    ["an ISO string with an offset", "2026-01-15T13:00:00+01:00"],
  ])("compile's now may be %s", (_title, value) => {
    expect(compile("created_at > now-1d", { now: value }).filters).toEqual({ AND: [{ key: "created_at", operator: "gt", value: "2026-01-14T12:00:00.000Z" }] });
  });

  it.each<[string, Plan]>([
    ["eq(created_at, 2024-01-01)", ["created_at", "eq", "2024-01-01T00:00:00.000Z"]],
    ["gte(created_at, 2024-03-01)", ["created_at", "gte", "2024-03-01T00:00:00.000Z"]],
    ["lte(created_at, 2024-03-31)", ["created_at", "lte", "2024-03-31T00:00:00.000Z"]],
    ["gt(created_at, now-1d)", ["created_at", "gt", "2026-01-14T12:00:00.000Z"]],
  ])("%s: a call maps straight to its operator, a date is the start of its day", (text, expected) => {
    expect(plan(text)).toEqual(expected);
  });
});

describe("§4 which operators each type takes", () => {
  it.each<[string, string[]]>([
    ["title", ['= "a"', '!= "a"', '~ "a"', '!~ "a"', '^= "a"', '$= "a"', '=~ "^a"', 'in ["a"]', 'not in ["a"]', "exists", "is null", "is not null"]],
    ["tags", ['= "a"', '!= "a"', '~ "a"', '!~ "a"', '^= "a"', '$= "a"', '=~ "^a"', 'in ["a"]', 'not in ["a"]', "exists", "is null", "is not null"]],
    ["rating", ["= 1", "!= 1", "> 1", ">= 1", "< 1", "<= 1", "in [1]", "not in [1]", "between 1 and 2", "exists", "is null", "is not null"]],
    ["count", ["= 1", "!= 1", "> 1", ">= 1", "< 1", "<= 1", "in [1]", "not in [1]", "between 1 and 2", "exists", "is null", "is not null"]],
    ["flag", ["= true", "!= false", "exists", "is null", "is not null"]],
    ["at", ["= 2024-01-01", "!= 2024-01-01", "> 2024-01-01", ">= 2024-01-01", "< 2024-01-01", "<= 2024-01-01", "between 2024-01-01 and 2024-01-02", "exists", "is null", "is not null"]],
    ["kind", ["= image", "!= image", "in [image]", "not in [video]", "exists", "is null", "is not null"]],
  ])("%s takes %j", (fieldName, tails) => {
    for (const tail of tails) expect(problems(`${fieldName} ${tail}`, allTypes), `${fieldName} ${tail}`).toEqual([]);
  });

  it.each<[string, string[]]>([
    ["title", ["eq", "ne", "contains", "starts_with", "ends_with", "regex", "text"]],
    ["tags", ["eq", "ne", "contains", "starts_with", "ends_with", "regex", "text"]],
  ])("%s takes the calls %j with a string", (fieldName, names) => {
    for (const name of names) expect(problems(`${name}(${fieldName}, "a")`, allTypes), name).toEqual([]);
  });

  it.each<[string, string[]]>([
    ["title", ['> "a"', '>= "a"', '< "a"', '<= "a"', 'between "a" and "b"']],
    ["tags", ['> "a"', 'between "a" and "b"']],
    ["rating", ['~ "1"', '!~ "1"', '^= "1"', '$= "1"', '=~ "1"']],
    ["count", ['~ "1"', '=~ "1"']],
    ["flag", ["> true", ">= true", "< true", "<= true", "in [true]", "not in [true]", "between false and true", '~ "t"']],
    ["at", ["in [2024-01-01]", "not in [2024-01-01]", '~ "2024"', '!~ "2024"', '=~ "2024"']],
    ["kind", ["> image", "<= image", '~ "i"', '^= "i"', "between image and video"]],
  ])("%s refuses %j: operator-not-allowed at the operator", (fieldName, tails) => {
    for (const tail of tails) {
      const text = `${fieldName} ${tail}`;
      const start = fieldName.length + 1;
      const operator = tail.startsWith("not in") ? "not in" : tail.split(" ")[0]!;
      expect(problems(text, allTypes), text).toEqual([["operator-not-allowed", start, start + operator.length]]);
    }
  });

  it.each<[string, Found[]]>([
    ['path_tokens > "a"', [["operator-not-allowed", 12, 13]]],
    ['node_name > "m" or depth ~ 1', [["operator-not-allowed", 10, 11], ["operator-not-allowed", 25, 26]]],
    ['created_at in ["2024-01-01"]', [["operator-not-allowed", 11, 13]]],
    ["created_at not in [2024-01-01, 2024-01-02]", [["operator-not-allowed", 11, 17]]],
    ["created_at NOT  IN [2024-01-01]", [["operator-not-allowed", 11, 18]]],
    ['text(depth, "3")', [["operator-not-allowed", 0, 4]]],
    ["in(created_at, [2024-01-01])", [["operator-not-allowed", 0, 2]]],
    ['contains(score, "1")', [["operator-not-allowed", 0, 8]]],
    ['like(node_name, "x") or text(depth, "3")', [["unknown-operator", 0, 4], ["operator-not-allowed", 24, 28]]],
  ])("%s", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe("§2 calls", () => {
  it.each<[string, Plan]>([
    ["exists(parent_node_id)", ["parent_node_id", "exists", true]],
    ["exists(parent_node_id, false)", ["parent_node_id", "exists", false]],
    ["is_null(parent_node_id)", ["parent_node_id", "is_null", true]],
    ["is_null(parent_node_id, false)", ["parent_node_id", "is_null", false]],
    ["in(depth, [1, 2])", ["depth", "in", [1, 2]]],
    ['nin(node_name, ["misc", null])', ["node_name", "nin", ["misc", null]]],
    ['text(node_description, "usb cable")', ["node_description", "text", "usb cable"]],
    ["eq(node_name, null)", ["node_name", "eq", null]],
    ["ne(depth, 1)", ["depth", "ne", 1]],
    ['contains(path_tokens, "a")', ["path_tokens", "contains", "a"]],
    ['starts_with(node_name, "elec")', ["node_name", "starts_with", "elec"]],
    ['regex(node_name, "^a")', ["node_name", "regex", "^a"]],
  ])("%s", (text, expected) => {
    expect(plan(text)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ['like(node_name, "x")', [["unknown-operator", 0, 4]]],
    ['frobnicate(node_name, "x")', [["unknown-operator", 0, 10]]],
    ["EXISTS(node_name)", [["unknown-operator", 0, 6]]],
    ["is_null(parent_node_id, 1)", [["type-mismatch", 24, 25]]],
    ["in(depth, 1)", [["type-mismatch", 10, 11]]],
    ["in(depth, [])", [["empty-list", 10, 12]]],
    ["eq(depth, [1])", [["type-mismatch", 10, 13]]],
    ["contains(node_name, 5)", [["type-mismatch", 20, 21]]],
    ["eq(depth)", [["type-mismatch", 0, 9]]],
    ["text(node_name)", [["type-mismatch", 0, 15]]],
    ["exists(colour)", [["unknown-field", 7, 13]]],
  ])("%s", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("EXISTS(node_name): unknown-operator with the real name as hint and fix", () => {
    const [diagnostic] = compile("EXISTS(node_name)").diagnostics;
    expect(diagnostic).toMatchObject({ code: "unknown-operator", start: 0, end: 6, fix: { start: 0, end: 6, replacement: "exists" } });
    expect(diagnostic?.hint).toBeDefined();
  });
});

describe("lists", () => {
  it.each<[string, Found[]]>([
    ["depth in []", [["empty-list", 9, 11]]],
    ["node_name not in [ ]", [["empty-list", 17, 20]]],
    ['depth in [] or node_name = "x"', [["empty-list", 9, 11]]],
    ['nin(node_name, [])', [["empty-list", 15, 17]]],
  ])("%s: empty-list at the brackets", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe("§7 regex: RE2 syntax, checked at compile time", () => {
  it.each<[string, Found[]]>([
    ['node_name =~ "(a)\\\\1"', [["invalid-regex", 13, 21]]],
    ['node_name =~ "(?=a)"', [["invalid-regex", 13, 20]]],
    ['node_name =~ "(?<=a)b"', [["invalid-regex", 13, 22]]],
    ['node_name =~ "("', [["invalid-regex", 13, 16]]],
    ['regex(node_name, "a{2,1}")', [["invalid-regex", 17, 25]]],
    ['node_name =~ "(a+)+$"', []],
    ['node_name =~ "\\\\D"', []],
    ['node_name =~ "\\\\p{Greek}"', []],
  ])("%s", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe("§4 fields", () => {
  it.each<[string, Found[]]>([
    ['score > 0.5 and colour = "red"', [["unknown-field", 16, 22]]],
    ["order = 1", [["unknown-field", 0, 5]]],
    ["index > 1", [["unknown-field", 0, 5]]],
    ["__proto__ = 1", [["unknown-field", 0, 9]]],
    ['constructor = "Object"', [["unknown-field", 0, 11]]],
    ["constructor.prototype.polluted = true", [["unknown-field", 0, 30]]],
    ["path_tokens.`0` = null", [["unknown-field", 0, 15]]],
    ["`sort` = 1", [["unknown-field", 0, 6]]],
    ["Depth = 1", [["unknown-field", 0, 5]]],
    ["`node name` exists", [["unknown-field", 0, 11]]],
    ["sort colour asc", [["unknown-field", 5, 11]]],
  ])("%s: unknown-field over the whole path", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, number, number, string]>([
    ["scor > 1", 0, 4, "score"],
    ["Score > 1", 0, 5, "score"],
    ["nod_name = x", 0, 8, "node_name"],
    ["depth = 1 and `crated_at` exists", 14, 25, "created_at"],
    ["sort scroe desc", 5, 10, "score"],
  ])("%s: unknown-field with a did-you-mean hint and fix", (text, start, end, replacement) => {
    const [diagnostic, ...rest] = compile(text).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ code: "unknown-field", severity: "error", start, end, fix: { start, end, replacement } });
    expect(diagnostic?.hint).toEqual(expect.any(String));
  });

  it.each(["`depth` = 1 and `node_name` ~ \"a\"", "`depth` = 1"])("%s: backticks name the same field", (text) => {
    expect(problems(text)).toEqual([]);
  });

  it("a field's path is where a record holds it; the emitted key is its name", () => {
    const catalogue: CatalogueJson = { fields: { node_name: { type: "string", sortable: true, path: "node.node_name" } }, freeText: { field: "node_name", operator: "contains" } };
    const { checked } = run('node_name ~ "sport"', catalogue);
    expect(checked.query.filter).toMatchObject({ kind: "condition", field: { name: "node_name", path: ["node", "node_name"] } });
    expect(compile('node_name ~ "sport"', { catalogue }).filters).toEqual({ AND: [{ key: "node_name", operator: "contains", value: "sport" }] });
  });
});

describe("§6 free text", () => {
  it.each<[string, Plan]>([
    ["sports", ["node_name", "contains", "sports"]],
    ['"usb cable" 42', { and: [["node_name", "contains", "usb cable"], ["node_name", "contains", "42"]] }],
    ['"depth"', ["node_name", "contains", "depth"]],
    ["-1e3 2024-01-01 NOW-7D 007", { and: [["node_name", "contains", "-1e3"], ["node_name", "contains", "2024-01-01"], ["node_name", "contains", "NOW-7D"], ["node_name", "contains", "007"]] }],
    ["order index nothing nowhere", { and: [["node_name", "contains", "order"], ["node_name", "contains", "index"], ["node_name", "contains", "nothing"], ["node_name", "contains", "nowhere"]] }],
  ])("%s: a term counts by its source text", (text, expected) => {
    expect(plan(text)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ["depth", [["missing-operator", 0, 5]]],
    ["depth and score > 1", [["missing-operator", 0, 5]]],
    ["sports depth", [["missing-operator", 7, 12]]],
    ["`depth`", [["missing-operator", 0, 7]]],
  ])("%s: a field name standing alone is missing-operator", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("depth: missing-operator offers quoting the word as its fix", () => {
    expect(compile("depth").diagnostics).toMatchObject([{ code: "missing-operator", start: 0, end: 5, fix: { start: 0, end: 5, replacement: '"depth"' } }]);
  });

  it("score betwen 0.1 and 0.5: a misspelt operator keyword is one missing-operator at the field", () => {
    expect(compile("score betwen 0.1 and 0.5").diagnostics).toMatchObject([{ code: "missing-operator", start: 0, end: 5, fix: { start: 6, end: 12, replacement: "between" } }]);
  });

  it.each<[string, Found[]]>([
    ["sunset kind = image", [["free-text-not-allowed", 0, 6]]],
    ['"usb cable"', [["free-text-not-allowed", 0, 11]]],
    ["42 2024-01-01 now", [["free-text-not-allowed", 0, 2], ["free-text-not-allowed", 3, 13], ["free-text-not-allowed", 14, 17]]],
    ["title", [["missing-operator", 0, 5]]],
  ])("%s: a catalogue without a free-text rule refuses terms", (text, expected) => {
    expect(problems(text, allTypes)).toEqual(expected);
  });

  it("login timeout: a catalogue without a freeText key refuses terms too, each one", () => {
    const catalogue: CatalogueJson = { fields: { status: { type: "enum", values: ["open"] } } };
    expect(problems("login timeout status = open", catalogue)).toEqual([
      ["free-text-not-allowed", 0, 5],
      ["free-text-not-allowed", 6, 13],
    ]);
  });

  it.each<[string, string, Plan]>([
    ["text", "usb cable", ["title", "text", "usb cable"]],
    ["eq", "x", ["title", "eq", "x"]],
    ["starts_with", "elec", ["title", "starts_with", "elec"]],
    ["ends_with", "kit", ["title", "ends_with", "kit"]],
  ])("freeText operator %s: a term becomes that condition", (operator, term, expected) => {
    const catalogue = { ...allTypes, freeText: { field: "title", operator } } as CatalogueJson;
    expect(plan(JSON.stringify(term), catalogue)).toEqual(expected);
  });
});

describe("sort keys", () => {
  it.each<[string, Found[]]>([
    ["sort node_description", [["not-sortable", 5, 21]]],
    ["sort depth, depth", [["duplicate-sort-key", 12, 17]]],
    ["sort depth asc, depth desc", [["duplicate-sort-key", 16, 21]]],
    ["sort by score, node_description, score", [["not-sortable", 15, 31], ["duplicate-sort-key", 33, 38]]],
  ])("%s", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("status = open sort assignee: sortable defaults to false", () => {
    const catalogue: CatalogueJson = { fields: { status: { type: "enum", values: ["open"] }, assignee: { type: "string" } } };
    expect(problems("status = open sort assignee", catalogue)).toEqual([["not-sortable", 19, 27]]);
  });

  it("sort by score desc, depth: the checked query keeps every key (the comparator uses them all)", () => {
    const { checked } = run("sort by score desc, depth");
    expect(checked.query.sort.map((key) => [key.field.name, key.direction, key.span.start, key.span.end])).toEqual([
      ["score", "desc", 8, 13],
      ["depth", "asc", 20, 25],
    ]);
  });
});

describe("several problems in one query: all are reported", () => {
  it.each<[string, Found[]]>([
    [
      'scor > 1 and depth ~ "a" or created_at > 5 and node_name = 7 sort node_description',
      [["unknown-field", 0, 4], ["operator-not-allowed", 19, 20], ["type-mismatch", 41, 42], ["type-mismatch", 59, 60], ["not-sortable", 66, 82]],
    ],
    ['depth in [] or created_at > now-1y or node_name =~ "(" or colour exists', [["empty-list", 9, 11], ["invalid-datetime", 28, 34], ["invalid-regex", 51, 54], ["unknown-field", 58, 64]]],
    ['x = "a\\q" and depth = 1.5 and kind = 1', [["unknown-field", 0, 1], ["invalid-escape", 6, 8], ["type-mismatch", 22, 25], ["unknown-field", 30, 34]]],
  ])("%s", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe("defineCatalogue", () => {
  it.each<[string, unknown]>([
    ["null", null],
    ["a number", 1],
    ["a JSON string (it is not parsed)", '{"fields": {}}'],
    ["an array", []],
    ["no fields", {}],
    ["an unknown top-level key", { fields: {}, extra: 1 }],
    ["an unknown field key", { fields: { a: { type: "string", foo: 1 } } }],
    ["an unknown type", { fields: { a: { type: "strin" } } }],
    ["a field that is no object", { fields: { a: "string" } }],
    ["an empty path", { fields: { a: { type: "string", path: "" } } }],
    ["sortable that is no boolean", { fields: { a: { type: "string", sortable: "yes" } } }],
    ["an enum without values", { fields: { a: { type: "enum" } } }],
    ["an enum with no values", { fields: { a: { type: "enum", values: [] } } }],
    ["min above max", { fields: { a: { type: "number", min: 2, max: 1 } } }],
    ["free text on an unknown field", { fields: { a: { type: "string" } }, freeText: { field: "b", operator: "contains" } }],
    ["free text on a number field", { fields: { a: { type: "number" } }, freeText: { field: "a", operator: "contains" } }],
    ["a free-text operator that is none", { fields: { a: { type: "string" } }, freeText: { field: "a", operator: "regex" } }],
    ["an unknown free-text key", { fields: { a: { type: "string" } }, freeText: { field: "a", operator: "contains", weight: 1 } }],
  ])("%s: CatalogueError (compile throws too: a catalogue is the programmer's, not the user's)", (_title, json) => {
    expect(() => defineCatalogue(json)).toThrow(CatalogueError);
    expect(() => compile("a = 1", { catalogue: json as CatalogueJson })).toThrow();
  });

  it("a valid catalogue: frozen, defaults filled in, defined once", () => {
    const catalogue = defineCatalogue({ fields: { a: { type: "string" }, "b.c": { type: "integer", min: 0, path: "x.y" } }, freeText: null });
    expect(Object.isFrozen(catalogue)).toBe(true);
    expect(catalogue.fields.get("a")).toEqual({ name: "a", type: "string", path: ["a"], sortable: false });
    expect(catalogue.fields.get("b.c")).toEqual({ name: "b.c", type: "integer", path: ["x", "y"], sortable: false, min: 0 });
    expect(catalogue.freeText).toBeNull();
    expect(defineCatalogue(catalogue)).toBe(catalogue);
  });

  it("__proto__ is an ordinary field name", () => {
    const json = JSON.parse('{"fields": {"__proto__": {"type": "integer"}}}') as CatalogueJson;
    expect(compile("__proto__ = 1", { catalogue: json }).filters).toEqual({ AND: [{ key: "__proto__", operator: "eq", value: 1 }] });
  });
});
