import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scan } from "../../grammar/scanner.js";
import { parseWellFormed } from "../../src/syntax/parse-well-formed.js";
import { parseQuery, parseQueryWithChevrotain } from "../../src/syntax/parse.js";
import { anyText, wellFormedQuery } from "./query-texts.js";

describe("the well-formed fast path parses as the Chevrotain parser and the AST builder do", () => {
  it.each([
    'score >= 0.8 and node_name ~ "electronics" sort by score desc',
    "not (depth = 1 or score < 0.1) && parent_node_id is not null || !(node_id exists)",
    "created_at between 2024-01-01 and now-7d sort created_at asc, score",
    'text(node_description, "usb cable") or starts_with(node_name, "elec") exists(depth)',
    "sports not depth = 1 node_name not in ['misc', \"other\"] `a b`.c = 1",
    "",
  ])("%j", (text) => {
    expect(parseWellFormed(text, scan(text).tokens)).not.toBeNull();
    expect(parseQuery(text)).toEqual(parseQueryWithChevrotain(text));
  });

  it("takes every well-formed query and builds the same tree", () => {
    fc.assert(
      fc.property(wellFormedQuery, (text) => {
        const slow = parseQueryWithChevrotain(text);
        expect(parseQuery(text)).toEqual(slow);
        if (slow.problems.length === 0) expect(parseWellFormed(text, scan(text).tokens)).toEqual(slow.query);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it("gives the same result, problems included, for any text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(parseQuery(text)).toEqual(parseQueryWithChevrotain(text));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
