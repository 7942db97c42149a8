import { createToken, Lexer, type TokenType } from "chevrotain";
import { nonCallKeywords } from "./keywords.js";

const identifierStart = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"];
const digits = [..."0123456789"];

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });

// categories: the parser consumes a category where any of its members will do
export const ComparisonOperator = createToken({ name: "ComparisonOperator", pattern: Lexer.NA });
export const LiteralValue = createToken({ name: "LiteralValue", pattern: Lexer.NA });
export const StandaloneLiteral = createToken({ name: "StandaloneLiteral", pattern: Lexer.NA });
export const FieldSegment = createToken({ name: "FieldSegment", pattern: Lexer.NA });
export const Direction = createToken({ name: "Direction", pattern: Lexer.NA });

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [LiteralValue, FieldSegment],
});

const callNamePattern = /[A-Za-z_][A-Za-z0-9_]*(?=\()/y;

export const CallName = createToken({
  name: "CallName",
  pattern: {
    exec(text: string, offset: number) {
      callNamePattern.lastIndex = offset;
      const match = callNamePattern.exec(text);
      return match && !nonCallKeywords.has(match[0].toLowerCase()) ? match : null;
    },
  },
  line_breaks: false,
  start_chars_hint: identifierStart,
});

function keyword(word: string, categories: TokenType[] = []): TokenType {
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word, "i"),
    longer_alt: Identifier,
    categories,
  });
}

export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const In = keyword("in");
export const Between = keyword("between");
export const Exists = keyword("exists");
export const Is = keyword("is");
export const Null = keyword("null", [LiteralValue]);
export const True = keyword("true", [LiteralValue]);
export const False = keyword("false", [LiteralValue]);
export const Sort = keyword("sort");
export const By = keyword("by");
export const Asc = keyword("asc", [Direction]);
export const Desc = keyword("desc", [Direction]);

/**
 * `now` with the signs, digits and letters glued to it (`now-7d`, `now-1y`): one literal, checked
 * later; it ends at any other character (`now-7d_x` is `now-7d`, then `_x`). A bare `now` followed
 * by a letter, digit or `_` is the start of an identifier (`nowhere`).
 */
export const RelativeDate = createToken({
  name: "RelativeDate",
  pattern: /now(?:[+-][+\-0-9A-Za-z]*|(?![A-Za-z0-9_]))/i,
  categories: [LiteralValue, StandaloneLiteral],
  start_chars_hint: ["n", "N"],
});

export const DoubleQuotedString = createToken({
  name: "DoubleQuotedString",
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  categories: [LiteralValue, StandaloneLiteral],
  line_breaks: true,
});
export const SingleQuotedString = createToken({
  name: "SingleQuotedString",
  pattern: /'(?:[^'\\]|\\[\s\S])*'/,
  categories: [LiteralValue, StandaloneLiteral],
  line_breaks: true,
});
/** A quote with no closing quote after it: the string runs to the end of the input. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /["'][\s\S]*/,
  categories: [LiteralValue, StandaloneLiteral],
  line_breaks: true,
});

export const QuotedSegment = createToken({
  name: "QuotedSegment",
  pattern: /`(?:[^`\\]|\\[\s\S])*`/,
  categories: [FieldSegment],
  line_breaks: true,
});
export const UnterminatedSegment = createToken({
  name: "UnterminatedSegment",
  pattern: /`[\s\S]*/,
  categories: [FieldSegment],
  line_breaks: true,
});

/** `2024-01-01` and `2024-01-01T10:00:00.250+02:00`, with anything glued on: checked later. */
export const DateTime = createToken({
  name: "DateTime",
  pattern: /\d{4}-\d{2}-\d{2}[0-9A-Za-z_:.+-]*/,
  categories: [LiteralValue, StandaloneLiteral],
  start_chars_hint: digits,
});
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![A-Za-z0-9_.])/,
  categories: [LiteralValue, StandaloneLiteral],
  start_chars_hint: ["-", ...digits],
});
/** A run that starts like a number but is none: `0A0`, `1_000`, `5.`, `1e+`. */
export const InvalidNumber = createToken({
  name: "InvalidNumber",
  pattern: /-?\d(?:[eE][+-]|[A-Za-z0-9_.])*/,
  categories: [LiteralValue, StandaloneLiteral],
  start_chars_hint: ["-", ...digits],
});

function operator(name: string, pattern: string | RegExp, categories: TokenType[] = [ComparisonOperator]): TokenType {
  return createToken({ name, pattern, categories });
}

export const DoubleEquals = operator("DoubleEquals", "==");
export const RegexMatch = operator("RegexMatch", "=~");
export const Equals = operator("Equals", "=");
export const NotEquals = operator("NotEquals", /!=|≠/);
export const NotContains = operator("NotContains", "!~");
export const Bang = operator("Bang", "!", []);
export const GreaterOrEqual = operator("GreaterOrEqual", />=|≥/);
export const Greater = operator("Greater", ">");
export const LessOrEqual = operator("LessOrEqual", /<=|≤/);
export const Less = operator("Less", "<");
export const Contains = operator("Contains", "~");
export const StartsWith = operator("StartsWith", "^=");
export const EndsWith = operator("EndsWith", "$=");
export const Colon = operator("Colon", ":");
export const DoubleAmpersand = operator("DoubleAmpersand", "&&", [And]);
export const DoublePipe = operator("DoublePipe", "||", [Or]);
export const LeftParen = operator("LeftParen", "(", []);
export const RightParen = operator("RightParen", ")", []);
export const LeftBracket = operator("LeftBracket", "[", []);
export const RightBracket = operator("RightBracket", "]", []);
export const Comma = operator("Comma", ",", []);
export const Dot = operator("Dot", ".", []);

/** In matching order: the first pattern that matches wins. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  DoubleQuotedString,
  SingleQuotedString,
  UnterminatedString,
  QuotedSegment,
  UnterminatedSegment,
  DateTime,
  NumberLiteral,
  InvalidNumber,
  CallName,
  RelativeDate,
  And,
  Or,
  Not,
  In,
  Between,
  Exists,
  Is,
  Null,
  True,
  False,
  Sort,
  By,
  Asc,
  Desc,
  Identifier,
  DoubleEquals,
  RegexMatch,
  Equals,
  NotEquals,
  NotContains,
  Bang,
  GreaterOrEqual,
  Greater,
  LessOrEqual,
  Less,
  Contains,
  StartsWith,
  EndsWith,
  Colon,
  DoubleAmpersand,
  DoublePipe,
  LeftParen,
  RightParen,
  LeftBracket,
  RightBracket,
  Comma,
  Dot,
  ComparisonOperator,
  LiteralValue,
  StandaloneLiteral,
  FieldSegment,
  Direction,
];
