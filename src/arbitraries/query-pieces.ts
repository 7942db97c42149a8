import type { Catalogue, FieldSpec } from "../catalogue/catalogue.js";
import type { OperatorName } from "../operators.js";
import type { Span } from "../span.js";
import type { ComparisonOperator, Expression, FieldPath, FieldSegment, Query, SortKey, Value } from "../syntax/ast.js";
import type { TargetName } from "../targets/targets.js";
import type { Arbitrary, FastCheck } from "./fast-check.js";
import { callsByType, infixFormsByType, targetTakes, type InfixForm } from "./forms.js";
import { backtick, Literals, type LiteralPiece, type ValuePiece } from "./literals.js";
import { QueryWriter, type Write } from "./query-writer.js";
import { isPlainWord } from "../../grammar/keywords.js";

/** An expression with the span it takes in its parent, its parentheses included. */
export interface Placed {
  readonly expression: Expression;
  readonly outer: Span;
}

export interface ExpressionPiece {
  /** How it is written: a chain needs parentheses inside another chain (or under `not`) to keep its shape. */
  readonly shape: "and" | "or" | "other";
  /** What the checker makes of it: an `and` (between, a whole day) or an `or` flattens into a group of its kind. */
  readonly plan: "and" | "or" | "other";
  /** The items it adds to an enclosing group of the same plan kind. */
  readonly items: number;
  /** How deep its `(`, `not` and `!` nest. */
  readonly openers: number;
  readonly write: Write<Placed>;
}

export interface SortPiece {
  readonly write: Write<SortKey>;
}

/** A query's text and the AST the parser must build from it, spans included. */
export interface WrittenQuery {
  readonly text: string;
  readonly query: Query;
  /** The filter alone (empty when there is none), for building longer texts around it. */
  readonly filterText: string;
  readonly sortText: string;
}

export interface QueryPieceOptions {
  readonly target: TargetName;
  /** Most items in one emitted group (after flattening). */
  readonly maxGroupItems: number;
}

const spellings: Readonly<Record<"=" | "!=" | ">" | ">=" | "<" | "<=" | "~" | "!~" | "^=" | "$=" | "=~", readonly string[]>> = {
  "=": ["=", "==", ":"],
  "!=": ["!="],
  ">": [">"],
  ">=": [">="],
  "<": ["<"],
  "<=": ["<="],
  "~": ["~"],
  "!~": ["!~"],
  "^=": ["^="],
  "$=": ["$="],
  "=~": ["=~"],
};

/** LANGUAGE.md §8: the default limit on nested `(`, `not` and `!`. */
const maxOpeners = 32;

function leaf(write: Write<Placed>, plan: "and" | "other" = "other", openers = 0): ExpressionPiece {
  return { shape: "other", plan, items: plan === "and" ? 2 : 1, openers, write };
}

function placed(expression: Expression): Placed {
  return { expression, outer: expression.span };
}

/** Arbitraries for the parts of a query that is valid for one catalogue and target. */
export class QueryPieces {
  readonly literals: Literals;
  readonly fields: readonly FieldSpec[];
  private readonly fieldNames: ReadonlySet<string>;

  constructor(
    private readonly fc: FastCheck,
    readonly catalogue: Catalogue,
    readonly options: QueryPieceOptions,
  ) {
    this.literals = new Literals(fc);
    this.fields = [...catalogue.fields.values()];
    this.fieldNames = new Set(catalogue.fields.keys());
  }

  /** A field path naming `name`: bare segments where they can be, backticks otherwise or by choice. */
  fieldPath(name: string): Arbitrary<Write<FieldPath>> {
    const fc = this.fc;
    const segments = name.split(".");
    const perSegment = fc.array(fc.constantFrom(false, false, true), { minLength: segments.length, maxLength: segments.length });
    return fc.tuple(perSegment, fc.constantFrom(false, false, false, true)).map(([quoteIt, whole]) => (w: QueryWriter): FieldPath => {
      const written: FieldSegment[] = [];
      if (whole && segments.length > 1) {
        written.push({ name, quoted: true, span: w.write(backtick(name)) });
      } else {
        segments.forEach((segment, i) => {
          if (i > 0) w.write(".");
          const bare = isPlainWord(segment) && !quoteIt[i];
          written.push({ name: segment, quoted: !bare, span: w.write(bare ? segment : backtick(segment)) });
        });
      }
      return { kind: "field", segments: written, span: { start: written[0]!.span.start, end: written[written.length - 1]!.span.end } };
    });
  }

