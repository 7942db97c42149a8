import type { CstNode, IToken } from "chevrotain";
import type { Problem } from "../diagnostics/diagnostic.js";
import type { Span } from "../span.js";
import type {
  ComparisonOperator,
  Expression,
  FieldPath,
  FieldSegment,
  ListLiteral,
  Literal,
  Query,
  SortDirection,
  SortKey,
  Value,
} from "./ast.js";
import { unescapeBody } from "./unescape.js";

const comparisonOperators: Readonly<Record<string, ComparisonOperator>> = {
  Equals: "=",
  DoubleEquals: "=",
  Colon: "=",
  NotEquals: "!=",
  Greater: ">",
  GreaterOrEqual: ">=",
  Less: "<",
  LessOrEqual: "<=",
  Contains: "~",
  NotContains: "!~",
  StartsWith: "^=",
  EndsWith: "$=",
  RegexMatch: "=~",
};

type Children = CstNode["children"];

/** Lexical problems are reported from the tokens (see lexical-problems.ts), never twice. */
const discarded: Problem[] = [];

/** An expression with the span it occupies in its parent, parentheses included. */
interface Placed {
  readonly expression: Expression;
  readonly outer: Span;
}

/**
 * Turns the concrete syntax tree into the AST. Parts that error recovery left incomplete are
 * dropped: the parser has already reported them.
 */
export class AstBuilder {
  constructor(
    private readonly text: string,
    private readonly problems: Problem[],
  ) {}

  query(node: CstNode): Query {
    const filter = this.child(node.children, "orExpression");
    const sortClause = this.child(node.children, "sortClause");
    return {
      kind: "query",
      filter: filter ? (this.orExpression(filter)?.expression ?? null) : null,
      sort: sortClause ? this.sortClause(sortClause) : [],
      span: { start: 0, end: this.text.length },
    };
  }

  private orExpression(node: CstNode): Placed | null {
    return this.chain("or", this.nodes(node.children, "andExpression").map((operand) => this.andExpression(operand)));
  }

  private andExpression(node: CstNode): Placed | null {
    return this.chain("and", this.nodes(node.children, "unary").map((operand) => this.unary(operand)));
  }

  private chain(kind: "and" | "or", built: (Placed | null)[]): Placed | null {
    const operands = built.filter((operand): operand is Placed => operand !== null);
    const first = operands[0];
    const last = operands[operands.length - 1];
    if (!first || !last) return null;
    if (operands.length === 1) return first;
    const span = { start: first.outer.start, end: last.outer.end };
    return { expression: { kind, operands: operands.map((operand) => operand.expression), span }, outer: span };
  }

  private unary(node: CstNode): Placed | null {
    const keyword = this.token(node.children, "Not") ?? this.token(node.children, "Bang");
    if (keyword) {
      const inner = this.child(node.children, "unary");
      const operand = inner ? this.unary(inner) : null;
      if (!operand) return null;
      const span = { start: keyword.startOffset, end: operand.outer.end };
      return { expression: { kind: "not", operand: operand.expression, keywordSpan: tokenSpan(keyword), span }, outer: span };
    }
    const primary = this.child(node.children, "primary");
    return primary ? this.primary(primary) : null;
  }

  private primary(node: CstNode): Placed | null {
    const c = node.children;
    const group = this.child(c, "group");
    if (group) {
      const open = this.token(group.children, "LeftParen");
      const close = this.token(group.children, "RightParen");
      const innerNode = this.child(group.children, "orExpression");
      const inner = innerNode ? this.orExpression(innerNode) : null;
      if (!inner || !open || !close) return inner;
      return { expression: inner.expression, outer: { start: open.startOffset, end: tokenEnd(close) } };
    }
    const call = this.child(c, "call");
    if (call) return place(this.call(call));
    const fieldExpression = this.child(c, "fieldExpression");
    if (fieldExpression) return place(this.fieldExpression(fieldExpression));
    const literalToken = this.token(c, "StandaloneLiteral");
    const literal = literalToken ? this.literal(literalToken) : null;
    return literal ? place({ kind: "term", value: literal, span: literal.span }) : null;
  }

