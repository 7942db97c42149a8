import { describe, expect, it } from "vitest";
import { complete } from "../../src/complete/complete.js";
import { compile } from "../../src/compile.js";
import { fromFilters } from "../../src/decompile/from-filters.js";
import { toPredicate } from "../../src/evaluate/to-predicate.js";

const now = "2026-12-01T00:00:00Z";
const codes = (text: string) => compile(text, { now }).diagnostics.map((d) => [d.code, d.start, d.end]);

describe("datetimes the API's format cannot hold (years 0000 to 9999)", () => {
  it.each([
    ["created_at = 9999-12-31", 13, 23],
    ["created_at > 9999-12-31", 13, 23],
    ["created_at > now-800000w", 13, 24],
    ["created_at < now+500000w", 13, 24],
    ["created_at > 0000-01-01T00:00+01:00", 13, 35],
  ])("%s is invalid-datetime", (text, start, end) => {
    expect(codes(text)).toEqual([["invalid-datetime", start, end]]);
  });

  it.each(["created_at >= 0000-01-01", "created_at <= 9999-12-30", "created_at < 9999-12-31T23:59:59.999Z"])("%s, at the edge, compiles and its predicate reads its own bounds", (text) => {
    const result = compile(text, { now });
    expect(result.ok).toBe(true);
    const matches = toPredicate(result.query!);
    expect(matches({ created_at: "2026-02-01T00:00:00Z" })).toBe(true);
  });
});

describe("the now option", () => {
  it.each(["0", "1", "Dec 1 2026", "12/01/2026", "2026-12-01T00:00:00"])("refuses %j: only a Date or an ISO datetime with a zone", (now) => {
    expect(() => compile("created_at > now", { now })).toThrow(TypeError);
  });

  it("takes a date alone as the start of that UTC day", () => {
    expect(compile("created_at > now", { now: "2026-12-01" }).filters).toEqual({ AND: [{ key: "created_at", operator: "gt", value: "2026-12-01T00:00:00.000Z" }] });
  });
});

describe("limits", () => {
  it.each([{ maxDepth: -1 }, { maxLength: Number.NaN }, { maxGroupItems: 0 }, { maxListValues: 1.5 }])("refuses %j", (limits) => {
    expect(() => compile("depth = 1", { limits })).toThrow(TypeError);
  });
});

describe("complete quotes what would not read as itself", () => {
  const catalogue = { fields: { kind: { type: "enum", values: ["and", "now", "true", "null", "plain"] } } } as const;

  it("quotes enum values that are keywords, so that picking one keeps the query's meaning", () => {
    const inserts = complete("kind = ", 7, { catalogue }).items.map((item) => item.insert);
    expect(inserts).toEqual(['"and"', '"now"', '"true"', '"null"', "plain"]);
    for (const insert of inserts) expect(compile(`kind = ${insert}`, { catalogue }).ok).toBe(true);
  });

  it("reads a NaN offset as the end of the text", () => {
    expect(complete("sc", Number.NaN)).toMatchObject({ from: 0, to: 2 });
  });
});

describe("fromFilters on a datetime field", () => {
  it("refuses a relative date in JSON: the API takes instants", () => {
    const back = fromFilters({ AND: [{ key: "created_at", operator: "gt", value: "now-1d" }] });
    expect(back.ok).toBe(false);
    expect(back.diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid-datetime", "$.AND[0].value"]]);
  });
});

describe("messages", () => {
  it("too-deep names the limit in force when the caller's is above the cap", () => {
    const [diagnostic] = compile("(".repeat(300) + "depth = 1" + ")".repeat(300), { limits: { maxDepth: 1000 } }).diagnostics;
    expect(diagnostic).toMatchObject({ code: "too-deep", start: 256 });
    expect(diagnostic!.message).toContain("256");
  });

  it("unsupported-operator says which target has the operator", () => {
    const [diagnostic] = compile('node_name ^= "a"').diagnostics;
    expect(diagnostic!.message).toContain("mixpeek-v1");
  });
});
