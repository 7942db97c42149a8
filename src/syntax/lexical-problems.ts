import type { IToken } from "chevrotain";
import * as t from "../../grammar/tokens.js";
import type { Problem } from "../diagnostics/diagnostic.js";
import { unescapeBody } from "./unescape.js";

/**
 * The mistakes inside single tokens: bad escapes, unterminated strings, malformed numbers. They are
 * read off the token stream, so they are reported even where the parser could not place the token.
 */
export function lexicalProblems(text: string, tokens: readonly IToken[], problems: Problem[]): void {
  for (const token of tokens) {
    const start = token.startOffset;
    const end = start + token.image.length;
    switch (token.tokenType) {
      case t.DoubleQuotedString:
      case t.SingleQuotedString:
        unescapeBody(text, start + 1, end - 1, false, problems);
        break;
      case t.QuotedSegment:
        unescapeBody(text, start + 1, end - 1, true, problems);
        break;
      case t.UnterminatedString:
      case t.UnterminatedSegment:
        problems.push({ code: "unterminated-string", span: { start, end }, fix: { start: end, end, replacement: closingQuote(text, start, end) } });
        break;
      case t.InvalidNumber:
        problems.push({ code: "invalid-number", span: { start, end } });
        break;
      case t.NumberLiteral:
        if (!Number.isFinite(Number(token.image))) problems.push({ code: "invalid-number", span: { start, end } });
        break;
    }
  }
}

/** What closes an unterminated string: its quote, after a backslash where one would escape it. */
function closingQuote(text: string, start: number, end: number): string {
  let trailingSlashes = 0;
  for (let i = end - 1; i > start && text[i] === "\\"; i--) trailingSlashes++;
  return (trailingSlashes % 2 === 1 ? "\\" : "") + text[start];
}
