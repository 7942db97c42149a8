import { describe, expect, it } from "vitest";
import type { CatalogueJson } from "../../src/catalogue/catalogue.js";
import { compile, type CompileOptions } from "../../src/compile.js";

type Target = NonNullable<CompileOptions["target"]>;
type Found = [code: string, start: number, end: number];

const now = "2026-01-15T12:00:00.000Z";

/** The filters and the sort exactly as sent: JSON.stringify, so key order counts. */
function emitted(text: string, options: CompileOptions = {}): { readonly filters: string; readonly sort: string } {
  const r = compile(text, { now, ...options });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(r.ok).toBe(true);
  return { filters: JSON.stringify(r.filters), sort: JSON.stringify(r.sort) };
}

function errors(text: string, options: CompileOptions = {}): Found[] {
  const r = compile(text, { now, ...options });
  expect(r.ok).toBe(false);
  expect(r.filters).toBeNull();
  expect(r.sort).toBeNull();
  return r.diagnostics.filter((d) => d.severity === "error").map((d): Found => [d.code, d.start, d.end]);
}

/** LANGUAGE.md §5: mixpeek-v1 names the field "field" and the negation group NOT; nothing else differs. */
function asMixpeek(classifications: string): string {
  return classifications.replaceAll('{"key":', '{"field":').replaceAll('{"NOR":', '{"NOT":');
}

const targets: Target[] = ["classifications", "mixpeek-v1"];

function c(key: string, operator: string, value: unknown): string {
  return `{"key":${JSON.stringify(key)},"operator":"${operator}","value":${JSON.stringify(value)}}`;
}

const x = c("node_name", "contains", "x");
const y = c("node_name", "contains", "y");
const z = c("node_name", "contains", "z");
const w = c("node_name", "contains", "w");

