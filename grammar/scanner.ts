import type { ILexingError, IToken, TokenType } from "chevrotain";
import { nonCallKeywords } from "./keywords.js";
import * as t from "./tokens.js";

/**
 * The lexer of lexer.ts written out by hand: the same tokens (image, offset, token type) and the same
 * errors for every text, without Chevrotain's start-up analysis and generic matching loop. The
 * patterns that need backtracking (numbers, dates, `now…`) reuse the token definitions' regular
 * expressions; a test checks that both lexers agree on fuzzed input.
 */
export interface ScanResult {
  readonly tokens: IToken[];
  readonly errors: ILexingError[];
}

const dateTime = sticky(t.DateTime);
const numberLiteral = sticky(t.NumberLiteral);
const invalidNumber = sticky(t.InvalidNumber);
const relativeDate = sticky(t.RelativeDate);

function sticky(type: TokenType): RegExp {
  const pattern = type.PATTERN as RegExp;
  return new RegExp(pattern.source, pattern.flags + "y");
}

const keywords: ReadonlyMap<string, TokenType> = new Map(
  [t.And, t.Or, t.Not, t.In, t.Between, t.Exists, t.Is, t.Null, t.True, t.False, t.Sort, t.By, t.Asc, t.Desc].map((type) => [type.name.toLowerCase(), type]),
);

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  DoubleQuote = 34,
  Dollar = 36,
  Ampersand = 38,
  SingleQuote = 39,
  LeftParen = 40,
  RightParen = 41,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Less = 60,
  Equals = 61,
  Greater = 62,
  LeftBracket = 91,
  Backslash = 92,
  RightBracket = 93,
  Caret = 94,
  Underscore = 95,
  Backtick = 96,
  Pipe = 124,
  Tilde = 126,
  NotEqualSign = 0x2260,
  LessOrEqualSign = 0x2264,
  GreaterOrEqualSign = 0x2265,
}

function isDigit(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}

function isWordStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === Char.Underscore;
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || isDigit(code);
}

function isSpace(code: number): boolean {
  return code === Char.Space || code === Char.Tab || code === Char.LineFeed || code === Char.CarriageReturn;
}

export function scan(text: string): ScanResult {
  const tokens: IToken[] = [];
  const errors: ILexingError[] = [];
  const length = text.length;
  let offset = 0;
  while (offset < length) {
    const end = tokenEnd(text, offset);
    if (end === -1) {
      // as Chevrotain does: drop characters until one can start a token, and report them as one error
      const start = offset;
      do offset++;
      while (offset < length && !canStartToken(text, offset));
      errors.push({ offset: start, length: offset - start, line: undefined, column: undefined, message: `unexpected character: ->${text.charAt(start)}<- at offset: ${start}, skipped ${offset - start} characters.` });
      continue;
    }
    if (scanned !== null) {
      const image = scannedImage ?? text.slice(offset, end);
      tokens.push({ image, startOffset: offset, tokenTypeIdx: scanned.tokenTypeIdx!, tokenType: scanned } as IToken);
    }
    offset = end;
  }
  return { tokens, errors };
}

/** The type of the token that tokenEnd last read; null for white space. */
let scanned: TokenType | null = null;

/** The image of that token when reading it already cut it out of the text. */
let scannedImage: string | null = null;

function token(type: TokenType, end: number, image: string | null = null): number {
  scanned = type;
  scannedImage = image;
  return end;
}

/** Reads the token at `offset` and sets `scanned` to its type; its end, or -1 when none starts there. */
function tokenEnd(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  const next = text.charCodeAt(offset + 1);
  if (isWordStart(code)) return word(text, offset);
  if (isDigit(code) || (code === Char.Minus && isDigit(next))) return number(text, offset);
  switch (code) {
    case Char.Space:
    case Char.Tab:
    case Char.LineFeed:
    case Char.CarriageReturn: {
      let end = offset + 1;
      while (end < text.length && isSpace(text.charCodeAt(end))) end++;
      scanned = null;
      scannedImage = null;
      return end;
    }
    case Char.DoubleQuote:
    case Char.SingleQuote:
      return quoted(text, offset, code, code === Char.DoubleQuote ? t.DoubleQuotedString : t.SingleQuotedString, t.UnterminatedString);
    case Char.Backtick:
      return quoted(text, offset, code, t.QuotedSegment, t.UnterminatedSegment);
    case Char.Equals:
      if (next === Char.Equals) return token(t.DoubleEquals, offset + 2);
      if (next === Char.Tilde) return token(t.RegexMatch, offset + 2);
      return token(t.Equals, offset + 1);
    case Char.Bang:
      if (next === Char.Equals) return token(t.NotEquals, offset + 2);
      if (next === Char.Tilde) return token(t.NotContains, offset + 2);
      return token(t.Bang, offset + 1);
    case Char.NotEqualSign:
      return token(t.NotEquals, offset + 1);
    case Char.Greater:
      return next === Char.Equals ? token(t.GreaterOrEqual, offset + 2) : token(t.Greater, offset + 1);
    case Char.GreaterOrEqualSign:
      return token(t.GreaterOrEqual, offset + 1);
    case Char.Less:
      return next === Char.Equals ? token(t.LessOrEqual, offset + 2) : token(t.Less, offset + 1);
    case Char.LessOrEqualSign:
      return token(t.LessOrEqual, offset + 1);
    case Char.Tilde:
      return token(t.Contains, offset + 1);
    case Char.Caret:
      return next === Char.Equals ? token(t.StartsWith, offset + 2) : -1;
    case Char.Dollar:
      return next === Char.Equals ? token(t.EndsWith, offset + 2) : -1;
    case Char.Colon:
      return token(t.Colon, offset + 1);
    case Char.Ampersand:
      return next === Char.Ampersand ? token(t.DoubleAmpersand, offset + 2) : -1;
    case Char.Pipe:
      return next === Char.Pipe ? token(t.DoublePipe, offset + 2) : -1;
    case Char.LeftParen:
      return token(t.LeftParen, offset + 1);
    case Char.RightParen:
      return token(t.RightParen, offset + 1);
    case Char.LeftBracket:
      return token(t.LeftBracket, offset + 1);
    case Char.RightBracket:
      return token(t.RightBracket, offset + 1);
    case Char.Comma:
      return token(t.Comma, offset + 1);
    case Char.Dot:
      return token(t.Dot, offset + 1);
    default:
      return -1;
  }
}

