import { describe, expect, it } from "vitest";
import type { PlanNode } from "../../src/check/checked-query.js";
import { toPredicate } from "../../src/evaluate/to-predicate.js";
import { and, describeNode, field, matches, not, or, query, where } from "./build-query.js";

const score = field("score", "number");
const depth = field("depth", "integer");
const name = field("node_name", "string");
const title = field("title", "string", "meta.title");
const kind = field("kind", "enum");
const tokens = field("path_tokens", "string[]");
const active = field("active", "boolean");
const created = field("created_at", "datetime");

type Row = readonly [label: string, filter: PlanNode, record: unknown, expected: boolean];

function table(rows: readonly Row[], caseSensitive = false): void {
  it.each(rows)("%s", (_, filter, record, expected) => {
    expect(matches(filter, record, { caseSensitive })).toBe(expected);
  });
}

describe("a null filter", () => {
  it("accepts every record", () => {
    const accept = toPredicate(query(null));
    for (const record of [{}, null, undefined, 5, "x", [], { score: 1 }]) expect(accept(record)).toBe(true);
  });
});

describe("missing and null are the same", () => {
  table([
    ["score = null matches a missing score", where(score, "eq", null), {}, true],
    ["score = null matches a null score", where(score, "eq", null), { score: null }, true],
    ["score = null does not match a present score", where(score, "eq", null), { score: 0 }, false],
    ["is_null true matches a missing field", where(name, "is_null", true), {}, true],
    ["is_null true matches a null field", where(name, "is_null", true), { node_name: null }, true],
    ["is_null true does not match an empty string", where(name, "is_null", true), { node_name: "" }, false],
    ["score != null does not match a missing score", where(score, "ne", null), {}, false],
    ["score != null does not match a null score", where(score, "ne", null), { score: null }, false],
    ["score != null matches a present score", where(score, "ne", null), { score: 0 }, true],
    ["exists is false on a missing field", where(score, "exists", true), {}, false],
    ["exists is false on a null field", where(score, "exists", true), { score: null }, false],
    ["exists is true on a present falsy value", where(active, "exists", true), { active: false }, true],
    ["a nested path missing half way is missing", where(title, "eq", null), { meta: null }, true],
    ["a nested path through a scalar is missing", where(title, "is_null", true), { meta: "x" }, true],
    ["a nested path that is present is not null", where(title, "eq", null), { meta: { title: "t" } }, false],
  ]);
});

describe("positive operators are false on missing and null", () => {
  const positives: readonly PlanNode[] = [
    where(score, "eq", 0),
    where(score, "gt", -1),
    where(score, "gte", 0),
    where(score, "lt", 1),
    where(score, "lte", 1),
    where(score, "in", [0, 1]),
    where(name, "eq", ""),
    where(name, "contains", ""),
    where(name, "starts_with", ""),
    where(name, "ends_with", ""),
    where(name, "regex", ""),
    where(name, "text", ""),
    where(name, "in", ["", "x"]),
    where(created, "lte", "9999-12-31T23:59:59.999Z"),
    where(active, "eq", false),
  ];
  const empties: readonly unknown[] = [{}, { score: null, node_name: null, created_at: null, active: null }];
  it.each(positives.flatMap((filter) => empties.map((record) => [describeNode(filter), filter, record] as const)))(
    "%s is false on %j",
    (_, filter, record) => {
      expect(matches(filter, record)).toBe(false);
    },
  );
});