  /** `field OP value`, `field [not] in [..]`, `field between a and b`, `field exists`, `field is [not] null`. */
  infix(field: FieldSpec, form: InfixForm): Arbitrary<ExpressionPiece> {
    const fc = this.fc;
    const l = this.literals;
    const path = this.fieldPath(field.name);
    switch (form) {
      case "in":
      case "not in": {
        const words = form === "in" ? fc.tuple(l.keyword("in"), fc.constant(""), fc.constant("")) : fc.tuple(l.keyword("not"), l.space(), l.keyword("in"));
        return fc.tuple(path, l.space(), words, l.gap(), l.list(l.scalarOrNull(field))).map(([writeField, before, [first, between, second], after, list]) =>
          leaf((w) => {
            const fieldPath = writeField(w);
            w.write(before);
            const start = w.write(first).start;
            const end = second === "" ? start + first.length : (w.write(between), w.write(second).end);
            w.write(after);
            const value = list.write(w);
            const operator: ComparisonOperator = form;
            return placed({ kind: "comparison", field: fieldPath, operator, operatorSpan: { start, end }, value, span: { start: fieldPath.span.start, end: value.span.end } });
          }),
        );
      }
      case "between": {
        const and = fc.oneof({ weight: 4, arbitrary: l.keyword("and") }, { weight: 1, arbitrary: fc.constant("&&") });
        return fc
          .tuple(path, l.space(), l.keyword("between"), l.space(), l.scalar(field), l.space(), and, l.space(), l.scalar(field))
          .map(([writeField, s1, word, s2, low, s3, andWord, s4, high]) =>
            leaf((w) => {
              const fieldPath = writeField(w);
              w.write(s1);
              const operatorSpan = w.write(word);
              w.write(s2);
              const lowLiteral = low.write(w);
              w.write(s3 + andWord + s4);
              const highLiteral = high.write(w);
              return placed({ kind: "between", field: fieldPath, operatorSpan, low: lowLiteral, high: highLiteral, span: { start: fieldPath.span.start, end: highLiteral.span.end } });
            }, "and"),
          );
      }
      case "exists":
        return fc.tuple(path, l.space(), l.keyword("exists")).map(([writeField, s, word]) =>
          leaf((w) => {
            const fieldPath = writeField(w);
            w.write(s);
            const operatorSpan = w.write(word);
            return placed({ kind: "exists", field: fieldPath, operatorSpan, span: { start: fieldPath.span.start, end: operatorSpan.end } });
          }),
        );
      case "is null":
      case "is not null": {
        const negated = form === "is not null";
        const middle = negated ? fc.tuple(l.space(), l.keyword("not")).map(([s, word]) => s + word) : fc.constant("");
        return fc.tuple(path, l.space(), l.keyword("is"), middle, l.space(), l.keyword("null")).map(([writeField, s1, is, not, s2, nullWord]) =>
          leaf((w) => {
            const fieldPath = writeField(w);
            w.write(s1);
            const start = w.write(is).start;
            w.write(not + s2);
            const end = w.write(nullWord).end;
            return placed({ kind: "is-null", field: fieldPath, negated, operatorSpan: { start, end }, span: { start: fieldPath.span.start, end } });
          }),
        );
      }
      default: {
        const operator = form;
        const value = this.infixValue(field, operator);
        return fc
          .tuple(path, l.gap(), fc.constantFrom(...spellings[operator]), l.gap(), value)
          .map(([writeField, before, spelling, after, piece]) => {
            const plan = field.type === "datetime" && operator === "=" && piece.day ? "and" : "other";
            return leaf((w) => {
              const fieldPath = writeField(w);
              w.write(before);
              const operatorSpan = w.write(spelling);
              w.write(after);
              const literal = piece.write(w);
              return placed({ kind: "comparison", field: fieldPath, operator, operatorSpan, value: literal, span: { start: fieldPath.span.start, end: literal.span.end } });
            }, plan);
          });
      }
    }
  }