  private call(node: CstNode): Expression | null {
    const c = node.children;
    const name = this.token(c, "CallName");
    const fieldNode = this.child(c, "field");
    const close = this.token(c, "RightParen");
    const field = fieldNode ? this.field(fieldNode) : null;
    if (!name || !field || !close) return null;
    const valueNode = this.child(c, "value");
    const argument = valueNode ? this.value(valueNode) : null;
    if (valueNode && !argument) return null;
    if (argument && !this.token(c, "Comma")) {
      this.missing(",", argument.span);
      return null;
    }
    return {
      kind: "call",
      name: name.image,
      nameSpan: tokenSpan(name),
      field,
      argument,
      span: { start: name.startOffset, end: tokenEnd(close) },
    };
  }

  private fieldExpression(node: CstNode): Expression | null {
    const fieldNode = this.child(node.children, "field");
    const field = fieldNode ? this.field(fieldNode) : null;
    if (!field) return null;
    const tail = this.child(node.children, "comparisonTail");
    if (tail) return this.comparison(field, tail);
    const only = field.segments[0];
    if (field.segments.length === 1 && only && !only.quoted) {
      const word: Literal = { kind: "string", value: only.name, quote: null, span: only.span };
      return { kind: "term", value: word, span: word.span };
    }
    this.problems.push({ code: "missing-operator", span: field.span });
    return null;
  }

  private comparison(field: FieldPath, node: CstNode): Expression | null {
    const c = node.children;
    const operatorToken = this.token(c, "ComparisonOperator");
    const inToken = this.token(c, "In");
    if (operatorToken || inToken) {
      const valueNode = this.child(c, "value");
      const value = valueNode ? this.value(valueNode) : null;
      if (!value) return null;
      const notToken = this.token(c, "Not");
      const operator: ComparisonOperator | undefined = operatorToken
        ? comparisonOperators[operatorToken.tokenType.name]
        : notToken
          ? "not in"
          : "in";
      if (!operator) return null;
      const first = operatorToken ?? notToken ?? inToken!;
      const last = operatorToken ?? inToken!;
      return {
        kind: "comparison",
        field,
        operator,
        operatorSpan: { start: first.startOffset, end: tokenEnd(last) },
        value,
        span: { start: field.span.start, end: value.span.end },
      };
    }
    const between = this.token(c, "Between");
    if (between) {
      const [lowToken, highToken] = this.tokens(c, "LiteralValue");
      const low = lowToken ? this.literal(lowToken) : null;
      const high = highToken ? this.literal(highToken) : null;
      if (!low || !high) return null;
      if (!this.token(c, "And")) {
        this.missing("and", high.span);
        return null;
      }
      const span = { start: field.span.start, end: high.span.end };
      return { kind: "between", field, operatorSpan: tokenSpan(between), low, high, span };
    }
    const exists = this.token(c, "Exists");
    if (exists) return { kind: "exists", field, operatorSpan: tokenSpan(exists), span: { start: field.span.start, end: tokenEnd(exists) } };
    const is = this.token(c, "Is");
    const nullToken = this.token(c, "Null");
    if (is && nullToken) {
      return {
        kind: "is-null",
        field,
        negated: this.token(c, "Not") !== undefined,
        operatorSpan: { start: is.startOffset, end: tokenEnd(nullToken) },
        span: { start: field.span.start, end: tokenEnd(nullToken) },
      };
    }
    return null;
  }

  private value(node: CstNode): Value | null {
    const listNode = this.child(node.children, "list");
    if (listNode) return this.list(listNode);
    const token = this.token(node.children, "LiteralValue");
    return token ? this.literal(token) : null;
  }

  private list(node: CstNode): ListLiteral | null {
    const open = this.token(node.children, "LeftBracket");
    const close = this.token(node.children, "RightBracket");
    if (!open || !close) return null;
    const parts = [...this.tokens(node.children, "LiteralValue"), ...this.tokens(node.children, "Comma")].sort((a, b) => a.startOffset - b.startOffset);
    const items: Literal[] = [];
    let expectValue = true;
    let complete = true;
    for (const part of parts) {
      const isComma = part.tokenType.name === "Comma";
      if (isComma === expectValue) {
        this.problems.push({ code: "unexpected-token", span: tokenSpan(part), detail: { token: part.image, hint: isComma ? "a value goes here" : "a comma goes before this value" } });
        complete = false;
        if (isComma) continue;
      }
      expectValue = isComma;
      if (isComma) continue;
      const item = this.literal(part);
      if (item) items.push(item);
      else complete = false;
    }
    if (expectValue && parts.length > 0) {
      const last = parts[parts.length - 1]!;
      this.problems.push({ code: "unexpected-token", span: tokenSpan(last), detail: { token: last.image, hint: "a value goes after this comma" } });
      complete = false;
    }
    return complete ? { kind: "list", items, span: { start: open.startOffset, end: tokenEnd(close) } } : null;
  }