/** Where a lexing error ends: at the first character that some token pattern matches. */
function canStartToken(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  const next = text.charCodeAt(offset + 1);
  if (isWordStart(code) || isDigit(code) || isSpace(code)) return true;
  switch (code) {
    case Char.Minus:
      return isDigit(next);
    case Char.Caret:
    case Char.Dollar:
      return next === Char.Equals;
    case Char.Ampersand:
      return next === Char.Ampersand;
    case Char.Pipe:
      return next === Char.Pipe;
    case Char.DoubleQuote:
    case Char.SingleQuote:
    case Char.Backtick:
    case Char.Equals:
    case Char.Bang:
    case Char.NotEqualSign:
    case Char.Greater:
    case Char.GreaterOrEqualSign:
    case Char.Less:
    case Char.LessOrEqualSign:
    case Char.Tilde:
    case Char.Colon:
    case Char.LeftParen:
    case Char.RightParen:
    case Char.LeftBracket:
    case Char.RightBracket:
    case Char.Comma:
    case Char.Dot:
      return true;
    default:
      return false;
  }
}

/** A call name, `now…`, a keyword or an identifier, in the order tokens.ts lists them. */
function word(text: string, offset: number): number {
  let end = offset + 1;
  let upper = isUpper(text.charCodeAt(offset));
  for (let code = text.charCodeAt(end); isWordPart(code); code = text.charCodeAt(++end)) upper ||= isUpper(code);
  // most words are neither keywords nor calls: only short ones are looked up
  const lower = end - offset <= 7 || text.charCodeAt(end) === Char.LeftParen ? (upper ? text.slice(offset, end).toLowerCase() : text.slice(offset, end)) : "";
  if (text.charCodeAt(end) === Char.LeftParen && !nonCallKeywords.has(lower)) return token(t.CallName, end);
  if (lower.charCodeAt(0) === 110 /* n */) {
    relativeDate.lastIndex = offset;
    if (relativeDate.test(text)) return token(t.RelativeDate, relativeDate.lastIndex);
  }
  // a keyword's pattern matches a prefix of the word, and the longer identifier wins unless it is the whole word
  return token(keywords.get(lower) ?? t.Identifier, end, upper || lower === "" ? null : lower);
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function number(text: string, offset: number): number {
  const plain = plainNumberEnd(text, offset);
  if (plain !== -1) return token(t.NumberLiteral, plain);
  dateTime.lastIndex = offset;
  if (dateTime.test(text)) return token(t.DateTime, dateTime.lastIndex);
  numberLiteral.lastIndex = offset;
  if (numberLiteral.test(text)) return token(t.NumberLiteral, numberLiteral.lastIndex);
  invalidNumber.lastIndex = offset;
  if (invalidNumber.test(text)) return token(t.InvalidNumber, invalidNumber.lastIndex);
  return -1;
}

/**
 * The end of a number without exponent (`-12`, `0.8`) that NumberLiteral's pattern would match and
 * DateTime's would not, read without a regular expression; -1 for anything else, left to the patterns.
 */
function plainNumberEnd(text: string, offset: number): number {
  let i = text.charCodeAt(offset) === Char.Minus ? offset + 1 : offset;
  const digitsStart = i;
  while (isDigit(text.charCodeAt(i))) i++;
  // four digits and a dash may start a date
  if (i - digitsStart === 4 && text.charCodeAt(i) === Char.Minus) return -1;
  if (text.charCodeAt(i) === Char.Dot && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const next = text.charCodeAt(i);
  return isWordPart(next) || next === Char.Dot ? -1 : i;
}

/** A quoted string or segment: backslash escapes any character; without its closing quote it runs to the end. */
function quoted(text: string, offset: number, quote: number, closed: TokenType, unterminated: TokenType): number {
  let i = offset + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === quote) return token(closed, i + 1);
    if (code === Char.Backslash) {
      if (i + 1 >= text.length) break;
      i += 2;
    } else {
      i++;
    }
  }
  return token(unterminated, text.length);
}
