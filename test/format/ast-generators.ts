// Generators wider than taxql/arbitraries: any tree the parser can build (compiling or not), and catalogue queries with mistakes mixed in.
import fc from "fast-check";
import type { CatalogueJson, FieldType } from "../../src/catalogue/catalogue.js";
import type {
  ComparisonOperator,
  Expression,
  FieldPath,
  ListLiteral,
  Literal,
  Query,
  SortKey,
  StringLiteral,
  Value,
} from "../../src/syntax/ast.js";
import { isPlainWord } from "../../grammar/keywords.js";

const at = { start: 0, end: 0 };

const keywords = ["and", "or", "not", "in", "between", "exists", "is", "null", "true", "false", "sort", "by", "asc", "desc", "now"];

/** Any text at all, lone surrogates and control characters included. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('"', "'", "\\", "`", "\n", "\r", "\t", "\u0000", "\u007f", "\u2028", "“", "é", "😀", "\ud83d", "/", " "), maxLength: 6 }),
  fc.constantFrom(...keywords, ...keywords.map((k) => k.toUpperCase()), "", "sports", "a.b", "2024-01-01", "now-7d", "007"),
);

export const identifier: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/),
  fc.constantFrom("order", "index", "nothing", "nowhere", "In1", "null_", "_", "e5", "sports_equipment"),
).filter(isPlainWord);

const segmentName: fc.Arbitrary<string> = fc.oneof(identifier, anyText);

export function fieldPath(names: fc.Arbitrary<string> = segmentName): fc.Arbitrary<FieldPath> {
  return fc.array(names, { minLength: 1, maxLength: 3 }).map((segments) => ({
    kind: "field",
    segments: segments.map((name) => ({ name, quoted: !isPlainWord(name), span: at })),
    span: at,
  }));
}

/** A catalogue field's name as a path: split on dots, as `fieldName` joins them. */
export function pathOf(name: string): FieldPath {
  return {
    kind: "field",
    segments: name.split(".").map((segment) => ({ name: segment, quoted: !isPlainWord(segment), span: at })),
    span: at,
  };
}

export const quotedString: fc.Arbitrary<StringLiteral> = anyText.map((value) => ({ kind: "string", value, quote: '"', span: at }));
export const bareWord: fc.Arbitrary<StringLiteral> = identifier.map((value) => ({ kind: "string", value, quote: null, span: at }));

export const numberRaw: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^[0-9]{1,6}$/),
    fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), fc.integer({ min: 0, max: 40 })), { nil: undefined }),
  )
  .map(([negative, whole, fraction, exponent]) => `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : "." + fraction}${exponent === undefined ? "" : exponent.join("")}`);

const numberLiteral: fc.Arbitrary<Literal> = numberRaw.map((raw) => ({ kind: "number", value: Number(raw), raw, span: at }));

const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, "0"));