  private literal(token: IToken): Literal | null {
    const span = tokenSpan(token);
    const image = token.image;
    switch (token.tokenType.name) {
      case "Identifier":
        return { kind: "string", value: image, quote: null, span };
      case "DoubleQuotedString":
      case "SingleQuotedString":
        return { kind: "string", value: unescapeBody(this.text, span.start + 1, span.end - 1, false, discarded), quote: image[0] === "'" ? "'" : '"', span };
      case "UnterminatedString":
        // kept, so that the rest of the comparison is still checked
        return { kind: "string", value: unescapeBody(this.text, span.start + 1, span.end, false, discarded), quote: image[0] === "'" ? "'" : '"', span };
      case "NumberLiteral": {
        const value = Number(image);
        return Number.isFinite(value) ? { kind: "number", value, raw: image, span } : null;
      }
      case "InvalidNumber":
        return null;
      case "DateTime":
        return { kind: "date", raw: image, span };
      case "RelativeDate":
        return { kind: "relative-date", raw: image, span };
      case "True":
      case "False":
        return { kind: "boolean", value: token.tokenType.name === "True", span };
      case "Null":
        return { kind: "null", span };
      default:
        return null;
    }
  }

  private field(node: CstNode): FieldPath | null {
    const segments: FieldSegment[] = [];
    for (const token of this.tokens(node.children, "FieldSegment")) {
      const span = tokenSpan(token);
      switch (token.tokenType.name) {
        case "Identifier":
          segments.push({ name: token.image, quoted: false, span });
          break;
        case "QuotedSegment":
          segments.push({ name: unescapeBody(this.text, span.start + 1, span.end - 1, true, discarded), quoted: true, span });
          break;
        default:
          return null;
      }
    }
    const first = segments[0];
    const last = segments[segments.length - 1];
    if (!first || !last) return null;
    if (segments.length !== this.tokens(node.children, "Dot").length + 1) return null;
    return { kind: "field", segments, span: { start: first.span.start, end: last.span.end } };
  }

  private sortClause(node: CstNode): SortKey[] {
    const keys: SortKey[] = [];
    for (const keyNode of this.nodes(node.children, "sortKey")) {
      const fieldNode = this.child(keyNode.children, "field");
      const field = fieldNode ? this.field(fieldNode) : null;
      if (!field) continue;
      const directionToken = this.token(keyNode.children, "Direction");
      const direction: SortDirection | null = directionToken ? (directionToken.tokenType.name === "Desc" ? "desc" : "asc") : null;
      const end = directionToken ? tokenEnd(directionToken) : field.span.end;
      keys.push({ kind: "sort-key", field, direction, span: { start: field.span.start, end } });
    }
    return keys;
  }

  /** A token the grammar let pass without: reported at what stands where it belongs. */
  private missing(token: string, before: Span): void {
    this.problems.push({
      code: "unexpected-token",
      span: before,
      detail: { token: this.text.slice(before.start, before.end), hint: `${token} goes before this` },
      fix: { start: before.start, end: before.start, replacement: `${token} ` },
    });
  }

  private nodes(children: Children, key: string): CstNode[] {
    return (children[key] as CstNode[] | undefined) ?? [];
  }

  private child(children: Children, key: string): CstNode | undefined {
    return this.nodes(children, key)[0];
  }

  /** The tokens under `key`, without those that error recovery made up. */
  private tokens(children: Children, key: string): IToken[] {
    const found = (children[key] as IToken[] | undefined) ?? [];
    return found.filter((token) => !token.isInsertedInRecovery && Number.isFinite(token.startOffset));
  }

  private token(children: Children, key: string): IToken | undefined {
    return this.tokens(children, key)[0];
  }
}

function place(expression: Expression | null): Placed | null {
  return expression ? { expression, outer: expression.span } : null;
}

function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: tokenEnd(token) };
}