describe("§5 rules 1–4, both targets byte for byte", () => {
  it.each<[string, string]>([
    // rule 1: the filter is always a group; one condition is {"AND":[cond]}
    ["depth = 1", `{"AND":[${c("depth", "eq", 1)}]}`],
    ["((depth = 1))", `{"AND":[${c("depth", "eq", 1)}]}`],
    ["x", `{"AND":[${x}]}`],
    // rule 2: and/or, flattening, parentheses add nothing
    ["x and y", `{"AND":[${x},${y}]}`],
    ["x y", `{"AND":[${x},${y}]}`],
    ["x && y", `{"AND":[${x},${y}]}`],
    ["x or y", `{"OR":[${x},${y}]}`],
    ["x || y", `{"OR":[${x},${y}]}`],
    ["x and (y and z)", `{"AND":[${x},${y},${z}]}`],
    ["(x and y) and (z and w)", `{"AND":[${x},${y},${z},${w}]}`],
    ["(x or y) or z", `{"OR":[${x},${y},${z}]}`],
    ["x or (y or (z or w))", `{"OR":[${x},${y},${z},${w}]}`],
    ["x and (y or z)", `{"AND":[${x},{"OR":[${y},${z}]}]}`],
    ["x or y and z", `{"OR":[${x},{"AND":[${y},${z}]}]}`],
    ["(x or y) and z", `{"AND":[{"OR":[${x},${y}]},${z}]}`],
    ["x and (y or (z and w))", `{"AND":[${x},{"OR":[${y},{"AND":[${z},${w}]}]}]}`],
    [
      'depth = 1 score > 0.5 and (node_name ~ "a" and (node_id = "n" and taxonomy_id = "t"))',
      `{"AND":[${c("depth", "eq", 1)},${c("score", "gt", 0.5)},${c("node_name", "contains", "a")},${c("node_id", "eq", "n")},${c("taxonomy_id", "eq", "t")}]}`,
    ],
    // rule 3: not is a NOR; an OR under it spreads into it; nothing else is rewritten
    ["not x", `{"NOR":[${x}]}`],
    ["!x", `{"NOR":[${x}]}`],
    ["not not x", `{"NOR":[{"NOR":[${x}]}]}`],
    ["not (not x)", `{"NOR":[{"NOR":[${x}]}]}`],
    ["not x and not y", `{"AND":[{"NOR":[${x}]},{"NOR":[${y}]}]}`],
    ["not (x or y)", `{"NOR":[${x},${y}]}`],
    ["!(x || y)", `{"NOR":[${x},${y}]}`],
    ["not ((x or y))", `{"NOR":[${x},${y}]}`],
    ["not (x or (y or z))", `{"NOR":[${x},${y},${z}]}`],
    ["not (x or y and z)", `{"NOR":[${x},{"AND":[${y},${z}]}]}`],
    ["not (x and y)", `{"NOR":[{"AND":[${x},${y}]}]}`],
    ["not (x or y) or z", `{"OR":[{"NOR":[${x},${y}]},${z}]}`],
    ["not depth = 1", `{"NOR":[${c("depth", "eq", 1)}]}`],
    ["not depth != 1", `{"NOR":[${c("depth", "ne", 1)}]}`],
    ["not depth in [1, 2]", `{"NOR":[${c("depth", "in", [1, 2])}]}`],
    ['node_name !~ "test"', `{"NOR":[${c("node_name", "contains", "test")}]}`],
    ['not node_name !~ "draft"', `{"NOR":[{"NOR":[${c("node_name", "contains", "draft")}]}]}`],
    ["depth not in [1, 2]", `{"AND":[${c("depth", "nin", [1, 2])}]}`],
    // rule 4: written order; between and whole days put gte first
    ["z or x or y", `{"OR":[${z},${x},${y}]}`],
    ["score between 0.2 and 0.8", `{"AND":[${c("score", "gte", 0.2)},${c("score", "lte", 0.8)}]}`],
    ["score between 0.2 and 0.8 and depth <= 3", `{"AND":[${c("score", "gte", 0.2)},${c("score", "lte", 0.8)},${c("depth", "lte", 3)}]}`],
    ["depth <= 3 and score between 0.2 and 0.8", `{"AND":[${c("depth", "lte", 3)},${c("score", "gte", 0.2)},${c("score", "lte", 0.8)}]}`],
    ["score between 0.2 and 0.8 or depth = 0", `{"OR":[{"AND":[${c("score", "gte", 0.2)},${c("score", "lte", 0.8)}]},${c("depth", "eq", 0)}]}`],
    ["not score between 0.2 and 0.8", `{"NOR":[{"AND":[${c("score", "gte", 0.2)},${c("score", "lte", 0.8)}]}]}`],
    ["created_at = 2024-01-01", `{"AND":[${c("created_at", "gte", "2024-01-01T00:00:00.000Z")},${c("created_at", "lt", "2024-01-02T00:00:00.000Z")}]}`],
    ["created_at != 2024-01-01", `{"NOR":[{"AND":[${c("created_at", "gte", "2024-01-01T00:00:00.000Z")},${c("created_at", "lt", "2024-01-02T00:00:00.000Z")}]}]}`],
    [
      "created_at between 2024-01-01 and 2024-01-31 and depth = 1",
      `{"AND":[${c("created_at", "gte", "2024-01-01T00:00:00.000Z")},${c("created_at", "lt", "2024-02-01T00:00:00.000Z")},${c("depth", "eq", 1)}]}`,
    ],
    [
      "created_at = 2024-01-01 or created_at > now-7d",
      `{"OR":[{"AND":[${c("created_at", "gte", "2024-01-01T00:00:00.000Z")},${c("created_at", "lt", "2024-01-02T00:00:00.000Z")}]},${c("created_at", "gt", "2026-01-08T12:00:00.000Z")}]}`,
    ],
    ["created_at between now-1w-2d and now+1h", `{"AND":[${c("created_at", "gte", "2026-01-06T12:00:00.000Z")},${c("created_at", "lte", "2026-01-15T13:00:00.000Z")}]}`],
    ["created_at > 2024-01-01 and created_at <= 2024-01-31", `{"AND":[${c("created_at", "gte", "2024-01-02T00:00:00.000Z")},${c("created_at", "lt", "2024-02-01T00:00:00.000Z")}]}`],
    // every operator of the shared set, and each value kind
    [
      'node_name = "toys" or depth == 2 or taxonomy_id:tx1',
      `{"OR":[${c("node_name", "eq", "toys")},${c("depth", "eq", 2)},${c("taxonomy_id", "eq", "tx1")}]}`,
    ],
    ["depth != 1 and depth > 1 and depth >= 1 and depth < 9 and depth <= 9", `{"AND":[${c("depth", "ne", 1)},${c("depth", "gt", 1)},${c("depth", "gte", 1)},${c("depth", "lt", 9)},${c("depth", "lte", 9)}]}`],
    ['depth in [1, 2, 3] and node_name not in ["misc", null]', `{"AND":[${c("depth", "in", [1, 2, 3])},${c("node_name", "nin", ["misc", null])}]}`],
    ["parent_node_id exists", `{"AND":[${c("parent_node_id", "exists", true)}]}`],
    ["parent_node_id is null and node_description IS NOT NULL", `{"AND":[${c("parent_node_id", "is_null", true)},${c("node_description", "is_null", false)}]}`],
    ['text(node_description, "usb cable")', `{"AND":[${c("node_description", "text", "usb cable")}]}`],
    ["exists(parent_node_id) and is_null(node_description, false)", `{"AND":[${c("parent_node_id", "exists", true)},${c("node_description", "is_null", false)}]}`],
    ['in(depth, [1, 2]) and nin(node_name, ["misc", "other"])', `{"AND":[${c("depth", "in", [1, 2])},${c("node_name", "nin", ["misc", "other"])}]}`],
    ["gte(created_at, 2024-03-01)", `{"AND":[${c("created_at", "gte", "2024-03-01T00:00:00.000Z")}]}`],
    ['node_name = "say \\"hi\\" \\u00e9 \\ud83d"', `{"AND":[${c("node_name", "eq", 'say "hi" é \ud83d')}]}`],
    ["score = -0", `{"AND":[${c("score", "eq", 0)}]}`],
    ["score > 1e-7", `{"AND":[${c("score", "gt", 1e-7)}]}`],
    ['"usb cable" 42', `{"AND":[${c("node_name", "contains", "usb cable")},${c("node_name", "contains", "42")}]}`],
  ])("%s", (text, expected) => {
    expect(emitted(text).filters).toBe(expected);
    expect(emitted(text, { target: "mixpeek-v1" }).filters).toBe(asMixpeek(expected));
  });

  it("depth = 1 and node_name ~ \"x\" and not (depth = 2 or score < 0.1): mixpeek-v1 written out", () => {
    expect(emitted('depth = 1 and node_name ~ "x" and not (depth = 2 or score < 0.1)', { target: "mixpeek-v1" }).filters).toBe(
      '{"AND":[{"field":"depth","operator":"eq","value":1},{"field":"node_name","operator":"contains","value":"x"},{"NOT":[{"field":"depth","operator":"eq","value":2},{"field":"score","operator":"lt","value":0.1}]}]}',
    );
  });

  it.each(targets)("no filter: null (%s)", (target) => {
    expect(emitted("", { target })).toEqual({ filters: "null", sort: "null" });
    expect(emitted(" \n\t", { target })).toEqual({ filters: "null", sort: "null" });
    expect(emitted("sort score", { target }).filters).toBe("null");
  });

  it.each(targets)("the seed query, byte for byte (%s)", (target) => {
    const key = target === "classifications" ? "key" : "field";
    expect(emitted('score >= 0.8 and node_name ~ "electronics" sort created_at desc', { target })).toEqual({
      filters: `{"AND":[{"${key}":"score","operator":"gte","value":0.8},{"${key}":"node_name","operator":"contains","value":"electronics"}]}`,
      sort: '{"field":"created_at","direction":"desc"}',
    });
  });
});

