import fc from "fast-check";
import { classificationCatalogueJson } from "../../src/catalogue/default-catalogue.js";
import type { CatalogueJson, FieldType } from "../../src/catalogue/catalogue.js";

// Random catalogue-valid queries and random JSON records for the mingo agreement property. The data
// is built so that the documented differences cannot arise (see mingo-agreement.test.ts): record
// strings use an alphabet on which toLowerCase and regex case folding agree; datetimes in records are
// canonical ISO strings or values of other types, never Date objects or other ISO forms; arrays hold
// scalars and nulls, never arrays; no array sits on a nested path before its last key; regex patterns
// are in the syntax RE2 and JavaScript's `u` mode share.

export const now = "2026-06-15T12:00:00.000Z";

/** The classification catalogue, plus a boolean, an enum and a nested path. */
export const catalogueJson: CatalogueJson = {
  fields: {
    ...classificationCatalogueJson.fields,
    flagged: { type: "boolean" },
    kind: { type: "enum", values: ["image", "video", "Audio"] },
    lang: { type: "string", path: "meta.lang" },
  },
  freeText: { field: "node_name", operator: "contains" },
};

export const fieldPaths: ReadonlyMap<string, string> = new Map(
  Object.entries(catalogueJson.fields).map(([name, spec]) => [name, spec.path ?? name]),
);

const fields = Object.entries(catalogueJson.fields).map(([name, spec]) => ({ name, type: spec.type, values: spec.values }));

// ---- values shared by queries and records, so that conditions often hold

const stringPool = [
  "sports",
  "Sports",
  "SPORTS",
  "soccer",
  "video games",
  "Video Games!",
  "sports_video_games",
  "",
  "é",
  "É",
  "café",
  "Café au lait",
  "a.b",
  "a+b",
  "x😀",
  "😀",
  "123",
  "tennis, soccer",
  "über",
  "ÜBER uber",
];
const stringUnits = ["a", "b", "S", "s", " ", "_", ".", "é", "É", "1", "😀", "o", "c"];
const aString = fc.oneof(fc.constantFrom(...stringPool), fc.string({ unit: fc.constantFrom(...stringUnits), maxLength: 6 }));

const numberPool = [0, 0.5, 0.8, 1, 2, -1, 42, 0.25, 0.75, 1e-9, 3];
const aNumber = fc.oneof(fc.constantFrom(...numberPool), fc.integer({ min: -5, max: 5 }), fc.double({ min: -10, max: 10, noNaN: true }));
const anInteger = fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, -1), fc.integer({ min: -3, max: 6 }));

const instantPool = [
  now,
  "2026-06-08T12:00:00.000Z",
  "2026-03-01T00:00:00.000Z",
  "2026-02-28T23:59:59.999Z",
  "2026-03-31T23:59:59.999Z",
  "2026-04-01T00:00:00.000Z",
  "2025-12-31T00:00:00.000Z",
  "2026-06-15T11:59:59.999Z",
];
const anInstant = fc.oneof(
  fc.constantFrom(...instantPool),
  fc.date({ min: new Date("2025-06-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
);
const aDay = fc.constantFrom("2026-03-01", "2026-02-28", "2026-03-31", "2026-06-15", "2025-12-31");

const enumPool = ["image", "video", "Audio"];

const regexPool = ["^s", "s$", "^sports$", "o.c", "^.$", "[A-Z]", "(soccer|tennis)", "vid(eo)?", "\\d", "a\\.b", "^$", "", "é", "[^a-z]", "s+p", "^[a-z_]+$", "😀", "^(?:x|y)?😀"];
const textPool = ["video games", "Games VIDEO", "sports", "café", "CAFÉ au", "soccer tennis", "!!!", "", "über", "1"];

// ---- records

const scalarOf: Readonly<Record<FieldType, fc.Arbitrary<unknown>>> = {
  string: aString,
  "string[]": aString,
  enum: fc.oneof(fc.constantFrom(...enumPool, "IMAGE", "other"), aString),
  number: aNumber,
  integer: anInteger,
  boolean: fc.boolean(),
  datetime: anInstant,
};

/** Values of another type than the field's; never a string for a datetime field (see the type-bracketing test). */
const wrongOf = (type: FieldType): fc.Arbitrary<unknown> => {
  const others: fc.Arbitrary<unknown>[] = [fc.constant({}), fc.constant({ x: 1 }), fc.boolean()];
  if (type !== "number" && type !== "integer") others.push(aNumber);
  if (type !== "datetime") others.push(fc.constantFrom("0.9", "5", "true", "2026-03-01T00:00:00.000Z"));
  return fc.oneof(...others);
};

const valueOf = (type: FieldType): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: scalarOf[type] },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: type === "string[]" ? 5 : 2, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: scalarOf[type] }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongOf(type) }), { maxLength: 4 }) },
    { weight: 1, arbitrary: wrongOf(type) },
  );

