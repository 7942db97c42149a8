import type { IToken } from "chevrotain";
import { Bang, CallName, In, Is, LeftParen, Not, RightParen } from "../../grammar/tokens.js";
import type { Span } from "../span.js";

/**
 * The first opener (`(`, `not`, `!`) that nests deeper than `maxDepth`, found on the tokens alone
 * so that a hostile input is refused before the recursive parser could overflow the stack. A call's
 * own parenthesis opens nothing: only a field and a value stand inside it.
 */
export function findTooDeep(tokens: readonly IToken[], maxDepth: number): Span | null {
  const enclosing: number[] = [];
  let base = 0;
  let current = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    const negatesOperator = type === Not && (tokens[i + 1]?.tokenType === In || tokens[i - 1]?.tokenType === Is);
    if ((type === Not && !negatesOperator) || type === Bang) {
      current += 1;
    } else if (type === LeftParen && tokens[i - 1]?.tokenType === CallName) {
      enclosing.push(base);
      base = current;
      continue;
    } else if (type === LeftParen) {
      enclosing.push(base);
      base = current + 1;
      current = base;
    } else if (type === RightParen) {
      base = enclosing.pop() ?? 0;
      current = base;
      continue;
    } else {
      current = base;
      continue;
    }
    if (current > maxDepth) return { start: token.startOffset, end: token.startOffset + token.image.length };
  }
  return null;
}