describe("§5 rule 5: an operator the target lacks is unsupported-operator", () => {
  it.each<[string, Found[], string]>([
    ['node_name ^= "elec"', [["unsupported-operator", 10, 12]], `{"AND":[{"field":"node_name","operator":"starts_with","value":"elec"}]}`],
    ['node_name $= "_kit" or node_name =~ "^a"', [["unsupported-operator", 10, 12], ["unsupported-operator", 33, 35]], `{"OR":[{"field":"node_name","operator":"ends_with","value":"_kit"},{"field":"node_name","operator":"regex","value":"^a"}]}`],
    ['starts_with(node_name, "elec")', [["unsupported-operator", 0, 11]], `{"AND":[{"field":"node_name","operator":"starts_with","value":"elec"}]}`],
    ['ends_with(node_name, "s") and regex(path_tokens, "x")', [["unsupported-operator", 0, 9], ["unsupported-operator", 30, 35]], `{"AND":[{"field":"node_name","operator":"ends_with","value":"s"},{"field":"path_tokens","operator":"regex","value":"x"}]}`],
    ['not path_tokens ^= "a"', [["unsupported-operator", 16, 18]], `{"NOT":[{"field":"path_tokens","operator":"starts_with","value":"a"}]}`],
  ])("%s: refused by classifications, emitted for mixpeek-v1", (text, expected, mixpeek) => {
    expect(errors(text)).toEqual(expected);
    expect(compile(text).query).toBeDefined();
    expect(emitted(text, { target: "mixpeek-v1" }).filters).toBe(mixpeek);
  });

  it('starts_with(node_name, "elec") or frobnicate(node_name, "x"): both kinds of refusal', () => {
    expect(errors('starts_with(node_name, "elec") or frobnicate(node_name, "x")')).toEqual([
      ["unsupported-operator", 0, 11],
      ["unknown-operator", 34, 44],
    ]);
  });

  it("a free-text rule the target lacks: unsupported-operator at the term", () => {
    const catalogue: CatalogueJson = { fields: { title: { type: "string" } }, freeText: { field: "title", operator: "starts_with" } };
    expect(errors('sunset "usb"', { catalogue })).toEqual([
      ["unsupported-operator", 0, 6],
      ["unsupported-operator", 7, 12],
    ]);
    expect(emitted("sunset", { catalogue, target: "mixpeek-v1" }).filters).toBe('{"AND":[{"field":"title","operator":"starts_with","value":"sunset"}]}');
  });
});

