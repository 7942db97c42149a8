import { Lexer, type ILexingResult } from "chevrotain";
import { allTokens } from "./tokens.js";

let lexer: Lexer | undefined;

/**
 * Chevrotain's lexer, built on first use. taxql itself reads text with the hand-written scanner.ts,
 * which gives the same tokens; this one is the reference it is tested against.
 */
export function tokenize(text: string): ILexingResult {
  lexer ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });
  return lexer.tokenize(text);
}