describe("in and nin", () => {
  table([
    ["in with null matches a missing field", where(score, "in", [null, 1]), {}, true],
    ["in with null matches a listed value", where(score, "in", [null, 1]), { score: 1 }, true],
    ["in with null does not match an unlisted value", where(score, "in", [null, 1]), { score: 2 }, false],
    ["in without null does not match a missing field", where(score, "in", [1]), {}, false],
    ["nin without null matches a missing field", where(score, "nin", [1]), {}, true],
    ["nin with null does not match a missing field", where(score, "nin", [null, 1]), { score: null }, false],
    ["nin with null matches an unlisted value", where(score, "nin", [null, 1]), { score: 2 }, true],
    ["nin does not match a listed value", where(score, "nin", [1, 2]), { score: 2 }, false],
    ["in on booleans", where(active, "in", [true]), { active: true }, true],
    ["in on booleans does not match the other", where(active, "in", [true]), { active: false }, false],
    ["in on an enum compares the value", where(kind, "in", ["image", "video"]), { kind: "video" }, true],
    ["in on an enum does not match another value", where(kind, "in", ["image"]), { kind: "audio" }, false],
    ["in on datetimes compares instants", where(created, "in", ["2024-01-01T00:00:00.000Z"]), { created_at: "2024-01-01T02:00:00+02:00" }, true],
    ["in on datetimes does not match another instant", where(created, "in", ["2024-01-01T00:00:00.000Z"]), { created_at: "2024-01-01T00:00:00.001Z" }, false],
    ["a one-value in is eq", where(depth, "in", [3]), { depth: 3 }, true],
    ["ne 0 does not match -0, which equals 0", where(score, "ne", 0), { score: -0 }, false],
    ["in [0] matches -0 as eq 0 does", where(score, "in", [0]), { score: -0 }, true],
  ]);
});

describe("the negative operators are the exact negation of the positive", () => {
  table([
    ["ne v matches a missing field", where(name, "ne", "x"), {}, true],
    ["ne v matches a null field", where(name, "ne", "x"), { node_name: null }, true],
    ["ne v does not match v", where(name, "ne", "x"), { node_name: "x" }, false],
    ["ne v matches another value", where(name, "ne", "x"), { node_name: "y" }, true],
    ["ne v matches a value of the wrong type", where(score, "ne", 5), { score: "5" }, true],
    ["not eq v is ne v on a missing field", not(where(name, "eq", "x")), {}, true],
    ["not gt matches a missing field", not(where(score, "gt", 0.5)), {}, true],
    ["not gt matches a wrong-typed value", not(where(score, "gt", 0.5)), { score: "0.9" }, true],
    ["not contains matches a missing field", not(where(name, "contains", "x")), {}, true],
  ]);
});

describe("strings compare case-insensitively by default", () => {
  table([
    ["eq ignores case", where(name, "eq", "Sports"), { node_name: "SPORTS" }, true],
    ["ne ignores case", where(name, "ne", "Sports"), { node_name: "sports" }, false],
    ["in ignores case", where(name, "in", ["A", "Sports"]), { node_name: "sPoRtS" }, true],
    ["nin ignores case", where(name, "nin", ["A", "Sports"]), { node_name: "sPoRtS" }, false],
    ["contains ignores case", where(name, "contains", "ELEC"), { node_name: "consumer_electronics" }, true],
    ["starts_with ignores case", where(name, "starts_with", "CONS"), { node_name: "consumer_electronics" }, true],
    ["ends_with ignores case", where(name, "ends_with", "NICS"), { node_name: "consumer_electronics" }, true],
    ["regex runs with the case-insensitive flag", where(name, "regex", "^ELEC"), { node_name: "electronics" }, true],
    ["regex is never lower-cased: \\D still means a non-digit", where(name, "regex", "^\\D+$"), { node_name: "ABC" }, true],
    ["regex is never lower-cased: \\D refuses digits", where(name, "regex", "^\\D+$"), { node_name: "123" }, false],
    ["text ignores case", where(name, "text", "USB Cable"), { node_name: "usb-cable" }, true],
    ["eq on an enum ignores case", where(kind, "eq", "IMAGE"), { kind: "image" }, true],
    ["eq on a string[] element ignores case", where(tokens, "eq", "Sports"), { path_tokens: ["root", "SPORTS"] }, true],
    ["eq still needs the whole string", where(name, "eq", "sport"), { node_name: "sports" }, false],
    ["contains needs the substring", where(name, "contains", "xyz"), { node_name: "sports" }, false],
    ["starts_with needs the prefix", where(name, "starts_with", "ports"), { node_name: "sports" }, false],
    ["ends_with needs the suffix", where(name, "ends_with", "sport"), { node_name: "sports" }, false],
    ["contains an empty string holds on any string", where(name, "contains", ""), { node_name: "" }, true],
  ]);
});

