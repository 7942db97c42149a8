import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import * as t from "../../grammar/tokens.js";
import type { Span } from "../span.js";
import type { ComparisonOperator, Expression, FieldPath, FieldSegment, ListLiteral, Literal, Query, SortKey, Value } from "./ast.js";
import { unescapeBody } from "./unescape.js";
import type { Problem } from "../diagnostics/diagnostic.js";

/**
 * The grammar of grammar/README.md as a recursive descent over the tokens, for the common case of a
 * query without a mistake: it builds the same AST as the Chevrotain parser and the AST builder, and
 * gives up (null) at the first token that either would report, so that they report it. It makes the
 * same choices as the Chevrotain parser wherever a query is well formed; a test checks both agree.
 */
export function parseWellFormed(text: string, tokens: readonly IToken[]): Query | null {
  const parser = new WellFormedParser(text, tokens);
  try {
    return parser.query();
  } catch (error) {
    if (error === giveUp) return null;
    throw error;
  }
}

const giveUp = new Error("not well formed");

/** Indexed by token type index: whether a token of that type matches any of `types` (categories included). */
function membership(...types: TokenType[]): readonly boolean[] {
  const table: boolean[] = [];
  for (const type of t.allTokens) {
    const index = type.tokenTypeIdx!;
    table[index] = types.some((wanted) => tokenMatcher({ tokenTypeIdx: index, tokenType: type } as IToken, wanted));
  }
  return Array.from(table, (member) => member === true);
}

const isOr = membership(t.Or);
const isAnd = membership(t.And);
const isComparisonOperator = membership(t.ComparisonOperator);
const isLiteralValue = membership(t.LiteralValue);
const isStandaloneLiteral = membership(t.StandaloneLiteral);
const isFieldSegment = membership(t.FieldSegment);
const isDirection = membership(t.Direction);
const startsUnary = membership(t.Not, t.Bang, t.LeftParen, t.CallName, t.FieldSegment, t.StandaloneLiteral);

const comparisonOperators: ReadonlyMap<TokenType, ComparisonOperator> = new Map([
  [t.Equals, "="],
  [t.DoubleEquals, "="],
  [t.Colon, "="],
  [t.NotEquals, "!="],
  [t.Greater, ">"],
  [t.GreaterOrEqual, ">="],
  [t.Less, "<"],
  [t.LessOrEqual, "<="],
  [t.Contains, "~"],
  [t.NotContains, "!~"],
  [t.StartsWith, "^="],
  [t.EndsWith, "$="],
  [t.RegexMatch, "=~"],
]);

/** Escapes are reported from the tokens (lexical-problems.ts); a query with any never comes here. */
const discarded: Problem[] = [];

/** An expression with the span it occupies in its parent, parentheses included. */
interface Placed {
  readonly expression: Expression;
  readonly outer: Span;
}

const endOfInput = { image: "", startOffset: NaN, tokenTypeIdx: -1, tokenType: undefined } as unknown as IToken;

