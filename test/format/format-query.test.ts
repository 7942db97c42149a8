import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";
import { format } from "../../src/format/format-query.js";
import { parseQuery } from "../../src/syntax/parse.js";

const rows: readonly (readonly [input: string, canonical: string])[] = [
  ["", ""],
  ["SCORE >= 0.8 AND node_name ~ 'elec'", 'SCORE >= 0.8 and node_name ~ "elec"'],
  ["a:1 b==2 c=3", "a = 1 and b = 2 and c = 3"],
  ["!a = 1 && (b = 2 || c = 3)", "not a = 1 and (b = 2 or c = 3)"],
  ["(a = 1 and b = 2) or c = 3", "a = 1 and b = 2 or c = 3"],
  ["((a = 1))", "a = 1"],
  ["not (a = 1 and b = 2)", "not (a = 1 and b = 2)"],
  ["NOT NOT a = 1", "not not a = 1"],
  ["(a = 1 and b = 2) and c = 3", "(a = 1 and b = 2) and c = 3"],
  ["a = 1 or (b = 2 or c = 3)", "a = 1 or (b = 2 or c = 3)"],
  ["a NOT IN [1,2] and b In ['x']", 'a not in [1, 2] and b in ["x"]'],
  ["a BETWEEN 1 AND 2", "a between 1 and 2"],
  ["a EXISTS and b IS NOT NULL and c is null", "a exists and b is not null and c is null"],
  ["text( node_description ,'usb' )", 'text(node_description, "usb")'],
  ["exists(a)", "exists(a)"],
  ["sort by a, b DESC", "sort a asc, b desc"],
  ["a = x sort b", "a = x sort b asc"],
  ["sports 007 1e3 -5 2024-01-01 NOW-7D", "sports and 007 and 1e3 and -5 and 2024-01-01 and NOW-7D"],
  ["created_at > 2024-01-01t10:00+0200", "created_at > 2024-01-01t10:00+0200"],
  ["a = 'and'", 'a = "and"'],
  ["a = \"it's\" and b = '\"'", 'a = "it\'s" and b = "\\""'],
  ["a = '\\/\\\\\\n\\r\\t\\u0001\\u007f\\u00e9\\ud83d'", 'a = "/\\\\\\n\\r\\t\\u0001\\u007fé\\ud83d"'],
  ["a = '\\ud83d\\ude00'", 'a = "😀"'],
  ["`and`.b = 1 and `x y`.`a\\`b\\\\c` = 2 and `plain` = 3", "`and`.b = 1 and `x y`.`a\\`b\\\\c` = 2 and plain = 3"],
  ["`` = 1", "`` = 1"],
  ["a = “curly”", 'a = "curly"'],
  ["a = true and b = FALSE and c = NULL", "a = true and b = false and c = null"],
];

describe("format", () => {
  it.each(rows)("%s", (input, canonical) => {
    const parsed = parseQuery(input);
    expect(parsed.problems.filter((p) => p.code !== "normalized-character")).toEqual([]);
    expect(format(parsed.query)).toBe(canonical);
    expect(format(parseQuery(canonical).query)).toBe(canonical);
  });

  it("takes the checked query that compile returns", () => {
    const result = compile("node_name ~ 'x' sort score");
    expect(format(result.query!)).toBe('node_name ~ "x" sort score asc');
  });
});
