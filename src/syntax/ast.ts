import type { Span } from "../span.js";

/** The query as written: syntax only, nothing resolved against a catalogue. */
export interface Query {
  readonly kind: "query";
  readonly filter: Expression | null;
  readonly sort: readonly SortKey[];
  readonly span: Span;
}

export type Expression =
  | OrExpression
  | AndExpression
  | NotExpression
  | Comparison
  | Between
  | Exists
  | IsNull
  | Call
  | Term;

export type ExpressionKind = Expression["kind"];

/** `a or b or c`: the span runs from the first operand's first token to the last operand's last. */
export interface OrExpression {
  readonly kind: "or";
  readonly operands: readonly Expression[];
  readonly span: Span;
}

/** `a and b c`: written or implied `and`. */
export interface AndExpression {
  readonly kind: "and";
  readonly operands: readonly Expression[];
  readonly span: Span;
}

export interface NotExpression {
  readonly kind: "not";
  readonly operand: Expression;
  /** The `not` or `!` token. */
  readonly keywordSpan: Span;
  readonly span: Span;
}

/** The infix operators of `field OP value` and `field [not] in list`. */
export type ComparisonOperator =
  | "="
  | "!="
  | ">"
  | ">="
  | "<"
  | "<="
  | "~"
  | "!~"
  | "^="
  | "$="
  | "=~"
  | "in"
  | "not in";

export interface Comparison {
  readonly kind: "comparison";
  readonly field: FieldPath;
  readonly operator: ComparisonOperator;
  readonly operatorSpan: Span;
  readonly value: Value;
  readonly span: Span;
}

export interface Between {
  readonly kind: "between";
  readonly field: FieldPath;
  readonly operatorSpan: Span;
  readonly low: Literal;
  readonly high: Literal;
  readonly span: Span;
}

export interface Exists {
  readonly kind: "exists";
  readonly field: FieldPath;
  readonly operatorSpan: Span;
  readonly span: Span;
}

/** `field is null` (negated: false) or `field is not null` (negated: true). */
export interface IsNull {
  readonly kind: "is-null";
  readonly field: FieldPath;
  readonly negated: boolean;
  readonly operatorSpan: Span;
  readonly span: Span;
}

/** `name(field)` or `name(field, value)`: an operator named by its JSON name. */
export interface Call {
  readonly kind: "call";
  readonly name: string;
  readonly nameSpan: Span;
  readonly field: FieldPath;
  readonly argument: Value | null;
  readonly span: Span;
}

/** A literal standing alone: free text. */
export interface Term {
  readonly kind: "term";
  readonly value: Literal;
  readonly span: Span;
}

export interface FieldPath {
  readonly kind: "field";
  readonly segments: readonly FieldSegment[];
  readonly span: Span;
}

export interface FieldSegment {
  readonly name: string;
  /** Written in backticks. */
  readonly quoted: boolean;
  readonly span: Span;
}

export type Value = Literal | ListLiteral;

export type Literal =
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | DateLiteral
  | RelativeDateLiteral;

export type LiteralKind = Literal["kind"];

/** `"..."`, `'...'`, or a bare word (`quote: null`). */
export interface StringLiteral {
  readonly kind: "string";
  readonly value: string;
  readonly quote: '"' | "'" | null;
  readonly span: Span;
}

export interface NumberLiteral {
  readonly kind: "number";
  readonly value: number;
  /** The digits as written: `007`, `1e3`. */
  readonly raw: string;
  readonly span: Span;
}

export interface BooleanLiteral {
  readonly kind: "boolean";
  readonly value: boolean;
  readonly span: Span;
}

export interface NullLiteral {
  readonly kind: "null";
  readonly span: Span;
}

/** An unquoted `2024-01-01` or `2024-01-01T10:00Z`, kept as written; read by the checker. */
export interface DateLiteral {
  readonly kind: "date";
  readonly raw: string;
  readonly span: Span;
}

/** `now`, `now-7d`, `now-1w-2d`, kept as written; read by the checker. */
export interface RelativeDateLiteral {
  readonly kind: "relative-date";
  readonly raw: string;
  readonly span: Span;
}

export interface ListLiteral {
  readonly kind: "list";
  readonly items: readonly Literal[];
  readonly span: Span;
}

export type SortDirection = "asc" | "desc";

export interface SortKey {
  readonly kind: "sort-key";
  readonly field: FieldPath;
  /** null when no direction is written (it then means ascending). */
  readonly direction: SortDirection | null;
  readonly span: Span;
}

export function fieldName(field: FieldPath): string {
  const segments = field.segments;
  return segments.length === 1 ? segments[0]!.name : segments.map((segment) => segment.name).join(".");
}
