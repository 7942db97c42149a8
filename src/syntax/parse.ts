import type { IRecognitionException, IToken } from "chevrotain";
import { parseTokens } from "../../grammar/parser.js";
import { scan } from "../../grammar/scanner.js";
import type { Fix, Problem } from "../diagnostics/diagnostic.js";
import type { Span } from "../span.js";
import type { Query } from "./ast.js";
import { AstBuilder } from "./build-ast.js";
import { findTooDeep } from "./nesting-depth.js";
import { keywords } from "../../grammar/keywords.js";
import { Comma, Identifier, LeftParen, RightParen } from "../../grammar/tokens.js";
import { isOperatorName } from "../operators.js";
import { lexicalProblems } from "./lexical-problems.js";
import { normalizeLookalikes } from "./normalize-lookalikes.js";
import { parseWellFormed } from "./parse-well-formed.js";
import { suggest } from "../check/suggest.js";

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
  return parse(text, limits, true);
}

/** `parseQuery` with every query through the Chevrotain parser: what the fast path must agree with. */
export function parseQueryWithChevrotain(text: string, limits: SyntaxLimits = defaultSyntaxLimits): ParseResult {
  return parse(text, limits, false);
}

function parse(text: string, limits: SyntaxLimits, fast: boolean): ParseResult {
  const empty: Query = { kind: "query", filter: null, sort: [], span: { start: 0, end: text.length } };
  if (text.length > limits.maxLength) {
    return { query: empty, problems: [{ code: "too-long", span: { start: 0, end: text.length }, detail: { limit: String(limits.maxLength) } }] };
  }
  const normalized = normalizeLookalikes(text);
  const problems: Problem[] = [...normalized.problems];
  const read = normalized.text;
  const lexed = scan(read);
  for (const error of lexed.errors) reportInvalidCharacters(read, error.offset, error.length, problems);

  const before = problems.length;
  // read off the tokens, so they are reported even when the nesting is refused below
  lexicalProblems(read, lexed.tokens, problems);

  const tooDeep = findTooDeep(lexed.tokens, Math.min(limits.maxDepth, hardMaxDepth));
  if (tooDeep) {
    problems.push({ code: "too-deep", span: tooDeep, detail: { limit: String(Math.min(limits.maxDepth, hardMaxDepth)) } });
    return { query: empty, problems };
  }

  if (fast && lexed.errors.length === 0 && problems.length === before) {
    // the common case, a query without a mistake, skips the Chevrotain parser and its recovery
    const query = parseWellFormed(read, lexed.tokens);
    if (query !== null) return { query, problems };
  }
  // an unterminated string runs to the end, so the parser's complaint about the end adds nothing
  const endsInString = problems.some((problem) => problem.code === "unterminated-string");
  const tree = parseTokens(lexed.tokens);
  const seen = new Set<string>();
  for (const error of tree.errors) {
    const problem = syntaxProblem(read, error, lexed.tokens, limits);
    if (endsInString && problem.code === "unexpected-end") continue;
    const key = `${problem.code}:${problem.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  const query = new AstBuilder(read, problems).query(tree.cst);
  const spaced = spacedCallProblems(read, lexed.tokens, tree.errors);
  if (spaced.length === 0) return { query, problems };
  // the call written with a space is one mistake: what the parser and builder made of its group goes
  const inside = (problem: Problem): boolean => spaced.some(({ group }) => problem.span.start >= group.start && problem.span.start < group.end);
  return {
    query: { ...query, filter: null },
    problems: [...problems.filter((problem) => !inside(problem)), ...spaced.map(({ problem }) => problem)],
  };
}

function spacedCallProblems(text: string, tokens: readonly IToken[], errors: readonly IRecognitionException[]): { problem: Problem; group: Span }[] {
  const found: { problem: Problem; group: Span }[] = [];
  for (const error of errors) {
    const index = tokens.indexOf(error.token);
    const call = spacedCallBefore(text, tokens, index);
    if (!call || found.some(({ group }) => group.start === call.group.start)) continue;
    found.push({
      problem: { code: "unexpected-token", span: tokenSpan(error.token), detail: { token: error.token.image, hint: `a call's name is glued to its (: write ${call.name}(` }, fix: call.fix },
      group: call.group,
    });
  }
  return found;
}

/** True when the text has no syntax error (the catalogue is not consulted). */
function parsesCleanly(text: string, limits: SyntaxLimits): boolean {
  if (text.length > limits.maxLength) return false;
  const lexed = scan(text);
  if (lexed.errors.length > 0 || findTooDeep(lexed.tokens, Math.min(limits.maxDepth, hardMaxDepth))) return false;
  const tree = parseTokens(lexed.tokens);
  if (tree.errors.length > 0) return false;
  const problems: Problem[] = [];
  lexicalProblems(text, lexed.tokens, problems);
  new AstBuilder(text, problems).query(tree.cst);
  return problems.length === 0;
}