/** A record: each top-level field missing or holding a value; `meta` missing, null, a scalar or an object. */
export const record: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    ...Object.fromEntries(fields.filter((f) => f.name !== "lang").map((f) => [f.name, valueOf(f.type)])),
    meta: fc.oneof(fc.constant(null), fc.constantFrom("en", 7), fc.record({ lang: valueOf("string") }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

// ---- queries, as text

const quote = (s: string): string => JSON.stringify(s);
const listOf = (items: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.array(items, { minLength: 1, maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`);
const number = (n: number): string => (Object.is(n, -0) ? "0" : String(n)).replace(/e/, "e");

const stringLiteral = aString.map(quote);
const withNull = (literal: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof({ weight: 5, arbitrary: literal }, { weight: 1, arbitrary: fc.constant("null") });

function literalFor(type: FieldType, values: readonly string[] | undefined): fc.Arbitrary<string> {
  switch (type) {
    case "string":
    case "string[]":
      return stringLiteral;
    case "enum":
      return fc.constantFrom(...values!).map(quote);
    case "number":
      return aNumber.filter((n) => Number.isFinite(n) && !String(n).includes("e")).map(number);
    case "integer":
      return anInteger.map(number);
    case "boolean":
      return fc.constantFrom("true", "false");
    case "datetime":
      return fc.oneof(anInstant.map(quote), aDay, fc.constantFrom("now", "now-7d", "now+1h", "now-1w-2d"));
  }
}

function comparison(name: string, type: FieldType, values: readonly string[] | undefined): fc.Arbitrary<string> {
  const value = literalFor(type, values);
  const nullable = withNull(value);
  const presence = [fc.constant(`${name} exists`), fc.constant(`${name} is null`), fc.constant(`${name} is not null`), fc.constant(`exists(${name})`), fc.constant(`is_null(${name}, false)`)];
  const equality = [nullable.map((v) => `${name} = ${v}`), nullable.map((v) => `${name} != ${v}`), value.map((v) => `eq(${name}, ${v})`)];
  const membership = [listOf(nullable).map((l) => `${name} in ${l}`), listOf(nullable).map((l) => `${name} not in ${l}`), listOf(value).map((l) => `nin(${name}, ${l})`)];
  const ordered = [fc.constantFrom(">", ">=", "<", "<=").chain((op) => value.map((v) => `${name} ${op} ${v}`)), fc.tuple(value, value).map(([a, b]) => `${name} between ${a} and ${b}`), value.map((v) => `gte(${name}, ${v})`)];
  switch (type) {
    case "string":
    case "string[]":
      return fc.oneof(
        ...presence,
        ...equality,
        ...membership,
        fc.constantFrom("~", "!~", "^=", "$=").chain((op) => value.map((v) => `${name} ${op} ${v}`)),
        fc.constantFrom("contains", "starts_with", "ends_with").chain((op) => value.map((v) => `${op}(${name}, ${v})`)),
        fc.constantFrom(...regexPool).map((p) => `${name} =~ ${quote(p)}`),
        fc.constantFrom(...textPool).map((t) => `text(${name}, ${quote(t)})`),
      );
    case "enum":
      return fc.oneof(...presence, ...equality, ...membership);
    case "boolean":
      return fc.oneof(...presence, ...equality);
    case "number":
    case "integer":
      return fc.oneof(...presence, ...equality, ...membership, ...ordered);
    case "datetime":
      return fc.oneof(...presence, ...equality.slice(0, 2), ...ordered.slice(0, 2));
  }
}

const term = fc.oneof(
  fc.oneof(...fields.map((f) => comparison(f.name, f.type, f.values))),
  fc.constantFrom("sports", "soccer", '"video games"', '"É"', "games"),
);

const joiners = [" and ", " or ", " ", " && ", " || ", " OR ", " AND "];

/** A filter of up to three levels of and/or/not around comparisons, calls and free-text terms. */
export const queryText: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: term },
    { weight: 1, arbitrary: tie("expr").map((e) => `not (${e})`) },
    { weight: 1, arbitrary: tie("expr").map((e) => `!(${e})`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.array(tie("expr"), { minLength: 2, maxLength: 4 }), fc.constantFrom(...joiners))
        .map(([items, joiner]) => `(${items.join(joiner)})`),
    },
  ),
})).expr;
