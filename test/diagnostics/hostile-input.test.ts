import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";

const codes = (text: string, limits = {}) => compile(text, { limits }).diagnostics.map((d) => [d.code, d.start, d.end]);

describe("hostile input", () => {
  it("refuses input past the length limit before lexing", () => {
    const text = "(".repeat(20_000);
    expect(codes(text)).toEqual([["too-long", 0, 20_000]]);
  });

  it.each([
    ["100,000 nested parentheses", "(".repeat(100_000) + "depth = 1" + ")".repeat(100_000), 32],
    ["100,000 nested nots", "not ".repeat(100_000) + "depth = 1", 128],
    ["100,000 nested bangs", "!".repeat(100_000) + "depth = 1", 32],
  ])("%s give too-deep at the 33rd opener, not a stack overflow", (_name, text, start) => {
    const result = compile(text, { limits: { maxLength: 1_000_000 } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["too-deep"]);
    expect(result.diagnostics[0]!.start).toBe(start);
  });

  it("caps a raised maxDepth at 256 so the parser stays within the stack", () => {
    const text = "(".repeat(100_000) + "depth = 1" + ")".repeat(100_000);
    const [tooDeep] = compile(text, { limits: { maxLength: 1_000_000, maxDepth: 1_000_000 } }).diagnostics;
    expect(tooDeep).toMatchObject({ code: "too-deep", start: 256, end: 257 });
  });

  it("parses 256 nested parentheses when the caller allows them", () => {
    const text = "(".repeat(256) + "depth = 1" + ")".repeat(256);
    const result = compile(text, { limits: { maxDepth: 256 } });
    expect(result.ok).toBe(true);
    expect(result.filters).toEqual({ AND: [{ key: "depth", operator: "eq", value: 1 }] });
  });

  it("a call's own parenthesis opens no nesting level", () => {
    const text = "(".repeat(32) + "exists(depth)" + ")".repeat(32);
    expect(compile(text).ok).toBe(true);
    expect(codes("(".repeat(33) + "exists(depth)" + ")".repeat(33))).toEqual([["too-deep", 32, 33]]);
  });

  it("reports every invalid character of a long run without stopping", () => {
    const text = "depth = 1 " + "#".repeat(5000);
    const result = compile(text);
    expect(result.diagnostics).toHaveLength(5000);
    expect(result.diagnostics.every((d) => d.code === "invalid-character" && d.end === d.start + 1)).toBe(true);
  });

  it("an unpaired surrogate outside a string is one invalid character", () => {
    expect(codes("depth = 1 \ud800")).toEqual([["invalid-character", 10, 11]]);
  });

  it("an emoji outside a string is one invalid character of two UTF-16 units", () => {
    expect(codes("depth = 1 🚀")).toEqual([["invalid-character", 10, 12]]);
  });

  it("a long list of a thousand and one values is too-many-items over the brackets", () => {
    const text = `depth in [${Array.from({ length: 1001 }, (_, i) => i).join(",")}]`;
    const [first] = compile(text).diagnostics;
    expect(first).toMatchObject({ code: "too-many-items", start: 9, end: text.length });
  });

  it("text that is not a string is read as its string form", () => {
    expect(() => compile(42 as unknown as string)).not.toThrow();
    expect(compile(42 as unknown as string).filters).toEqual({ AND: [{ key: "node_name", operator: "contains", value: "42" }] });
  });
});