describe("with caseSensitive strings compare exactly, except text", () => {
  table(
    [
      ["eq minds case", where(name, "eq", "Sports"), { node_name: "sports" }, false],
      ["eq matches the exact string", where(name, "eq", "Sports"), { node_name: "Sports" }, true],
      ["ne minds case", where(name, "ne", "Sports"), { node_name: "sports" }, true],
      ["in minds case", where(name, "in", ["Sports"]), { node_name: "sports" }, false],
      ["nin minds case", where(name, "nin", ["Sports"]), { node_name: "sports" }, true],
      ["contains minds case", where(name, "contains", "ELEC"), { node_name: "electronics" }, false],
      ["starts_with minds case", where(name, "starts_with", "E"), { node_name: "electronics" }, false],
      ["ends_with minds case", where(name, "ends_with", "S"), { node_name: "electronics" }, false],
      ["contains matches the exact substring", where(name, "contains", "lec"), { node_name: "electronics" }, true],
      ["regex runs without the case-insensitive flag", where(name, "regex", "ELEC"), { node_name: "electronics" }, false],
      ["regex may still ask for (?i) itself", where(name, "regex", "(?i)ELEC"), { node_name: "electronics" }, true],
      ["text is always case-insensitive", where(name, "text", "USB"), { node_name: "usb cable" }, true],
    ],
    true,
  );
});

describe("ordered comparisons apply to numbers and datetimes only", () => {
  table([
    ["gt holds above the bound", where(score, "gt", 0.5), { score: 0.6 }, true],
    ["gt does not hold at the bound", where(score, "gt", 0.5), { score: 0.5 }, false],
    ["gte holds at the bound", where(score, "gte", 0.5), { score: 0.5 }, true],
    ["gte does not hold below", where(score, "gte", 0.5), { score: 0.4 }, false],
    ["lt holds below the bound", where(score, "lt", 0.5), { score: 0.4 }, true],
    ["lt does not hold at the bound", where(score, "lt", 0.5), { score: 0.5 }, false],
    ["lte holds at the bound", where(score, "lte", 0.5), { score: 0.5 }, true],
    ["lte does not hold above", where(score, "lte", 0.5), { score: 0.6 }, false],
    ["an integer field compares any number", where(depth, "gte", 2), { depth: 2.5 }, true],
    ["NaN is no number to order", where(score, "lte", 1), { score: NaN }, false],
    ["gt on a string field never holds", where(name, "gt", "a"), { node_name: "b" }, false],
    ["gt on a boolean field never holds", where(active, "gt", false), { active: true }, false],
    ["gt holds on datetimes after the bound", where(created, "gt", "2024-01-01T00:00:00.000Z"), { created_at: "2024-01-01T00:00:00.001Z" }, true],
    ["lt holds on datetimes before the bound", where(created, "lt", "2024-01-01T00:00:00.000Z"), { created_at: "2023-12-31T23:59:59.999Z" }, true],
    ["gte holds on the same instant written with an offset", where(created, "gte", "2024-01-01T00:00:00.000Z"), { created_at: "2024-01-01T01:00:00+01:00" }, true],
  ]);
});

describe("a record value of the wrong type never matches a positive operator", () => {
  table([
    ['the string "0.9" is not >= 0.5', where(score, "gte", 0.5), { score: "0.9" }, false],
    ['the number 5 is not eq "5"', where(name, "eq", "5"), { node_name: 5 }, false],
    ['the string "5" is not eq 5', where(depth, "eq", 5), { depth: "5" }, false],
    ['the string "true" is not eq true', where(active, "eq", true), { active: "true" }, false],
    ["the number 1 is not eq true", where(active, "eq", true), { active: 1 }, false],
    ["an object is not eq a string", where(name, "eq", "[object Object]"), { node_name: {} }, false],
    ["a number does not contain its digits", where(name, "contains", "12"), { node_name: 123 }, false],
    ["a number does not start with its digits", where(name, "starts_with", "1"), { node_name: 123 }, false],
    ["a number does not end with its digits", where(name, "ends_with", "3"), { node_name: 123 }, false],
    ["a number does not match a regex on its digits", where(name, "regex", "\\d"), { node_name: 123 }, false],
    ["a number does not hold the words of text", where(name, "text", "123"), { node_name: 123 }, false],
    ["a number is not in a list of strings", where(name, "in", ["1"]), { node_name: 1 }, false],
    ["a string is not in a list of numbers", where(score, "in", [1]), { score: "1" }, false],
    ["a bigint is not a number", where(depth, "eq", 1), { depth: 1n }, false],
    ["a number is not an instant", where(created, "gte", "1970-01-01T00:00:00.000Z"), { created_at: 1704067200000 }, false],
    ["a wrong-typed value does match ne", where(name, "ne", "5"), { node_name: 5 }, true],
    ["a wrong-typed value does match nin", where(score, "nin", [1]), { score: "1" }, true],
  ]);
});