export const dateRaw: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), two(1, 12), two(1, 28)).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${m}-${d}`),
  fc
    .tuple(
      fc.integer({ min: 1970, max: 2100 }),
      two(1, 12),
      two(1, 28),
      fc.constantFrom("T", "t"),
      two(0, 23),
      two(0, 59),
      fc.option(two(0, 59), { nil: undefined }),
      fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
      fc.constantFrom("Z", "z", "+02:00", "-0530", "+00:00"),
    )
    .map(([y, m, d, t, h, mi, s, f, zone]) => `${y}-${m}-${d}${t}${h}:${mi}${s === undefined ? "" : ":" + s + (f === undefined ? "" : "." + f)}${zone}`),
  fc.constantFrom("2024-02-30", "2024-01-01T10:00", "2024-13-01", "2024-01-01x"),
);

export const relativeRaw: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom("now", "NOW", "Now"), fc.array(fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 500 }), fc.constantFrom("s", "m", "h", "d", "w", "D", "W")), { maxLength: 3 }))
    .map(([now, steps]) => now + steps.map((step) => step.join("")).join("")),
  fc.constantFrom("now-1y", "now-7x", "now+-1d"),
);

const dateLiteral: fc.Arbitrary<Literal> = dateRaw.map((raw) => ({ kind: "date", raw, span: at }));
const relativeLiteral: fc.Arbitrary<Literal> = relativeRaw.map((raw) => ({ kind: "relative-date", raw, span: at }));
const booleanLiteral: fc.Arbitrary<Literal> = fc.boolean().map((value) => ({ kind: "boolean", value, span: at }));
const nullLiteral: fc.Arbitrary<Literal> = fc.constant({ kind: "null", span: at });

export const anyLiteral: fc.Arbitrary<Literal> = fc.oneof(quotedString, bareWord, numberLiteral, dateLiteral, relativeLiteral, booleanLiteral, nullLiteral);
/** What may stand alone as free text: no true, false or null. */
const termLiteral: fc.Arbitrary<Literal> = fc.oneof(quotedString, bareWord, numberLiteral, dateLiteral, relativeLiteral);

function list(items: fc.Arbitrary<Literal>): fc.Arbitrary<ListLiteral> {
  return fc.array(items, { maxLength: 4 }).map((values) => ({ kind: "list", items: values, span: at }));
}

const anyValue: fc.Arbitrary<Value> = fc.oneof({ weight: 4, arbitrary: anyLiteral }, { weight: 1, arbitrary: list(anyLiteral) });

const comparisonOperators: ComparisonOperator[] = ["=", "!=", ">", ">=", "<", "<=", "~", "!~", "^=", "$=", "=~", "in", "not in"];

const nonCallKeywords = new Set(["and", "or", "not", "between", "is", "null", "true", "false", "sort", "by", "asc", "desc", "now"]);
const callName = fc.oneof(
  fc.constantFrom("eq", "in", "IN", "exists", "Exists", "text", "starts_with", "regex", "is_null", "nope"),
  identifier,
).filter((name) => !nonCallKeywords.has(name.toLowerCase()));

/** Any AST that `parse` can produce, in canonical form (double quotes, needed backticks only, explicit directions). */
export function syntaxQuery(): fc.Arbitrary<Query> {
  const { expression } = fc.letrec<{ expression: Expression }>((tie) => ({
    expression: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf(),
      fc.array(tie("expression"), { minLength: 2, maxLength: 4 }).map((operands): Expression => ({ kind: "and", operands, span: at })),
      fc.array(tie("expression"), { minLength: 2, maxLength: 4 }).map((operands): Expression => ({ kind: "or", operands, span: at })),
      tie("expression").map((operand): Expression => ({ kind: "not", operand, keywordSpan: at, span: at })),
    ),
  }));
  return fc
    .record({ filter: fc.option(expression, { freq: 6 }), sort: fc.array(sortKey(fieldPath()), { maxLength: 3 }) })
    .map(({ filter, sort }) => ({ kind: "query", filter, sort, span: at }));
}

export function sortKey(paths: fc.Arbitrary<FieldPath>): fc.Arbitrary<SortKey> {
  return fc.record({ field: paths, direction: fc.constantFrom("asc" as const, "desc" as const) }).map(({ field, direction }) => ({ kind: "sort-key", field, direction, span: at }));
}

function leaf(): fc.Arbitrary<Expression> {
  const field = fieldPath();
  return fc.oneof(
    fc.record({ field, operator: fc.constantFrom(...comparisonOperators), value: anyValue }).map(({ field, operator, value }): Expression => ({ kind: "comparison", field, operator, operatorSpan: at, value, span: at })),
    fc.record({ field, low: anyLiteral, high: anyLiteral }).map(({ field, low, high }): Expression => ({ kind: "between", field, operatorSpan: at, low, high, span: at })),
    field.map((field): Expression => ({ kind: "exists", field, operatorSpan: at, span: at })),
    fc.record({ field, negated: fc.boolean() }).map(({ field, negated }): Expression => ({ kind: "is-null", field, negated, operatorSpan: at, span: at })),
    fc.record({ name: callName, field, argument: fc.option(anyValue) }).map(({ name, field, argument }): Expression => ({ kind: "call", name, nameSpan: at, field, argument, span: at })),
    termLiteral.map((value): Expression => ({ kind: "term", value, span: at })),
  );
}

/** Catalogues for the compile laws: every type, dotted names, names that need backticks. */
export const lawCatalogue: CatalogueJson = {
  fields: {
    node_name: { type: "string", sortable: true },
    "meta.title": { type: "string", sortable: true },
    "and": { type: "string" },
    "odd name": { type: "string" },
    tags: { type: "string[]" },
    depth: { type: "integer", min: 0, sortable: true },
    score: { type: "number", min: 0, max: 1, sortable: true },
    active: { type: "boolean" },
    kind: { type: "enum", values: ["image", "video", "Mixed Case"] },
    created_at: { type: "datetime", sortable: true },
  },
  freeText: { field: "node_name", operator: "contains" },
};

const operatorsFor: Readonly<Record<FieldType, readonly ComparisonOperator[]>> = {
  string: ["=", "!=", "~", "!~", "^=", "$=", "=~", "in", "not in"],
  "string[]": ["=", "!=", "~", "!~", "^=", "$=", "=~", "in", "not in"],
  number: ["=", "!=", ">", ">=", "<", "<=", "in", "not in"],
  integer: ["=", "!=", ">", ">=", "<", "<=", "in", "not in"],
  boolean: ["=", "!="],
  datetime: ["=", "!=", ">", ">=", "<", "<="],
  enum: ["=", "!=", "in", "not in"],
};

const callOperatorsFor: Readonly<Record<FieldType, readonly string[]>> = {
  string: ["eq", "ne", "contains", "starts_with", "ends_with", "regex", "in", "nin", "exists", "is_null", "text"],
  "string[]": ["eq", "contains", "text", "in", "exists"],
  number: ["eq", "gt", "gte", "lt", "lte", "in", "nin", "exists", "is_null"],
  integer: ["eq", "ne", "gte", "in", "exists"],
  boolean: ["eq", "ne", "exists", "is_null"],
  datetime: ["eq", "gt", "gte", "lt", "lte", "exists", "is_null"],
  enum: ["eq", "in", "nin", "exists"],
};

const safeText = fc.oneof(anyText, fc.constantFrom("sports", "toys", "a b", "USB"));
const regexText = fc.constantFrom("^a", "b$", "a.*b", "[0-9]+", "x|y", "\\d", "(", "a\\");

function valueFor(type: FieldType, enumValues: readonly string[]): fc.Arbitrary<Literal> {
  const str = (text: fc.Arbitrary<string>) => text.map((value): Literal => ({ kind: "string", value, quote: '"', span: at }));
  const bare = identifier.map((value): Literal => ({ kind: "string", value, quote: null, span: at }));
  switch (type) {
    case "string":
    case "string[]":
      return fc.oneof(str(safeText), bare, nullLiteral);
    case "number":
      return fc.oneof({ weight: 5, arbitrary: fc.double({ min: -2, max: 3, noNaN: true }).map((n) => numberFrom(n)) }, { weight: 1, arbitrary: numberLiteral }, { weight: 1, arbitrary: nullLiteral });
    case "integer":
      return fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -5, max: 1_000_000 }).map(numberFrom) }, { weight: 1, arbitrary: fc.constantFrom(numberFrom(9007199254740991), numberFrom(-9007199254740991)) }, { weight: 1, arbitrary: nullLiteral });
    case "boolean":
      return fc.oneof(booleanLiteral, nullLiteral);
    case "datetime":
      return fc.oneof(
        { weight: 4, arbitrary: dateLiteral },
        { weight: 2, arbitrary: relativeLiteral },
        { weight: 1, arbitrary: dateRaw.map((value): Literal => ({ kind: "string", value, quote: '"', span: at })) },
        { weight: 1, arbitrary: fc.constantFrom<Literal>({ kind: "date", raw: "9999-12-31", span: at }, { kind: "date", raw: "0000-01-01", span: at }) },
      );
    case "enum":
      return fc.oneof(str(fc.constantFrom(...enumValues)), str(fc.constantFrom("Image", "other")));
  }
}

function numberFrom(n: number): Literal {
  const raw = Object.is(n, -0) ? "-0" : String(n);
  return { kind: "number", value: n, raw, span: at };
}

/** Queries over `lawCatalogue` that mostly compile: the right operators and values for each field. */
export function catalogueQuery(catalogue: CatalogueJson = lawCatalogue): fc.Arbitrary<Query> {
  const names = Object.keys(catalogue.fields);
  const sortable = names.filter((name) => catalogue.fields[name]!.sortable);
  const fieldLeaf = fc.constantFrom(...names).chain((name) => {
    const spec = catalogue.fields[name]!;
    const values = valueFor(spec.type, spec.values ?? []);
    const field = pathOf(name);
    const options: fc.Arbitrary<Expression>[] = [
      fc.record({ operator: fc.constantFrom(...operatorsFor[spec.type]), value: values, items: fc.array(values, { minLength: 1, maxLength: 4 }) }).map(({ operator, value, items }): Expression => {
        const listValue: Value = { kind: "list", items, span: at };
        const isList = operator === "in" || operator === "not in";
        return { kind: "comparison", field, operator, operatorSpan: at, value: isList ? listValue : operator === "=~" ? value : value, span: at };
      }),
      fc.record({ negated: fc.boolean() }).map(({ negated }): Expression => ({ kind: "is-null", field, negated, operatorSpan: at, span: at })),
      fc.constant<Expression>({ kind: "exists", field, operatorSpan: at, span: at }),
      fc.record({ name: fc.constantFrom(...callOperatorsFor[spec.type]), value: values, items: fc.array(values, { minLength: 1, maxLength: 3 }), flag: booleanLiteral, bare: fc.boolean() }).map(({ name, value, items, flag, bare }): Expression => {
        const argument: Value | null = name === "in" || name === "nin" ? { kind: "list", items, span: at } : name === "exists" || name === "is_null" ? (bare ? null : flag) : value;
        return { kind: "call", name, nameSpan: at, field, argument, span: at };
      }),
    ];
    if (spec.type === "string" || spec.type === "string[]") {
      options.push(str(regexText).map((value): Expression => ({ kind: "comparison", field, operator: "=~", operatorSpan: at, value, span: at })));
    }
    if (spec.type === "number" || spec.type === "integer" || spec.type === "datetime") {
      options.push(fc.record({ low: values, high: values }).map(({ low, high }): Expression => ({ kind: "between", field, operatorSpan: at, low, high, span: at })));
    }
    return fc.oneof(...options);
  });
  const term = fc.oneof(quotedString, bareWord, numberLiteral, dateLiteral, relativeLiteral).map((value): Expression => ({ kind: "term", value, span: at }));
  const { expression } = fc.letrec<{ expression: Expression }>((tie) => ({
    expression: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 6, arbitrary: fieldLeaf },
      { weight: 1, arbitrary: term },
      { weight: 2, arbitrary: fc.array(tie("expression"), { minLength: 2, maxLength: 4 }).map((operands): Expression => ({ kind: "and", operands, span: at })) },
      { weight: 2, arbitrary: fc.array(tie("expression"), { minLength: 2, maxLength: 4 }).map((operands): Expression => ({ kind: "or", operands, span: at })) },
      { weight: 2, arbitrary: tie("expression").map((operand): Expression => ({ kind: "not", operand, keywordSpan: at, span: at })) },
    ),
  }));
  const sort = sortable.length === 0 ? fc.constant([]) : fc.oneof(fc.constant([]), sortKey(fc.constantFrom(...sortable).map(pathOf)).map((key) => [key]));
  return fc.record({ filter: fc.option(expression, { freq: 8 }), sort }).map(({ filter, sort }) => ({ kind: "query", filter, sort, span: at }));
}

function str(text: fc.Arbitrary<string>): fc.Arbitrary<Literal> {
  return text.map((value) => ({ kind: "string", value, quote: '"', span: at }));
}