describe("§5 rule 6: sort", () => {
  it.each<[string, string]>([
    ["sort score", '{"field":"score","direction":"asc"}'],
    ["sort score asc", '{"field":"score","direction":"asc"}'],
    ["SORT BY score DESC", '{"field":"score","direction":"desc"}'],
    ["depth >= 0 sort created_at desc", '{"field":"created_at","direction":"desc"}'],
    ["sort by node_name asc", '{"field":"node_name","direction":"asc"}'],
    ["sort `depth`", '{"field":"depth","direction":"asc"}'],
  ])("%s", (text, expected) => {
    for (const target of targets) expect(emitted(text, { target }).sort).toBe(expected);
  });

  it.each<[string, Found[]]>([
    ["sort depth, score desc", [["too-many-sort-keys", 12, 17]]],
    ["score >= 0.7 sort score desc, created_at desc", [["too-many-sort-keys", 30, 40]]],
    ["sort score, depth, node_name", [["too-many-sort-keys", 12, 17]]],
    ["sort score desc,\n  `depth` asc", [["too-many-sort-keys", 19, 26]]],
  ])("%s: too-many-sort-keys at the field path of the first extra key (both targets)", (text, expected) => {
    for (const target of targets) {
      expect(errors(text, { target })).toEqual(expected);
      expect(compile(text, { target }).query?.sort).toHaveLength(text.split(",").length);
    }
  });
});

describe("§5 rule 7: case_sensitive on the top group only", () => {
  it.each<[string, string]>([
    ['node_name = "Sports"', `{"AND":[${c("node_name", "eq", "Sports")}],"case_sensitive":true}`],
    ['depth = 1 or node_name ~ "Kit"', `{"OR":[${c("depth", "eq", 1)},${c("node_name", "contains", "Kit")}],"case_sensitive":true}`],
    ["x or (y and not z)", `{"OR":[${x},{"AND":[${y},{"NOR":[${z}]}]}],"case_sensitive":true}`],
    ["not (x or y)", `{"NOR":[${x},${y}],"case_sensitive":true}`],
  ])("%s", (text, expected) => {
    expect(emitted(text, { caseSensitive: true }).filters).toBe(expected);
    expect(emitted(text, { caseSensitive: true, target: "mixpeek-v1" }).filters).toBe(asMixpeek(expected));
    expect(emitted(text, { caseSensitive: false }).filters).not.toContain("case_sensitive");
    expect(emitted(text).filters).not.toContain("case_sensitive");
  });

  it("sort score desc with caseSensitive: no filter, so nothing to mark", () => {
    expect(emitted("sort score desc", { caseSensitive: true })).toEqual({ filters: "null", sort: '{"field":"score","direction":"desc"}' });
  });
});

function chain(count: number, join: string, item: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => item(i)).join(join);
}