describe("datetimes compare as instants, from ISO strings or Date objects", () => {
  const at = "2024-01-01T10:00:00.000Z";
  table([
    ["eq holds on the same instant as a Date", where(created, "eq", at), { created_at: new Date(at) }, true],
    ["eq holds on the same instant with an offset", where(created, "eq", at), { created_at: "2024-01-01T12:00:00+02:00" }, true],
    ["eq holds on the same instant without milliseconds", where(created, "eq", at), { created_at: "2024-01-01T10:00Z" }, true],
    ["eq does not hold a millisecond later", where(created, "eq", at), { created_at: "2024-01-01T10:00:00.001Z" }, false],
    ["ne holds a millisecond later", where(created, "ne", at), { created_at: "2024-01-01T10:00:00.001Z" }, true],
    ["a date-only record string is the start of its UTC day", where(created, "eq", "2024-01-01T00:00:00.000Z"), { created_at: "2024-01-01" }, true],
    ["a record time without a zone is read as UTC", where(created, "eq", at), { created_at: "2024-01-01T10:00:00" }, true],
    ["gte compares Date objects", where(created, "gte", at), { created_at: new Date("2024-06-01T00:00:00Z") }, true],
    ["lt compares Date objects", where(created, "lt", at), { created_at: new Date("2024-06-01T00:00:00Z") }, false],
    ["an unparsable record string is wrong-typed for gte", where(created, "gte", "1970-01-01T00:00:00.000Z"), { created_at: "yesterday" }, false],
    ["an unparsable record string is wrong-typed for lt", where(created, "lt", "2999-01-01T00:00:00.000Z"), { created_at: "2024-02-30" }, false],
    ["an unparsable record string matches ne", where(created, "ne", at), { created_at: "yesterday" }, true],
    ["an invalid Date is wrong-typed", where(created, "lt", "2999-01-01T00:00:00.000Z"), { created_at: new Date(NaN) }, false],
    ["an invalid Date is present for exists", where(created, "exists", true), { created_at: new Date(NaN) }, true],
    ["gte holds for some element of an array of instants", where(created, "gte", at), { created_at: ["2020-01-01", new Date("2025-01-01")] }, true],
  ]);
});