class WellFormedParser {
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly IToken[],
  ) {}

  query(): Query {
    const filter = startsUnary[this.peek().tokenTypeIdx] === true ? this.orExpression().expression : null;
    const sort = this.peek().tokenType === t.Sort ? this.sortClause() : [];
    if (this.next !== this.tokens.length) throw giveUp;
    return { kind: "query", filter, sort, span: { start: 0, end: this.text.length } };
  }

  private orExpression(): Placed {
    const first = this.andExpression();
    if (isOr[this.peek().tokenTypeIdx] !== true) return first;
    const operands = [first];
    while (isOr[this.peek().tokenTypeIdx] === true) {
      this.next++;
      operands.push(this.andExpression());
    }
    return chain("or", operands);
  }

  private andExpression(): Placed {
    const first = this.unary();
    let operands: Placed[] | null = null;
    for (;;) {
      const index = this.peek().tokenTypeIdx;
      if (isAnd[index] === true) this.next++;
      else if (startsUnary[index] !== true) break;
      (operands ??= [first]).push(this.unary());
    }
    return operands === null ? first : chain("and", operands);
  }

  private unary(): Placed {
    const keyword = this.peek();
    if (keyword.tokenType === t.Not || keyword.tokenType === t.Bang) {
      this.next++;
      const operand = this.unary();
      const span = { start: keyword.startOffset, end: operand.outer.end };
      return { expression: { kind: "not", operand: operand.expression, keywordSpan: tokenSpan(keyword), span }, outer: span };
    }
    return this.primary();
  }

  private primary(): Placed {
    const token = this.peek();
    if (token.tokenType === t.LeftParen) {
      this.next++;
      const inner = this.orExpression();
      const close = this.expect(t.RightParen);
      return { expression: inner.expression, outer: { start: token.startOffset, end: tokenEnd(close) } };
    }
    if (token.tokenType === t.CallName) return place(this.call());
    if (isFieldSegment[token.tokenTypeIdx] === true) return place(this.fieldExpression());
    if (isStandaloneLiteral[token.tokenTypeIdx] === true) {
      this.next++;
      const literal = this.literal(token);
      return place({ kind: "term", value: literal, span: literal.span });
    }
    throw giveUp;
  }

  private call(): Expression {
    const name = this.expect(t.CallName);
    this.expect(t.LeftParen);
    const field = this.field();
    let argument: Value | null = null;
    const next = this.peek();
    if (next.tokenType === t.Comma) {
      this.next++;
      argument = this.value();
    } else if (next.tokenType === t.LeftBracket || isLiteralValue[next.tokenTypeIdx] === true) {
      // a value without its comma: the AST builder reports it
      throw giveUp;
    }
    const close = this.expect(t.RightParen);
    return { kind: "call", name: name.image, nameSpan: tokenSpan(name), field, argument, span: { start: name.startOffset, end: tokenEnd(close) } };
  }

  private fieldExpression(): Expression {
    const field = this.field();
    const token = this.peek();
    // `sports not depth = 1` is a term and a negation: only `not in` continues a comparison
    const type = token.tokenType;
    const continues =
      isComparisonOperator[token.tokenTypeIdx] === true ||
      type === t.In ||
      type === t.Between ||
      type === t.Exists ||
      type === t.Is ||
      (type === t.Not && this.peek(1).tokenType === t.In);
    if (continues) return this.comparison(field);
    const only = field.segments[0]!;
    if (field.segments.length !== 1 || only.quoted) throw giveUp;
    const word: Literal = { kind: "string", value: only.name, quote: null, span: only.span };
    return { kind: "term", value: word, span: word.span };
  }

  private comparison(field: FieldPath): Expression {
    const token = this.peek();
    this.next++;
    const written = comparisonOperators.get(token.tokenType);
    if (written !== undefined || token.tokenType === t.Not || token.tokenType === t.In) {
      const negated = token.tokenType === t.Not;
      const last = negated ? this.expect(t.In) : token;
      const value = this.value();
      return {
        kind: "comparison",
        field,
        operator: written ?? (negated ? "not in" : "in"),
        operatorSpan: { start: token.startOffset, end: tokenEnd(last) },
        value,
        span: { start: field.span.start, end: value.span.end },
      };
    }
    if (token.tokenType === t.Between) {
      const low = this.literal(this.expect(isLiteralValue));
      // a missing `and` is the AST builder's to report
      this.expect(isAnd);
      const high = this.literal(this.expect(isLiteralValue));
      return { kind: "between", field, operatorSpan: tokenSpan(token), low, high, span: { start: field.span.start, end: high.span.end } };
    }
    if (token.tokenType === t.Exists) {
      return { kind: "exists", field, operatorSpan: tokenSpan(token), span: { start: field.span.start, end: tokenEnd(token) } };
    }
    // `is`, `is not`
    const negated = this.peek().tokenType === t.Not;
    if (negated) this.next++;
    const nullToken = this.expect(t.Null);
    return {
      kind: "is-null",
      field,
      negated,
      operatorSpan: { start: token.startOffset, end: tokenEnd(nullToken) },
      span: { start: field.span.start, end: tokenEnd(nullToken) },
    };
  }

  private value(): Value {
    const token = this.peek();
    if (token.tokenType === t.LeftBracket) return this.list();
    if (isLiteralValue[token.tokenTypeIdx] !== true) throw giveUp;
    this.next++;
    return this.literal(token);
  }

  /** `[]` or values separated by single commas; the AST builder reports any other order. */
  private list(): ListLiteral {
    const open = this.expect(t.LeftBracket);
    const items: Literal[] = [];
    if (this.peek().tokenType !== t.RightBracket) {
      items.push(this.literal(this.expect(isLiteralValue)));
      while (this.peek().tokenType === t.Comma) {
        this.next++;
        items.push(this.literal(this.expect(isLiteralValue)));
      }
    }
    const close = this.expect(t.RightBracket);
    return { kind: "list", items, span: { start: open.startOffset, end: tokenEnd(close) } };
  }

  private literal(token: IToken): Literal {
    const span = tokenSpan(token);
    const image = token.image;
    switch (token.tokenType) {
      case t.Identifier:
        return { kind: "string", value: image, quote: null, span };
      case t.DoubleQuotedString:
      case t.SingleQuotedString:
        return { kind: "string", value: this.unescaped(span, false), quote: image[0] === "'" ? "'" : '"', span };
      case t.NumberLiteral: {
        const value = Number(image);
        if (!Number.isFinite(value)) throw giveUp;
        return { kind: "number", value, raw: image, span };
      }
      case t.DateTime:
        return { kind: "date", raw: image, span };
      case t.RelativeDate:
        return { kind: "relative-date", raw: image, span };
      case t.True:
      case t.False:
        return { kind: "boolean", value: token.tokenType === t.True, span };
      case t.Null:
        return { kind: "null", span };
      default:
        throw giveUp;
    }
  }

  private field(): FieldPath {
    const segments = [this.segment(this.expect(isFieldSegment))];
    while (this.peek().tokenType === t.Dot) {
      this.next++;
      segments.push(this.segment(this.expect(isFieldSegment)));
    }
    return { kind: "field", segments, span: { start: segments[0]!.span.start, end: segments[segments.length - 1]!.span.end } };
  }

  private segment(token: IToken): FieldSegment {
    const span = tokenSpan(token);
    if (token.tokenType === t.Identifier) return { name: token.image, quoted: false, span };
    if (token.tokenType === t.QuotedSegment) return { name: this.unescaped(span, true), quoted: true, span };
    throw giveUp;
  }

  private sortClause(): SortKey[] {
    this.expect(t.Sort);
    if (this.peek().tokenType === t.By) this.next++;
    const keys = [this.sortKey()];
    while (this.peek().tokenType === t.Comma) {
      this.next++;
      keys.push(this.sortKey());
    }
    return keys;
  }

  private sortKey(): SortKey {
    const field = this.field();
    const token = this.peek();
    if (isDirection[token.tokenTypeIdx] !== true) return { kind: "sort-key", field, direction: null, span: field.span };
    this.next++;
    return { kind: "sort-key", field, direction: token.tokenType === t.Desc ? "desc" : "asc", span: { start: field.span.start, end: tokenEnd(token) } };
  }

  private unescaped(span: Span, segment: boolean): string {
    return unescapeBody(this.text, span.start + 1, span.end - 1, segment, discarded);
  }

  private peek(ahead = 0): IToken {
    return this.tokens[this.next + ahead] ?? endOfInput;
  }

  /** The next token, which must be of `type` (or, given a membership table, of one of its types). */
  private expect(type: TokenType | readonly boolean[]): IToken {
    const token = this.peek();
    if (Array.isArray(type) ? type[token.tokenTypeIdx] !== true : token.tokenType !== type) throw giveUp;
    this.next++;
    return token;
  }
}

function chain(kind: "and" | "or", operands: readonly Placed[]): Placed {
  const span = { start: operands[0]!.outer.start, end: operands[operands.length - 1]!.outer.end };
  return { expression: { kind, operands: operands.map((operand) => operand.expression), span }, outer: span };
}

function place(expression: Expression): Placed {
  return { expression, outer: expression.span };
}

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: tokenEnd(token) };
}
