import { Lexer, type ILexingResult } from "chevrotain";
import { allTokens } from "./tokens.js";

export const taxqlLexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
});

export function tokenize(text: string): ILexingResult {
  return taxqlLexer.tokenize(text);
}
