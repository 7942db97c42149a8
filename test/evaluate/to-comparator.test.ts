import { describe, expect, it } from "vitest";
import type { CheckedSortKey } from "../../src/check/checked-query.js";
import { compareCodePoints } from "../../src/evaluate/compare-code-points.js";
import { toComparator } from "../../src/evaluate/to-comparator.js";
import { field, query, sortKey } from "./build-query.js";

const score = field("score", "number");
const depth = field("depth", "integer");
const name = field("node_name", "string");
const kind = field("kind", "enum");
const tokens = field("path_tokens", "string[]");
const active = field("active", "boolean");
const created = field("created_at", "datetime");
const title = field("title", "string", "meta.title");

/** Sorts records tagged with `id` and returns the ids in their new order. */
function order(keys: readonly CheckedSortKey[], records: readonly { readonly id: string }[]): string[] {
  return [...records].sort(toComparator(query(null, keys))).map((record) => record.id);
}

describe("toComparator", () => {
  it("sorts numbers ascending and descending", () => {
    const records = [{ id: "b", score: 0.5 }, { id: "a", score: 0.1 }, { id: "c", score: 0.9 }];
    expect(order([sortKey(score)], records)).toEqual(["a", "b", "c"]);
    expect(order([sortKey(score, "desc")], records)).toEqual(["c", "b", "a"]);
  });

  it("sorts missing, null and wrong-typed values last in both directions, in their input order", () => {
    const records = [
      { id: "missing" },
      { id: "2", score: 2 },
      { id: "null", score: null },
      { id: "string", score: "1" },
      { id: "1", score: 1 },
      { id: "nan", score: NaN },
      { id: "array", score: [0] },
      { id: "3", score: 3 },
    ];
    const last = ["missing", "null", "string", "nan", "array"];
    expect(order([sortKey(score)], records)).toEqual(["1", "2", "3", ...last]);
    expect(order([sortKey(score, "desc")], records)).toEqual(["3", "2", "1", ...last]);
  });

  it("treats an array as wrong-typed, sorting last, even on a string[] field", () => {
    const records = [{ id: "array", path_tokens: ["a"] }, { id: "string", path_tokens: "b" }, { id: "empty", path_tokens: [] }];
    expect(order([sortKey(tokens)], records)).toEqual(["string", "array", "empty"]);
    expect(order([sortKey(tokens, "desc")], records)).toEqual(["string", "array", "empty"]);
  });

  it("reads an array met on the path as wrong-typed too", () => {
    const records = [{ id: "array", meta: [{ title: "a" }] }, { id: "b", meta: { title: "b" } }];
    expect(order([sortKey(title)], records)).toEqual(["b", "array"]);
  });

  it("compares strings by code point, case-sensitively, not by locale", () => {
    const records = [
      { id: "b", node_name: "b" },
      { id: "B", node_name: "B" },
      { id: "a", node_name: "a" },
      { id: "é", node_name: "é" },
      { id: "Z", node_name: "Z" },
      { id: "ab", node_name: "ab" },
    ];
    expect(order([sortKey(name)], records)).toEqual(["B", "Z", "a", "ab", "b", "é"]);
    expect(order([sortKey(name, "desc")], records)).toEqual(["é", "b", "ab", "a", "Z", "B"]);
  });

  it("compares strings by code point, not by UTF-16 code unit: U+FFFF sorts before an astral character", () => {
    const records = [{ id: "astral", node_name: "😀" }, { id: "bmp", node_name: "\uffff" }];
    expect(order([sortKey(name)], records)).toEqual(["bmp", "astral"]);
  });

  it("sorts enums by their value's code points, not by the order of the enum's values", () => {
    const records = [{ id: "video", kind: "video" }, { id: "image", kind: "image" }, { id: "num", kind: 1 }];
    expect(order([sortKey(kind)], records)).toEqual(["image", "video", "num"]);
  });

  it("sorts booleans false before true; anything else is wrong-typed", () => {
    const records = [{ id: "t", active: true }, { id: "one", active: 1 }, { id: "f", active: false }];
    expect(order([sortKey(active)], records)).toEqual(["f", "t", "one"]);
    expect(order([sortKey(active, "desc")], records)).toEqual(["t", "f", "one"]);
  });

  it("sorts datetimes as instants, mixing ISO strings and Date objects; unparsable strings last", () => {
    const records = [
      { id: "bad", created_at: "yesterday" },
      { id: "2024", created_at: new Date("2024-01-01T00:00:00Z") },
      { id: "2023", created_at: "2023-06-01T12:00:00+02:00" },
      { id: "number", created_at: 0 },
      { id: "2025", created_at: "2025-01-01" },
    ];
    expect(order([sortKey(created)], records)).toEqual(["2023", "2024", "2025", "bad", "number"]);
    expect(order([sortKey(created, "desc")], records)).toEqual(["2025", "2024", "2023", "bad", "number"]);
  });

  it("uses later keys to break ties and keeps input order when every key ties (stable)", () => {
    const records = [
      { id: "x1", depth: 1, score: 0.5 },
      { id: "y0", depth: 0, score: 0.5 },
      { id: "x2", depth: 1, score: 0.5 },
      { id: "z", depth: 1, score: 0.9 },
      { id: "w", depth: 0, score: 0.1 },
    ];
    expect(order([sortKey(depth), sortKey(score, "desc")], records)).toEqual(["y0", "w", "z", "x1", "x2"]);
  });

  it("puts a missing first key last even when its later keys would sort first", () => {
    const records = [{ id: "missing", score: 0 }, { id: "present", depth: 5, score: 1 }];
    expect(order([sortKey(depth), sortKey(score)], records)).toEqual(["present", "missing"]);
  });

  it("ties values equal as numbers (-0 and 0) and as instants", () => {
    const comparator = toComparator(query(null, [sortKey(score), sortKey(created)]));
    expect(comparator({ score: -0, created_at: "2024-01-01" }, { score: 0, created_at: new Date("2024-01-01T00:00:00Z") })).toBe(0);
  });

  it("with no sort keys every pair ties", () => {
    expect(toComparator(query(null))({ a: 1 }, { a: 2 })).toBe(0);
  });

  it("reads own properties only", () => {
    const inherited: { id: string } = Object.assign(Object.create({ score: 0 }) as object, { id: "inherited" });
    const own = { id: "own", score: 1 };
    expect(order([sortKey(score)], [inherited, own])).toEqual(["own", "inherited"]);
  });

  it("never throws on odd records, which all tie as missing", () => {
    const comparator = toComparator(query(null, [sortKey(score), sortKey(created)]));
    const getter = Object.defineProperty({}, "score", {
      get() {
        throw new Error("boom");
      },
    });
    const odd: readonly unknown[] = [null, undefined, 1, "s", Symbol("s"), Object.create(null), getter, { created_at: Object.create(Date.prototype) }];
    for (const a of odd) for (const b of odd) expect(comparator(a, b)).toBe(0);
    for (const a of odd) expect(comparator({ score: 1 }, a)).toBe(-1);
  });
});

