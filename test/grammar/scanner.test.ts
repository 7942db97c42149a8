import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../grammar/lexer.js";
import { scan } from "../../grammar/scanner.js";
import { anyText, wellFormedQuery } from "../syntax/query-texts.js";

function lexers(text: string) {
  const chevrotain = tokenize(text);
  const scanned = scan(text);
  const tokens = (list: typeof scanned.tokens) => list.map((token) => [token.tokenType.name, token.tokenTypeIdx, token.startOffset, token.image]);
  const errors = (list: typeof scanned.errors) => list.map((error) => [error.offset, error.length]);
  return {
    scanned: { tokens: tokens(scanned.tokens), errors: errors(scanned.errors) },
    chevrotain: { tokens: tokens(chevrotain.tokens), errors: errors(chevrotain.errors) },
  };
}

describe("the hand-written scanner reads every text as the Chevrotain lexer does", () => {
  it.each([
    'score >= 0.8 and node_name ~ "electronics" sort by score desc',
    "now-7d now nowx now( in( and( not(x) Inx AND sorted `a\\`b` 'it\\'s' \"open",
    "1.5.3 1e 1e5 -1 -x 5. 0A0 2024-01-01T10:00Z 2024-01-0 ≥≤≠ ^ $ & | ^= $= && || #@ \ud800 é",
    "",
  ])("%j", (text) => {
    const { scanned, chevrotain } = lexers(text);
    expect(scanned).toEqual(chevrotain);
  });

  it("on fuzzed texts", () => {
    fc.assert(
      fc.property(fc.oneof(wellFormedQuery, anyText), (text) => {
        const { scanned, chevrotain } = lexers(text);
        expect(scanned).toEqual(chevrotain);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