describe("arrays, whatever the declared type: some element for positives, none for ne and nin", () => {
  table([
    ["eq holds when some element is equal", where(tokens, "eq", "sports"), { path_tokens: ["root", "sports"] }, true],
    ["eq does not hold when no element is equal", where(tokens, "eq", "sports"), { path_tokens: ["root", "toys"] }, false],
    ["ne holds when no element is equal", where(tokens, "ne", "sports"), { path_tokens: ["root", "toys"] }, true],
    ["ne does not hold when some element is equal", where(tokens, "ne", "sports"), { path_tokens: ["root", "sports"] }, false],
    ["ne holds on an empty array", where(tokens, "ne", "sports"), { path_tokens: [] }, true],
    ["ne holds on a missing field", where(tokens, "ne", "sports"), {}, true],
    ["in holds when some element is listed", where(tokens, "in", ["a", "toys"]), { path_tokens: ["root", "toys"] }, true],
    ["nin holds when no element is listed", where(tokens, "nin", ["a", "b"]), { path_tokens: ["root", "toys"] }, true],
    ["nin does not hold when some element is listed", where(tokens, "nin", ["root"]), { path_tokens: ["root", "toys"] }, false],
    ["nin holds on an empty array", where(tokens, "nin", ["root"]), { path_tokens: [] }, true],
    ["contains holds on some element", where(tokens, "contains", "por"), { path_tokens: ["root", "sports"] }, true],
    ["starts_with holds on some element", where(tokens, "starts_with", "spo"), { path_tokens: ["root", "sports"] }, true],
    ["ends_with holds on some element", where(tokens, "ends_with", "oot"), { path_tokens: ["root", "sports"] }, true],
    ["regex holds on some element", where(tokens, "regex", "^s"), { path_tokens: ["root", "sports"] }, true],
    ["text needs every word in one element", where(tokens, "text", "root sports"), { path_tokens: ["root", "sports"] }, false],
    ["text holds when one element has every word", where(tokens, "text", "red car"), { path_tokens: ["a red car", "x"] }, true],
    ["gte holds when some number element is above", where(score, "gte", 0.5), { score: [0.1, 0.9] }, true],
    ["gte does not hold when no element is above", where(score, "gte", 0.5), { score: [0.1, 0.2] }, false],
    ["lt holds on an array on a number field, by element", where(score, "lt", 0.5), { score: [0.9, 0.1] }, true],
    ["eq on a scalar string field holds for an array element", where(name, "eq", "x"), { node_name: ["y", "x"] }, true],
    ["a wrong-typed element never matches", where(score, "gte", 0.5), { score: ["0.9", null, {}] }, false],
    ["eq v on an array of nulls does not hold", where(name, "eq", "x"), { node_name: [null] }, false],
    ["nested arrays inside the value are not elements", where(score, "eq", 1), { score: [[1]] }, false],
  ]);
});

describe("exists, is_null and eq null look at the value itself: an array is present and not null", () => {
  table([
    ["exists holds on []", where(tokens, "exists", true), { path_tokens: [] }, true],
    ["exists holds on [null]", where(tokens, "exists", true), { path_tokens: [null] }, true],
    ["is_null does not hold on []", where(tokens, "is_null", true), { path_tokens: [] }, false],
    ["is_null does not hold on [null]", where(tokens, "is_null", true), { path_tokens: [null] }, false],
    ["eq null does not hold on []", where(tokens, "eq", null), { path_tokens: [] }, false],
    ["eq null does not hold on [null]", where(tokens, "eq", null), { path_tokens: [null] }, false],
    ["ne null holds on [null]", where(tokens, "ne", null), { path_tokens: [null] }, true],
    ["in [null] does not hold on [null]", where(tokens, "in", [null]), { path_tokens: [null] }, false],
    ["nin [null] holds on [null]", where(tokens, "nin", [null]), { path_tokens: [null] }, true],
    ["exists false is the negation of exists: missing", where(score, "exists", false), {}, true],
    ["exists false is the negation of exists: present", where(score, "exists", false), { score: 1 }, false],
    ["exists false is the negation of exists: []", where(tokens, "exists", false), { path_tokens: [] }, false],
    ["is_null false is the negation of is_null: missing", where(score, "is_null", false), {}, false],
    ["is_null false is the negation of is_null: null", where(score, "is_null", false), { score: null }, false],
    ["is_null false is the negation of is_null: present", where(score, "is_null", false), { score: 0 }, true],
  ]);
});

describe("arrays met on the path mean any element; the field is missing only when no element reaches a value", () => {
  const label = field("label", "string", "items.label");
  table([
    ["eq holds when some element's value is equal", where(label, "eq", "b"), { items: [{ label: "a" }, { label: "b" }] }, true],
    ["ne does not hold when some element's value is equal", where(label, "ne", "b"), { items: [{ label: "a" }, { label: "b" }] }, false],
    ["eq does not hold when no element's value is equal", where(label, "eq", "c"), { items: [{ label: "a" }, { label: "b" }] }, false],
    ["exists holds when some element has the value", where(label, "exists", true), { items: [{}, { label: "a" }] }, true],
    ["exists does not hold when no element has the value", where(label, "exists", true), { items: [{}, { label: null }] }, false],
    ["eq null holds when no element has the value", where(label, "eq", null), { items: [] }, true],
    ["eq null does not hold when one element has the value", where(label, "eq", null), { items: [{ label: null }, { label: "a" }] }, false],
    ["elements that are arrays at the end are spread", where(label, "eq", "z"), { items: [{ label: ["y", "z"] }] }, true],
    ["an element array that is empty is present", where(label, "exists", true), { items: [{ label: [] }] }, true],
  ]);
});

