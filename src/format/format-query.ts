import type { CheckedQuery } from "../check/checked-query.js";
import type { Expression, ExpressionKind, FieldPath, Literal, LiteralKind, Query, SortKey, Value } from "../syntax/ast.js";
import { isPlainWord } from "../../grammar/keywords.js";
import { formatSegment, quoteString } from "./quote-text.js";

/**
 * The canonical text of a query: lower-case keywords, `and` always written, `not` for `!`, `=` for
 * `==` and `:`, parentheses only where the tree needs them, quoted strings in double quotes, every
 * sort key with its direction. Numbers, datetimes and relative dates keep their source text (free
 * text searches for it), bare words stay bare, and a group written inside a group of its own kind
 * keeps its parentheses, so that `parse(format(q))` gives back `q` up to spans and spelling.
 *
 * The input is an AST that `parse` can produce; an `and` or `or` with one operand is written as
 * that operand.
 */
export function format(query: Query | CheckedQuery): string {
  const syntax = query.kind === "checked-query" ? query.syntax : query;
  const parts: string[] = [];
  if (syntax.filter) parts.push(expression(syntax.filter));
  if (syntax.sort.length > 0) parts.push("sort " + syntax.sort.map(sortKey).join(", "));
  return parts.join(" ");
}

/** How tightly a node binds: a child binding less tightly than its place needs is parenthesised. */
const binding: Readonly<Record<ExpressionKind, number>> = {
  or: 1,
  and: 2,
  not: 3,
  comparison: 4,
  between: 4,
  exists: 4,
  "is-null": 4,
  call: 4,
  term: 4,
};

const writers: { readonly [K in ExpressionKind]: (node: Extract<Expression, { kind: K }>) => string } = {
  or: (node) => node.operands.map((operand) => operandOf(operand, "or")).join(" or "),
  and: (node) => node.operands.map((operand) => operandOf(operand, "and")).join(" and "),
  not: (node) => "not " + inner(node.operand, binding.not, false),
  comparison: (node) => `${field(node.field)} ${node.operator} ${value(node.value)}`,
  between: (node) => `${field(node.field)} between ${literal(node.low)} and ${literal(node.high)}`,
  exists: (node) => `${field(node.field)} exists`,
  "is-null": (node) => `${field(node.field)} is ${node.negated ? "not " : ""}null`,
  call: (node) => `${node.name}(${field(node.field)}${node.argument ? ", " + value(node.argument) : ""})`,
  term: (node) => literal(node.value),
};

export function expression(node: Expression): string {
  const only = soleOperand(node);
  if (only) return expression(only);
  return (writers[node.kind] as (node: Expression) => string)(node);
}

/** An operand of an `and` or `or`: a group of the same kind keeps its parentheses. */
function operandOf(operand: Expression, parent: "and" | "or"): string {
  return inner(operand, binding[parent], true);
}

function inner(node: Expression, place: number, sameKindNeedsParentheses: boolean): string {
  const effective = soleOperand(node) ?? node;
  if (effective !== node) return inner(effective, place, sameKindNeedsParentheses);
  const text = expression(node);
  const own = binding[node.kind];
  return own < place || (own === place && sameKindNeedsParentheses) ? `(${text})` : text;
}

function soleOperand(node: Expression): Expression | null {
  return (node.kind === "and" || node.kind === "or") && node.operands.length === 1 ? node.operands[0]! : null;
}

function sortKey(key: SortKey): string {
  return `${field(key.field)} ${key.direction ?? "asc"}`;
}

export function field(path: FieldPath): string {
  return path.segments.map((segment) => formatSegment(segment.name)).join(".");
}

function value(node: Value): string {
  return node.kind === "list" ? `[${node.items.map(literal).join(", ")}]` : literal(node);
}

const literalWriters: { readonly [K in LiteralKind]: (node: Extract<Literal, { kind: K }>) => string } = {
  string: (node) => (node.quote === null && isPlainWord(node.value) ? node.value : quoteString(node.value)),
  number: (node) => node.raw,
  boolean: (node) => String(node.value),
  null: () => "null",
  date: (node) => node.raw,
  "relative-date": (node) => node.raw,
};

export function literal(node: Literal): string {
  return (literalWriters[node.kind] as (node: Literal) => string)(node);
}