const closers: Readonly<Record<string, string>> = { "(": ")", "[": "]" };

/**
 * How to finish an unfinished query so that it parses: close its open brackets, after a
 * placeholder value or the rest of a `between` where one is missing; failing that, drop its
 * dangling last token.
 */
function completion(text: string, tokens: readonly IToken[], limits: SyntaxLimits): Fix | null {
  const open: string[] = [];
  for (const token of tokens) {
    const image = token.image;
    if (image === "(" || image === "[") open.push(closers[image]!);
    else if ((image === ")" || image === "]") && open[open.length - 1] === image) open.pop();
  }
  const closing = open.reverse().join("");
  const gap = text === "" || /\s$/.test(text) ? "" : " ";
  for (const filler of ["", `${gap}""`, `${gap}and ""`]) {
    const replacement = filler + closing;
    if (parsesCleanly(text + replacement, limits)) return { start: text.length, end: text.length, replacement };
  }
  const last = tokens[tokens.length - 1];
  if (last && parsesCleanly(text.slice(0, last.startOffset) + closing, limits)) {
    return { start: last.startOffset, end: text.length, replacement: closing };
  }
  return null;
}

function reportInvalidCharacters(text: string, offset: number, length: number, problems: Problem[]): void {
  for (let i = offset; i < offset + length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    problems.push({ code: "invalid-character", span: { start: i, end: i + width }, detail: { character: String.fromCodePoint(codePoint) } });
    i += width;
  }
}

function syntaxProblem(text: string, error: IRecognitionException, tokens: readonly IToken[], limits: SyntaxLimits): Problem {
  const token: IToken = error.token;
  if (token.tokenType.name === "EOF" || !Number.isFinite(token.startOffset)) {
    const fix = completion(text, tokens, limits);
    return { code: "unexpected-end", span: { start: text.length, end: text.length }, ...(fix !== null && { fix }) };
  }
  const span = tokenSpan(token);
  const index = tokens.indexOf(token);
  // the word at fault may be the one before: `srot by depth` stumbles only at `by`
  const misspelt = [token, tokens[index - 1]].find((candidate) => candidate !== undefined && keywordFor(candidate) !== null);
  const keyword = misspelt ? keywordFor(misspelt) : null;
  return {
    code: "unexpected-token",
    span,
    detail: { token: token.image, ...(keyword !== null && { suggestion: keyword }) },
    ...(misspelt && keyword !== null && { fix: { ...tokenSpan(misspelt), replacement: keyword } }),
  };
}

/**
 * `text (node_description, "x")`: a comma inside a group whose `(` follows an operator's name after a
 * space is a call written with a space, which makes it a word and a group.
 */
function spacedCallBefore(text: string, tokens: readonly IToken[], index: number): { name: string; fix: Fix; group: Span } | null {
  if (tokens[index]?.tokenType !== Comma) return null;
  let depth = 0;
  for (let i = index - 1; i > 0; i--) {
    const type = tokens[i]!.tokenType;
    if (type === RightParen) depth++;
    else if (type === LeftParen && depth > 0) depth--;
    else if (type === LeftParen) {
      const name = tokens[i - 1]!;
      const open = tokens[i]!.startOffset;
      const gapStart = name.startOffset + name.image.length;
      if (name.tokenType !== Identifier || !isOperatorName(name.image) || gapStart === open) return null;
      return { name: name.image, fix: { start: gapStart, end: open, replacement: "" }, group: { start: name.startOffset, end: groupEnd(text, tokens, i) } };
    }
  }
  return null;
}

/** Where the group opened by the `(` at `open` closes (after its `)`), or the end of the text. */
function groupEnd(text: string, tokens: readonly IToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === LeftParen) depth++;
    else if (type === RightParen && --depth === 0) return tokens[i]!.startOffset + 1;
  }
  return text.length;
}

const keywordAliases: Readonly<Record<string, string>> = { ascending: "asc", descending: "desc", orderby: "sort", order: "sort" };

/** The keyword a word was probably meant to be. */
export function keywordFor(token: IToken): string | null {
  if (token.tokenType.name !== "Identifier") return null;
  const word = token.image.toLowerCase();
  return Object.hasOwn(keywordAliases, word) ? keywordAliases[word]! : suggest(token.image, keywords);
}

function tokenSpan(token: IToken): { start: number; end: number } {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
