import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

function applyFix(text: string, diagnostic: Diagnostic): string {
  const fix = diagnostic.fix!;
  return text.slice(0, fix.start) + fix.replacement + text.slice(fix.end);
}

function first(text: string, code: string): Diagnostic {
  const found = compile(text).diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} for ${text}`);
  return found;
}

describe("did-you-mean hints carry a machine-applicable fix", () => {
  it.each([
    ["unknown-field", "Score > 0.5", "score > 0.5"],
    ["unknown-field", "NODE_NAME ~ x", "node_name ~ x"],
    ["unknown-field", "nod_name ~ x", "node_name ~ x"],
    ["unknown-field", "sorce > 0.5", "score > 0.5"],
    ["unknown-field", "creatd_at > 2024-01-01", "created_at > 2024-01-01"],
    ["unknown-field", "score > 0.5 sort creatd_at", "score > 0.5 sort created_at"],
    ["unknown-operator", 'contain(node_name, "x")', 'contains(node_name, "x")'],
    ["unknown-operator", 'Text(node_description, "x")', 'text(node_description, "x")'],
    ["unknown-operator", 'contians(node_name, "x")', 'contains(node_name, "x")'],
    ["unknown-operator", 'isnull(node_name)', 'is_null(node_name)'],
    ["unexpected-token", "sort created_at deesc", "sort created_at desc"],
    ["unexpected-token", "sort created_at decs", "sort created_at desc"],
  ])("%s in %s", (code, text, fixed) => {
    const diagnostic = first(text, code);
    expect(diagnostic.hint).toBeDefined();
    expect(applyFix(text, diagnostic)).toBe(fixed);
    expect(compile(fixed).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("offers no fix when nothing is close", () => {
    const diagnostic = first("colour = red", "unknown-field");
    expect(diagnostic.fix).toBeUndefined();
    expect(diagnostic.hint).toBeUndefined();
  });
});

describe("unfinished queries carry the completion that makes them parse", () => {
  it.each([
    ["node_name =", 'node_name = ""'],
    ["(score > 1 and (depth < 2", "(score > 1 and (depth < 2))"],
    ["depth in [1, 2", "depth in [1, 2]"],
    ["score between 0.1", 'score between 0.1 and ""'],
    ["score > 1 sort", "score > 1 "],
    ["score > 1 and", 'score > 1 and ""'],
  ])("%s", (text, fixed) => {
    const diagnostic = first(text, "unexpected-end");
    expect(applyFix(text, diagnostic)).toBe(fixed);
  });

  it("closes an unterminated string with its own quote", () => {
    const text = "node_name ~ 'electr";
    expect(applyFix(text, first(text, "unterminated-string"))).toBe("node_name ~ 'electr'");
  });

  it("closes an unterminated string that ends in a backslash without escaping the new quote", () => {
    const text = 'node_name ~ "C:\\';
    const fixed = applyFix(text, first(text, "unterminated-string"));
    expect(compile(fixed).filters).toEqual({ AND: [{ key: "node_name", operator: "contains", value: "C:\\" }] });
  });

  it("missing-operator offers to quote the word, to search for it", () => {
    const text = "depth";
    const fixed = applyFix(text, first(text, "missing-operator"));
    expect(compile(fixed).filters).toEqual({ AND: [{ key: "node_name", operator: "contains", value: "depth" }] });
  });
});

describe("misspelt keywords", () => {
  it.each([
    ["score betwen 0.1 and 0.5", "missing-operator", 0, "score between 0.1 and 0.5"],
    ["parent_node_id exist", "missing-operator", 0, "parent_node_id exists"],
    ["parent_node_id is nul", "unexpected-token", 18, "parent_node_id is null"],
    ["score > 0.5 srot by depth", "unexpected-token", 17, "score > 0.5 sort by depth"],
    ["score > 0.5 sort depth descending", "unexpected-token", 23, "score > 0.5 sort depth desc"],
    ["depth inn [1, 2]", "missing-operator", 0, "depth in [1, 2]"],
  ])("%s", (text, code, start, fixed) => {
    const diagnostics = compile(text).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, start });
    expect(applyFix(text, diagnostics[0]!)).toBe(fixed);
    expect(compile(fixed).ok).toBe(true);
  });

  it("a word after a field that is no keyword leaves the plain missing-operator", () => {
    const [diagnostic] = compile("depth sports").diagnostics;
    expect(diagnostic).toMatchObject({ code: "missing-operator", start: 0, end: 5 });
    expect(diagnostic!.fix).toEqual({ start: 0, end: 5, replacement: '"depth"' });
  });

  it("a word spelt like an Object.prototype member is no keyword alias", () => {
    const diagnostics = compile("score > 1 constructor ,").diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(["unexpected-token"]);
    expect(diagnostics[0]!.hint).toBeUndefined();
  });
});

describe("a call written with a space before its parenthesis", () => {
  it("is one diagnostic at the comma, whose fix removes the space", () => {
    const text = 'text (node_description, "usb cable")';
    const diagnostics = compile(text).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([["unexpected-token", 22, 23]]);
    expect(diagnostics[0]!.hint).toContain("text(");
    const fixed = applyFix(text, diagnostics[0]!);
    expect(fixed).toBe('text(node_description, "usb cable")');
    expect(compile(fixed).ok).toBe(true);
  });

  it("leaves a word that names no operator to the usual diagnostics", () => {
    expect(compile("sports (depth, 1)").diagnostics.every((d) => d.hint === undefined || !d.hint.includes("glued"))).toBe(true);
  });
});
