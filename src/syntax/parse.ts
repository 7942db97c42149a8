import type { IRecognitionException, IToken } from "chevrotain";
import { tokenize } from "../../grammar/lexer.js";
import { parseTokens } from "../../grammar/parser.js";
import type { Problem } from "../diagnostics/diagnostic.js";
import type { Query } from "./ast.js";
import { AstBuilder } from "./build-ast.js";
import { findTooDeep } from "./nesting-depth.js";

export interface SyntaxLimits {
  /** Longest input read, in UTF-16 units. */
  readonly maxLength: number;
  /** Deepest nesting of `(`, `not` and `!`. */
  readonly maxDepth: number;
}

/** Past this the recursive parser could run out of stack, whatever the caller asks for. */
export const hardMaxDepth = 256;

export const defaultSyntaxLimits: SyntaxLimits = { maxLength: 10_000, maxDepth: 32 };

export interface ParseResult {
  readonly query: Query;
  readonly problems: readonly Problem[];
}

/** Text to AST. Never throws: every mistake is a problem with its span. */
export function parseQuery(text: string, limits: SyntaxLimits = defaultSyntaxLimits): ParseResult {
  const empty: Query = { kind: "query", filter: null, sort: [], span: { start: 0, end: text.length } };
  if (text.length > limits.maxLength) {
    return { query: empty, problems: [{ code: "too-long", span: { start: 0, end: text.length }, detail: { limit: String(limits.maxLength) } }] };
  }
  const problems: Problem[] = [];
  const lexed = tokenize(text);
  for (const error of lexed.errors) reportInvalidCharacters(text, error.offset, error.length, problems);

  const tooDeep = findTooDeep(lexed.tokens, Math.min(limits.maxDepth, hardMaxDepth));
  if (tooDeep) {
    problems.push({ code: "too-deep", span: tooDeep, detail: { limit: String(limits.maxDepth) } });
    return { query: empty, problems };
  }

  const tree = parseTokens(lexed.tokens);
  const seen = new Set<string>();
  for (const error of tree.errors) {
    const problem = syntaxProblem(text, error);
    const key = `${problem.code}:${problem.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  const query = new AstBuilder(text, problems).query(tree.cst);
  return { query, problems };
}

function reportInvalidCharacters(text: string, offset: number, length: number, problems: Problem[]): void {
  for (let i = offset; i < offset + length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    problems.push({ code: "invalid-character", span: { start: i, end: i + width }, detail: { character: String.fromCodePoint(codePoint) } });
    i += width;
  }
}

function syntaxProblem(text: string, error: IRecognitionException): Problem {
  const token: IToken = error.token;
  if (token.tokenType.name === "EOF" || !Number.isFinite(token.startOffset)) {
    return { code: "unexpected-end", span: { start: text.length, end: text.length } };
  }
  return {
    code: "unexpected-token",
    span: { start: token.startOffset, end: token.startOffset + token.image.length },
    detail: { token: token.image },
  };
}