describe("groups", () => {
  const high = where(score, "gte", 0.5);
  const sports = where(name, "eq", "sports");
  table([
    ["and holds when all hold", and(high, sports), { score: 0.9, node_name: "sports" }, true],
    ["and fails when one fails", and(high, sports), { score: 0.1, node_name: "sports" }, false],
    ["and with three items fails when the last fails", and(high, sports, where(depth, "eq", 1)), { score: 0.9, node_name: "sports", depth: 2 }, false],
    ["and with three items holds when all hold", and(high, sports, where(depth, "eq", 1)), { score: 0.9, node_name: "sports", depth: 1 }, true],
    ["or holds when one holds", or(high, sports), { score: 0.1, node_name: "sports" }, true],
    ["or fails when none holds", or(high, sports), { score: 0.1, node_name: "toys" }, false],
    ["or with three items holds on the last", or(high, sports, where(depth, "eq", 1)), { depth: 1 }, true],
    ["or with three items fails when none holds", or(high, sports, where(depth, "eq", 1)), { depth: 2 }, false],
    ["not negates its item", not(high), { score: 0.1 }, true],
    ["not negates a holding item", not(high), { score: 0.9 }, false],
    ["not not is the item", not(not(high)), { score: 0.9 }, true],
    ["not around or holds when none holds", not(or(high, sports)), { score: 0.1, node_name: "toys" }, true],
    ["an empty and holds", and(), {}, true],
    ["an empty or fails", or(), {}, false],
    ["a one-item and is its item", and(high), { score: 0.1 }, false],
    ["a one-item or is its item", or(high), { score: 0.9 }, true],
  ]);

  it("a not holding several items (hand-built) holds when none of them holds, as a NOR", () => {
    const nor: PlanNode = { kind: "not", items: [high, sports], span: { start: 0, end: 0 } };
    expect(matches(nor, { score: 0.1, node_name: "toys" })).toBe(true);
    expect(matches(nor, { score: 0.1, node_name: "sports" })).toBe(false);
  });
});

describe("own properties only", () => {
  it("a record whose prototype carries the field never matches on it", () => {
    const record: unknown = Object.create({ score: 0.9, node_name: "sports" });
    expect(matches(where(score, "gte", 0.5), record)).toBe(false);
    expect(matches(where(score, "eq", null), record)).toBe(true);
    expect(matches(where(name, "exists", true), record)).toBe(false);
  });

  it("fields named __proto__, constructor and toString work when the catalogue declares them", () => {
    const proto = field("__proto__", "string");
    const ctor = field("constructor", "string");
    const toString = field("toString", "string");
    const record = JSON.parse('{"__proto__": "p", "constructor": "c", "toString": "t"}') as unknown;
    expect(matches(where(proto, "eq", "p"), record)).toBe(true);
    expect(matches(where(ctor, "eq", "c"), record)).toBe(true);
    expect(matches(where(toString, "eq", "t"), record)).toBe(true);
    expect(matches(where(ctor, "exists", true), {})).toBe(false);
    expect(matches(where(toString, "is_null", true), {})).toBe(true);
    expect(matches(where(proto, "eq", null), {})).toBe(true);
    expect(matches(where(proto, "eq", null), { __proto__: { __proto__: "x" } })).toBe(true);
  });

  it("records without a prototype work", () => {
    const record = Object.assign(Object.create(null) as object, { score: 0.9 });
    expect(matches(where(score, "gte", 0.5), record)).toBe(true);
    expect(matches(where(name, "eq", null), record)).toBe(true);
  });
});