  private infixValue(field: FieldSpec, operator: keyof typeof spellings): Arbitrary<LiteralPiece> {
    const l = this.literals;
    switch (operator) {
      case "=":
      case "!=":
        return l.scalarOrNull(field);
      case "~":
      case "!~":
      case "^=":
      case "$=":
        return l.string();
      case "=~":
        return l.regex();
      default:
        return l.scalar(field);
    }
  }

  /** `name(field)` or `name(field, value)`. */
  call(field: FieldSpec, name: OperatorName): Arbitrary<ExpressionPiece> {
    const fc = this.fc;
    const l = this.literals;
    const argument = this.callArgument(field, name);
    return fc.tuple(this.fieldPath(field.name), l.gap(), l.gap(), l.gap(), l.gap(), argument).map(([writeField, g1, g2, g3, g4, value]) =>
      leaf((w) => {
        const nameSpan = w.write(name);
        w.write("(" + g1);
        const fieldPath = writeField(w);
        let written: Value | null = null;
        if (value) {
          w.write(g2 + "," + g3);
          written = value.write(w);
        }
        const close = w.write(g4 + ")");
        return placed({ kind: "call", name, nameSpan, field: fieldPath, argument: written, span: { start: nameSpan.start, end: close.end } });
      }, "other"),
    );
  }

  private callArgument(field: FieldSpec, name: OperatorName): Arbitrary<ValuePiece | null> {
    const fc = this.fc;
    const l = this.literals;
    switch (name) {
      case "exists":
      case "is_null":
        return fc.option(l.boolean());
      case "in":
      case "nin":
        return l.list(l.scalarOrNull(field));
      case "eq":
      case "ne":
        return l.scalarOrNull(field);
      case "contains":
      case "starts_with":
      case "ends_with":
      case "text":
        return l.string();
      case "regex":
        return l.regex();
      default:
        return l.scalar(field);
    }
  }

  /** Free text, when the catalogue has a rule the target can emit. */
  term(): Arbitrary<ExpressionPiece> | null {
    const rule = this.catalogue.freeText;
    if (!rule || !targetTakes(this.options.target, rule.operator)) return null;
    return this.literals.term(this.fieldNames).map((piece) =>
      leaf((w) => {
        const value = piece.write(w);
        return placed({ kind: "term", value, span: value.span });
      }),
    );
  }

  /** Every comparison, call and term the catalogue and target allow; null when there is none. */
  leaf(): Arbitrary<ExpressionPiece> | null {
    const fc = this.fc;
    const target = this.options.target;
    const comparisons = this.fields.flatMap((field) => infixFormsByType[field.type].filter((form) => targetTakes(target, form)).map((form) => this.infix(field, form)));
    const calls = this.fields.flatMap((field) => callsByType[field.type].filter((name) => targetTakes(target, name)).map((name) => this.call(field, name)));
    const term = this.term();
    const weighted = [
      ...(comparisons.length > 0 ? [{ weight: 6, arbitrary: fc.oneof(...comparisons) }] : []),
      ...(calls.length > 0 ? [{ weight: 2, arbitrary: fc.oneof(...calls) }] : []),
      ...(term ? [{ weight: 2, arbitrary: term }] : []),
    ];
    return weighted.length > 0 ? fc.oneof(...weighted) : null;
  }

  /** `( inner )`: parentheses add nothing but nesting. */
  parenthesise(inner: ExpressionPiece, lead: string, trail: string): ExpressionPiece {
    return {
      shape: "other",
      plan: inner.plan,
      items: inner.items,
      openers: inner.openers + 1,
      write: (w) => {
        const open = w.write("(" + lead);
        const { expression } = inner.write(w);
        const close = w.write(trail + ")");
        return { expression, outer: { start: open.start, end: close.end } };
      },
    };
  }

