import { describe, expect, it } from "vitest";
import { compileRegex } from "../../src/evaluate/regex.js";

function matcher(pattern: string, caseInsensitive = false): (text: string) => boolean {
  const compiled = compileRegex(pattern, caseInsensitive);
  if (!compiled.ok) throw new Error(`expected ${pattern} to compile: ${compiled.reason}`);
  return (text) => compiled.test(text);
}

describe("compileRegex", () => {
  it.each([
    ["elec", "consumer_electronics", true],
    ["^elec", "consumer_electronics", false],
    ["^consumer", "consumer_electronics", true],
    ["nics$", "consumer_electronics", true],
    ["a.c", "abc", true],
    ["\\d+", "node 42", true],
    ["\\d+", "node", false],
    ["\\p{Greek}", "αβγ", true],
    ["^.$", "😀", true],
    ["", "anything", true],
  ])("searches anywhere unless anchored: %s on %s is %s", (pattern, text, expected) => {
    expect(matcher(pattern)(text)).toBe(expected);
  });

  it.each([
    ["ELEC", "electronics", false, false],
    ["ELEC", "electronics", true, true],
    ["élan", "ÉLAN", true, true],
    ["(?i)ELEC", "electronics", false, true],
  ])("case-insensitive only with the flag or an inline (?i): %s on %s (flag %s) is %s", (pattern, text, flag, expected) => {
    expect(matcher(pattern, flag)(text)).toBe(expected);
  });

  it("never lower-cases the pattern: \\D stays non-digit under the case-insensitive flag", () => {
    expect(matcher("^\\D+$", true)("ABC")).toBe(true);
    expect(matcher("^\\D+$", true)("123")).toBe(false);
  });

  it.each([
    ["(a)\\1"],
    ["(?=a)"],
    ["(?!a)"],
    ["(?<=a)b"],
    ["(?<!a)b"],
    ["["],
    ["a**"],
    ["(abc"],
    ["\\C"],
    ["a{1001}"],
  ])("refuses what RE2 cannot compile, with a reason, without throwing: %s", (pattern) => {
    const compiled = compileRegex(pattern, false);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.reason.length).toBeGreaterThan(0);
  });

  it("refuses a pattern that is not a string instead of throwing", () => {
    expect(compileRegex(42 as unknown as string, false).ok).toBe(false);
  });

  it("runs in linear time: a pattern that backtracks exponentially elsewhere returns at once", () => {
    expect(matcher("^(a|a)*$")("a".repeat(5000) + "b")).toBe(false);
    expect(matcher("^(a+)+$")("a".repeat(5000) + "!")).toBe(false);
  });

  it("matches strings holding lone surrogates without throwing", () => {
    expect(matcher("x.y")("x\ud83dy")).toBe(true);
  });

  it("caches by pattern and flag: the same compilation comes back, the other flag is a different one", () => {
    expect(compileRegex("ca+che", true)).toBe(compileRegex("ca+che", true));
    expect(compileRegex("ca+che", false)).not.toBe(compileRegex("ca+che", true));
    expect(compileRegex("ca+che", false).ok).toBe(true);
  });

  it("keeps working after the cache has been filled past its limit", () => {
    for (let i = 0; i < 600; i++) expect(compileRegex(`n${i}`, false).ok).toBe(true);
    expect(matcher("n599")("n599")).toBe(true);
    expect(matcher("n0")("n1")).toBe(false);
  });
});