describe("too-many-items", () => {
  const ors = (n: number): string => chain(n, " or ", (i) => `depth = ${i}`);

  it("20 items in a group: within the classifications limit", () => {
    expect(compile(ors(20)).ok).toBe(true);
  });

  it.each(["not (", "("])("21 ors after %j: too-many-items over the chain, parentheses excluded; mixpeek-v1 has no limit", (prefix) => {
    const inner = ors(21);
    const text = `${prefix}${inner})`;
    expect(errors(text)).toEqual([["too-many-items", prefix.length, prefix.length + inner.length]]);
    expect(compile(text).query).toBeDefined();
    expect(compile(text, { target: "mixpeek-v1" }).ok).toBe(true);
  });

  it("x and depth = 0 or … depth = 20: the or holds the and and 20 more, from its first token", () => {
    const text = `x and ${ors(21)}`;
    expect(errors(text)).toEqual([["too-many-items", 0, text.length]]);
  });

  it("21 ors alone: the chain from first token to last", () => {
    const text = ors(21);
    expect(errors(text)).toEqual([["too-many-items", 0, text.length]]);
  });

  it("score > 0.5 and (21 ors): the span runs inside the parentheses", () => {
    const inner = chain(21, " or ", (i) => `node_id = "n${i}"`);
    const text = `score > 0.5 and (${inner})`;
    expect(errors(text)).toEqual([["too-many-items", 17, 17 + inner.length]]);
  });

  it("20 operands written, 21 items after flattening: the outer chain", () => {
    const text = `score >= 0.5 and (depth > 0 and depth < 6) and ${chain(18, " and ", (i) => `node_id != "nd${i}"`)}`;
    expect(errors(text)).toEqual([["too-many-items", 0, text.length]]);
  });

  it("a between counts as its two conditions", () => {
    const text = `depth between 1 and 2 and ${chain(19, " and ", (i) => `node_id != "n${i}"`)}`;
    expect(errors(text)).toEqual([["too-many-items", 0, text.length]]);
    expect(compile(`depth between 1 and 2 and ${chain(18, " and ", (i) => `node_id != "n${i}"`)}`).ok).toBe(true);
  });

  it("!(21 ors): the NOR they spread into is refused, at the or chain", () => {
    const inner = chain(21, " or ", (i) => `x${i}`);
    expect(errors(`!(${inner})`)).toEqual([["too-many-items", 2, 2 + inner.length]]);
  });

  it.each(targets)("1,001 list values: too-many-items at the brackets (%s); 1,000 pass", (target) => {
    const list = `[${chain(1001, ", ", (i) => String(i))}]`;
    expect(errors(`depth in ${list}`, { target })).toEqual([["too-many-items", 9, 9 + list.length]]);
    expect(compile(`depth in [${chain(1000, ", ", (i) => String(i))}]`, { target }).ok).toBe(true);
  });

  it.each(targets)("1,001 values in not in and nin(...) too (%s)", (target) => {
    const list = `[${chain(1001, ",", () => '"a"')}]`;
    expect(errors(`node_name not in ${list}`, { target })).toEqual([["too-many-items", 17, 17 + list.length]]);
    expect(errors(`nin(node_name, ${list})`, { target })).toEqual([["too-many-items", 15, 15 + list.length]]);
  });
});

describe("limits options override the defaults", () => {
  it.each(targets)("maxGroupItems 3 applies to every target (%s)", (target) => {
    expect(errors("x or y or z or w", { target, limits: { maxGroupItems: 3 } })).toEqual([["too-many-items", 0, 16]]);
    expect(compile("x or y or z", { target, limits: { maxGroupItems: 3 } }).ok).toBe(true);
  });

  it("maxGroupItems 30 cannot raise the classifications target's own 20", () => {
    const text = chain(21, " or ", (i) => `depth = ${i}`);
    expect(errors(text, { limits: { maxGroupItems: 30 } })).toEqual([["too-many-items", 0, text.length]]);
    expect(compile(text, { target: "mixpeek-v1", limits: { maxGroupItems: 30 } }).ok).toBe(true);
  });

  it.each(targets)("maxListValues 2 (%s)", (target) => {
    expect(errors("depth in [1, 2, 3]", { target, limits: { maxListValues: 2 } })).toEqual([["too-many-items", 9, 18]]);
    expect(compile("depth in [1, 2]", { target, limits: { maxListValues: 2 } }).ok).toBe(true);
  });

  it.each(targets)("maxLength 8 and maxDepth 1 (%s)", (target) => {
    expect(errors("depth = 1", { target, limits: { maxLength: 8 } })).toEqual([["too-long", 0, 9]]);
    expect(errors("((x))", { target, limits: { maxDepth: 1 } })).toEqual([["too-deep", 1, 2]]);
    expect(compile("(x)", { target, limits: { maxDepth: 1 } }).ok).toBe(true);
  });

  it("maxListValues 1,500 raises the default list limit", () => {
    expect(compile(`depth in [${chain(1001, ",", (i) => String(i))}]`, { limits: { maxListValues: 1500 } }).ok).toBe(true);
  });
});