describe("compareCodePoints", () => {
  it.each([
    ["a", "b", -1],
    ["b", "a", 1],
    ["a", "a", 0],
    ["", "a", -1],
    ["ab", "a", 1],
    ["\uffff", "😀", -1],
    ["\ue000", "\ud83d\ude00", -1],
    ["\ud83d", "\ud83d\ude00", -1],
    ["\ud83d\ude00", "\ud83d\ue000", 1],
    ["\ud83dx", "\ud83d\ude00", -1],
    ["😀", "😁", -1],
    ["\udc00", "\ud800", 1],
    ["x\ud800\udc00", "x\ud7ff", 1],
  ])("orders %j before or after %j by code point (%i)", (a, b, expected) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(expected);
    expect(Math.sign(compareCodePoints(b, a))).toBe(-expected || 0);
  });

  it("agrees with comparing arrays of code points", () => {
    const samples = ["", "a", "\ud83d", "\ude00", "\ud83d\ude00", "\uffff", "\ue000", "\ud83dx", "x\ud83d", "\ud83d\ud83d\ude00"];
    const codePoints = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);
    const reference = (a: string, b: string): number => {
      const x = codePoints(a);
      const y = codePoints(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return Math.sign(x.length - y.length);
    };
    for (const a of samples) for (const b of samples) expect(Math.sign(compareCodePoints(a, b))).toBe(reference(a, b));
  });
});
