import { describe, expect, it } from "vitest";
import { pathReader, unguardedPathReader } from "../../src/evaluate/read-path.js";

function read(path: string, record: unknown): unknown {
  return pathReader(path.split("."))(record);
}

describe("pathReader", () => {
  it.each([
    ["score", { score: 0.5 }, 0.5],
    ["node.node_name", { node: { node_name: "sports" } }, "sports"],
    ["a.b.c", { a: { b: { c: false } } }, false],
    ["score", { score: 0 }, 0],
    ["score", { score: "" }, ""],
  ])("reads %s from %j", (path, record, expected) => {
    expect(read(path, record)).toBe(expected);
  });

  it.each([
    ["score", {}],
    ["score", { score: null }],
    ["score", { score: undefined }],
    ["node.node_name", { node: null }],
    ["node.node_name", { node: "sports" }],
    ["node.node_name", { node: 5 }],
    ["node.node_name", {}],
    ["score", null],
    ["score", undefined],
    ["score", 42],
    ["score", "score"],
    ["length", "abc"],
  ])("reads missing and null alike as undefined: %s in %j", (path, record) => {
    expect(read(path, record)).toBeUndefined();
  });

  it("reads own properties only: a field on the prototype is missing", () => {
    const record: unknown = Object.create({ score: 1, node: { node_name: "x" } });
    expect(read("score", record)).toBeUndefined();
    expect(read("node.node_name", record)).toBeUndefined();
    expect(read("toString", {})).toBeUndefined();
    expect(read("constructor", {})).toBeUndefined();
    expect(read("__proto__", {})).toBeUndefined();
  });

  it("reads fields named __proto__, constructor and toString when they are the record's own", () => {
    const record = JSON.parse('{"__proto__": 1, "constructor": "c", "toString": {"hasOwnProperty": 3}}') as unknown;
    expect(read("__proto__", record)).toBe(1);
    expect(read("constructor", record)).toBe("c");
    expect(read("toString.hasOwnProperty", record)).toBe(3);
  });

  it("reads records without a prototype", () => {
    const record = Object.create(null) as Record<string, unknown>;
    record["score"] = 0.25;
    record["node"] = Object.assign(Object.create(null) as object, { node_name: "n" });
    expect(read("score", record)).toBe(0.25);
    expect(read("node.node_name", record)).toBe("n");
    expect(read("missing", record)).toBeUndefined();
  });

  it("returns an array at the end of the path as it is (even [] and [null] are present)", () => {
    const tokens = ["a", "b"];
    expect(read("path_tokens", { path_tokens: tokens })).toBe(tokens);
    expect(read("path_tokens", { path_tokens: [] })).toEqual([]);
    expect(read("path_tokens", { path_tokens: [null] })).toEqual([null]);
  });

  it.each([
    ["a.b", { a: [{ b: 1 }, { b: 2 }] }, [1, 2]],
    ["a.b", { a: [{ b: 1 }, { c: 2 }, null, 7] }, [1]],
    ["a.b", { a: [{ b: [1, 2] }, { b: 3 }] }, [1, 2, 3]],
    ["a.b", { a: [[{ b: 1 }], [[{ b: 2 }]]] }, [1, 2]],
    ["a.b", { a: [{ b: [] }] }, []],
    ["a.b", { a: [{ b: [null] }] }, []],
    ["a.b", { a: [{ b: [[1]] }] }, [[1]]],
    ["a.b.c", { a: { b: [{ c: "x" }, { c: null }] } }, ["x"]],
    ["score", [{ score: 1 }, { score: 2 }], [1, 2]],
  ])("an array met on the path means any element: %s in %j reads the candidates %j", (path, record, expected) => {
    expect(read(path, record)).toEqual(expected);
  });

  it.each([
    ["a.b", { a: [] }],
    ["a.b", { a: [{ b: null }, { c: 1 }, null] }],
    ["a.0", { a: ["x"] }],
    ["a.length", { a: ["x"] }],
  ])("fans out over elements, never indexes the array, and is missing when no element reaches a value: %s in %j", (path, record) => {
    expect(read(path, record)).toBeUndefined();
  });

  it("reads a throwing getter or a throwing proxy as missing instead of throwing", () => {
    const getter = Object.defineProperty({}, "score", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("boom");
        },
      },
    );
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    for (const record of [getter, hostile, revocable.proxy, { a: revocable.proxy }, { a: [hostile] }]) {
      expect(read("score", record)).toBeUndefined();
      expect(read("a.score", record)).toBeUndefined();
    }
  });

  it("does not loop forever on a cyclic array met on the path", () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(read("a.b", { a: cycle })).toBeUndefined();
  });

  it("the unguarded reader reads what the guarded one reads, and lets a throwing getter throw", () => {
    const records: readonly unknown[] = [
      { score: 1, a: [{ b: 1 }, { b: [2, null] }], meta: { title: "t" } },
      { score: null, a: { b: null } },
      [{ score: 3 }],
      Object.create(null),
      null,
      "x",
    ];
    for (const path of ["score", "a.b", "meta.title", "missing"]) {
      const segments = path.split(".");
      for (const record of records) expect(unguardedPathReader(segments)(record)).toEqual(pathReader(segments)(record));
    }
    const getter = Object.defineProperty({}, "score", {
      get() {
        throw new Error("boom");
      },
    });
    expect(() => unguardedPathReader(["score"])(getter)).toThrow("boom");
    expect(pathReader(["score"])(getter)).toBeUndefined();
  });
});