describe("every operator of both targets works locally", () => {
  table([
    ["starts_with", where(name, "starts_with", "spo"), { node_name: "sports" }, true],
    ["ends_with", where(name, "ends_with", "rts"), { node_name: "sports" }, true],
    ["regex", where(name, "regex", "^s.o"), { node_name: "sports" }, true],
    ["text", where(name, "text", "sports gear"), { node_name: "gear for sports" }, true],
    ["contains on a nested path", where(title, "contains", "ear"), { meta: { title: "gear" } }, true],
  ]);

  it("a regex RE2 cannot compile (in a hand-built query) matches nothing instead of throwing", () => {
    const predicate = toPredicate(query(where(name, "regex", "(a)\\1")));
    expect(predicate({ node_name: "aa" })).toBe(false);
    expect(toPredicate(query(not(where(name, "regex", "(?=a)"))))({ node_name: "a" })).toBe(true);
  });
});

describe("the predicate never throws on any record", () => {
  const throwing = Object.defineProperty({}, "score", {
    enumerable: true,
    get() {
      throw new Error("boom");
    },
  });
  const hostileArray = new Proxy([1, 2], {
    get() {
      throw new Error("boom");
    },
  });
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const records: readonly unknown[] = [
    null,
    undefined,
    0,
    42,
    "score",
    true,
    Symbol("s"),
    10n,
    () => 1,
    [],
    [null],
    [{ score: 0.9 }],
    {},
    Object.create(null),
    Object.create(Date.prototype),
    new Date(),
    throwing,
    revocable.proxy,
    { score: hostileArray, path_tokens: hostileArray, created_at: hostileArray, node_name: revocable.proxy },
    { score: Symbol("x"), created_at: Object.create(Date.prototype), node_name: Object.create(null) },
    { meta: throwing },
  ];
  const filters: readonly PlanNode[] = [
    where(score, "gte", 0.5),
    where(score, "eq", null),
    where(score, "in", [null, 1]),
    where(tokens, "nin", ["a"]),
    where(name, "regex", "x"),
    where(name, "text", "x y"),
    where(created, "lt", "2024-01-01T00:00:00.000Z"),
    where(created, "in", ["2024-01-01T00:00:00.000Z"]),
    where(title, "contains", "x"),
    where(score, "exists", true),
  ];
  it.each(filters.map((filter) => [describeNode(filter), filter] as const))("%s", (_, filter) => {
    for (const caseSensitive of [false, true]) {
      const predicate = toPredicate(query(filter), { caseSensitive });
      for (const record of records) expect(typeof predicate(record)).toBe("boolean");
    }
  });

  it.each([
    ["eq null holds", where(score, "eq", null), true],
    ["ne null fails", where(score, "ne", null), false],
    ["exists fails", where(score, "exists", true), false],
    ["is_null holds", where(score, "is_null", true), true],
    ["gte fails", where(score, "gte", 0), false],
    ["not gte holds", not(where(score, "gte", 0)), true],
    ["eq fails", where(score, "eq", 1), false],
    ["ne holds", where(score, "ne", 1), true],
    ["in with null holds", where(score, "in", [null, 1]), true],
    ["nin with null fails", where(score, "nin", [null, 1]), false],
    ["in without null fails", where(score, "in", [1]), false],
    ["string in with null holds", where(field("score", "string"), "in", [null, "x"]), true],
    ["string nin without null holds", where(field("score", "string"), "nin", ["x"]), true],
    ["contains fails", where(field("score", "string"), "contains", ""), false],
    ["not contains holds", not(where(field("score", "string"), "contains", "")), true],
    ["datetime eq null holds", where(field("score", "datetime"), "eq", null), true],
  ] as const)("a field whose getter throws reads as missing: %s", (_, filter, expected) => {
    expect(matches(filter, throwing)).toBe(expected);
  });

  it("a record that is an array is read element by element, as an array met on the path", () => {
    expect(matches(where(score, "gte", 0.5), [{ score: 0.1 }, { score: 0.9 }])).toBe(true);
    expect(matches(where(score, "gte", 0.5), [{ score: 0.1 }])).toBe(false);
  });
});