  /** `not x` or `!x`; a chain under it is parenthesised. */
  negate(word: string, gap: string, operand: ExpressionPiece): ExpressionPiece {
    const inner = operand.shape === "other" ? operand : this.parenthesise(operand, "", "");
    return {
      shape: "other",
      plan: "other",
      items: 1,
      openers: inner.openers + 1,
      write: (w) => {
        const keywordSpan = w.write(word);
        w.write(gap);
        const { expression, outer } = inner.write(w);
        const span = { start: keywordSpan.start, end: outer.end };
        return { expression: { kind: "not", operand: expression, keywordSpan, span }, outer: span };
      },
    };
  }

  /**
   * `a and b …` or `a or b …`, cut short so that the group the checker flattens it into holds at
   * most `maxGroupItems` items; an operand that would change the chain's shape is parenthesised.
   */
  chain(kind: "and" | "or", operands: readonly { readonly joiner: string; readonly piece: ExpressionPiece }[]): ExpressionPiece {
    const kept: { joiner: string; piece: ExpressionPiece }[] = [];
    let items = 0;
    for (const operand of operands) {
      const adds = operand.piece.plan === kind ? operand.piece.items : 1;
      if (items + adds > this.options.maxGroupItems) break;
      const needsParentheses = operand.piece.shape === "or" || (operand.piece.shape === "and" && kind === "and");
      kept.push({ joiner: operand.joiner, piece: needsParentheses ? this.parenthesise(operand.piece, "", "") : operand.piece });
      items += adds;
    }
    if (kept.length < 2) return kept[0]?.piece ?? operands[0]!.piece;
    return {
      shape: kind,
      plan: kind,
      items,
      openers: Math.max(...kept.map((operand) => operand.piece.openers)),
      write: (w) => {
        const written: Placed[] = [];
        kept.forEach((operand, i) => {
          if (i > 0) w.write(operand.joiner);
          written.push(operand.piece.write(w));
        });
        const span = { start: written[0]!.outer.start, end: written[written.length - 1]!.outer.end };
        return { expression: { kind, operands: written.map((p) => p.expression), span }, outer: span };
      },
    };
  }

