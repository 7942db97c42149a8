import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";

const seen = (text: string) => {
  const result = compile(text);
  return {
    ok: result.ok,
    filters: result.filters,
    diagnostics: result.diagnostics.map((d) => [d.code, d.severity, d.start, d.end]),
  };
};

describe("pasted look-alikes are read as their ASCII twins, with a warning at the spot", () => {
  it.each([
    ["curly double quotes", "node_name ~ \u201celectronics\u201d", [[12, 13], [24, 25]]],
    ["curly single quotes", "node_name ~ \u2018kit\u2019", [[12, 13], [16, 17]]],
    ["a no-break space", "node_name\u00a0~ \"x\"", [[9, 10]]],
    ["a thin space", "depth\u2009= 1", [[5, 6]]],
    ["an ideographic space", "depth\u3000= 1", [[5, 6]]],
    ["a narrow no-break space", "depth =\u202f1", [[7, 8]]],
    ["full-width operators and digits as one run", "score\uff1e\uff10\uff0e\uff15", [[5, 9]]],
    ["a full-width equals sign", "depth \uff1d 1", [[6, 7]]],
    ["full-width parentheses", "\uff08depth = 1\uff09", [[0, 1], [10, 11]]],
    ["the minus sign", "created_at > now\u22127d", [[16, 17]]],
    ["greater-or-equal", "score \u2265 0.5", [[6, 7]]],
    ["less-or-equal", "score \u2264 0.5", [[6, 7]]],
    ["not-equal", "depth \u2260 1", [[6, 7]]],
  ])("%s", (_name, text, spans) => {
    const result = seen(text);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual(spans.map(([start, end]) => ["normalized-character", "warning", start, end]));
  });

  it("compiles to the same JSON as the ASCII query", () => {
    const pasted = compile("score\u00a0\u2265\u00a00.8 and node_name ~ \u201celectronics\u201d");
    const typed = compile('score >= 0.8 and node_name ~ "electronics"');
    expect(pasted.filters).toEqual(typed.filters);
  });

  it("keeps look-alikes inside a string: they are the user's data", () => {
    const result = compile('node_name = "a\u00a0b \u201cc\u201d \uff21"');
    expect(result.diagnostics).toEqual([]);
    expect(result.filters).toEqual({ AND: [{ key: "node_name", operator: "eq", value: "a\u00a0b \u201cc\u201d \uff21" }] });
  });

  it("keeps look-alikes inside a curly-quoted string", () => {
    const result = compile("node_name = \u201ca\u00a0b\u201d");
    expect(result.filters).toEqual({ AND: [{ key: "node_name", operator: "eq", value: "a\u00a0b" }] });
  });

  it("keeps offsets those of the original text after a character outside the BMP", () => {
    const result = seen('node_name ~ "\u{1f600}"\u00a0dept > 1');
    expect(result.diagnostics).toEqual([
      ["normalized-character", "warning", 16, 17],
      ["unknown-field", "error", 17, 21],
    ]);
  });

  it("an opening curly quote with no closing one is an unterminated string from the quote", () => {
    expect(seen("node_name ~ \u201celectronics").diagnostics).toEqual([
      ["normalized-character", "warning", 12, 13],
      ["unterminated-string", "error", 12, 24],
    ]);
  });
});