  /** Any filter: leaves joined by and/or/not, with parentheses, up to a few levels deep. */
  expression(): Arbitrary<ExpressionPiece> | null {
    const leaf = this.leaf();
    if (!leaf) return null;
    const fc = this.fc;
    const l = this.literals;
    const andJoiner = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(l.space(), l.keyword("and"), l.space()).map((parts) => parts.join("")) },
      { weight: 1, arbitrary: fc.tuple(l.gap(), l.gap()).map(([a, b]) => `${a}&&${b}`) },
      { weight: 2, arbitrary: l.space() },
    );
    const orJoiner = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(l.space(), l.keyword("or"), l.space()).map((parts) => parts.join("")) },
      { weight: 1, arbitrary: fc.tuple(l.gap(), l.gap()).map(([a, b]) => `${a}||${b}`) },
    );
    const notWord = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(l.keyword("not"), l.space()) },
      { weight: 2, arbitrary: fc.tuple(fc.constant("!"), l.gap()) },
    );
    const kind = fc.constantFrom<"and" | "or">("and", "or");
    const { expression } = fc.letrec<{ expression: ExpressionPiece; chain: ExpressionPiece; wide: ExpressionPiece; not: ExpressionPiece; group: ExpressionPiece; deep: ExpressionPiece }>((tie) => ({
      expression: fc.oneof(
        { maxDepth: 4, depthSize: "small" },
        { weight: 10, arbitrary: leaf },
        { weight: 6, arbitrary: tie("chain") },
        { weight: 2, arbitrary: tie("not") },
        { weight: 2, arbitrary: tie("group") },
        { weight: 1, arbitrary: tie("wide") },
        { weight: 1, arbitrary: tie("deep") },
      ),
      chain: fc
        .tuple(kind, fc.array(fc.tuple(andJoiner, orJoiner, tie("expression")), { minLength: 2, maxLength: 5 }))
        .map(([k, operands]) => this.chain(k, operands.map(([and, or, piece]) => ({ joiner: k === "and" ? and : or, piece })))),
      // long chains of leaves, cut at the group limit: the limit's edge is where mistakes hide
      wide: fc
        .tuple(kind, fc.array(fc.tuple(andJoiner, orJoiner, leaf), { minLength: 12, maxLength: 26 }))
        .map(([k, operands]) => this.chain(k, operands.map(([and, or, piece]) => ({ joiner: k === "and" ? and : or, piece })))),
      not: fc.tuple(notWord, tie("expression")).map(([[word, gap], operand]) => this.negate(word, gap, operand)),
      group: fc.tuple(l.gap(), l.gap(), tie("expression")).map(([lead, trail, inner]) => this.parenthesise(inner, lead, trail)),
      // many openers around one expression, up to the nesting limit
      deep: fc
        .tuple(fc.array(fc.tuple(fc.constantFrom("not", "NOT", "!", "("), l.space()), { minLength: 8, maxLength: maxOpeners }), tie("expression"))
        .map(([openers, inner]) => {
          let piece = inner;
          for (const [opener, space] of openers.reverse()) {
            const wrapped = opener === "(" ? this.parenthesise(piece, "", "") : this.negate(opener, opener === "!" ? "" : space, piece);
            if (wrapped.openers > maxOpeners) break;
            piece = wrapped;
          }
          return piece;
        }),
    }));
    return expression;
  }

  /** `sort [by] field [asc|desc]` on a sortable field: one key, as both API targets take. */
  sort(): Arbitrary<SortPiece> | null {
    const sortable = this.fields.filter((field) => field.sortable);
    if (sortable.length === 0) return null;
    const fc = this.fc;
    const l = this.literals;
    const by = fc.option(fc.tuple(l.space(), l.keyword("by")).map(([s, word]) => s + word));
    const direction = fc.option(fc.tuple(l.space(), fc.constantFrom<"asc" | "desc">("asc", "desc")).chain(([s, dir]) => l.keyword(dir).map((word) => ({ s, dir, word }))));
    return fc
      .tuple(l.keyword("sort"), by, l.space(), fc.constantFrom(...sortable).chain((field) => this.fieldPath(field.name)), direction)
      .map(([sortWord, byWord, s, writeField, dir]): SortPiece => ({
        write: (w) => {
          w.write(sortWord + (byWord ?? "") + s);
          const field = writeField(w);
          const end = dir ? (w.write(dir.s), w.write(dir.word).end) : field.span.end;
          return { kind: "sort-key", field, direction: dir ? dir.dir : null, span: { start: field.span.start, end } };
        },
      }));
  }

  /** A whole query: optional filter, optional sort, whitespace around. */
  query(): Arbitrary<WrittenQuery> {
    const fc = this.fc;
    const l = this.literals;
    const expression = this.expression();
    const sort = this.sort();
    return fc
      .tuple(l.gap(), expression ? fc.option(expression, { freq: 8 }) : fc.constant(null), sort ? fc.option(sort, { freq: 2 }) : fc.constant(null), l.space(), l.gap())
      // parentheses a chain needs inside another may push a deep piece one past the limit
      .filter(([, filterPiece]) => filterPiece === null || filterPiece.openers <= maxOpeners)
      .map(([lead, filterPiece, sortPiece, separator, trail]): WrittenQuery => {
        const w = new QueryWriter();
        w.write(lead);
        const filter = filterPiece ? filterPiece.write(w).expression : null;
        const filterText = filterPiece ? w.toString().slice(lead.length) : "";
        if (filterPiece && sortPiece) w.write(separator);
        const sortStart = w.toString().length;
        const sortKey = sortPiece ? sortPiece.write(w) : null;
        const sortText = w.toString().slice(sortStart);
        w.write(trail);
        const text = w.toString();
        return {
          text,
          filterText,
          sortText,
          query: { kind: "query", filter, sort: sortKey ? [sortKey] : [], span: { start: 0, end: text.length } },
        };
      });
  }
}
