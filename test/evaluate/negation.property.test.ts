import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FieldSpec } from "../../src/catalogue/catalogue.js";
import type { ConditionValue, PlanNode } from "../../src/check/checked-query.js";
import { toComparator } from "../../src/evaluate/to-comparator.js";
import { toPredicate } from "../../src/evaluate/to-predicate.js";
import type { OperatorName } from "../../src/operators.js";
import { and, field, not, or, query, sortKey, where } from "./build-query.js";

const fields: readonly FieldSpec[] = [
  field("score", "number"),
  field("depth", "integer"),
  field("node_name", "string"),
  field("kind", "enum"),
  field("path_tokens", "string[]"),
  field("active", "boolean"),
  field("created_at", "datetime"),
  field("title", "string", "meta.title"),
  field("rank", "number", "meta.rank"),
];

const instants = ["2024-01-01T00:00:00.000Z", "2024-01-01T10:00:00.000Z", "2025-06-30T23:59:59.999Z"];

/** Scalars from small pools, so that records and conditions often meet. */
const scalar = fc.oneof(
  fc.constantFrom(0, -0, 1, 2, 0.5, -1, 1e300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("", "a", "A", "ab", "Ab", "a b", "5", "0.9"),
  fc.string({ unit: fc.constantFrom("a", "B", " ", "é", "É", "\ud83d"), maxLength: 4 }),
  fc.boolean(),
  fc.constantFrom(...instants, "2024-01-01T12:00:00+02:00", "2024-01-01", "2024-02-30"),
);

const conditionValue: fc.Arbitrary<string | number | boolean | null> = fc.oneof(scalar, fc.constant(null));

/** What a record may hold at a field: missing, null, wrong types, arrays, Dates, objects. */
const recordValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  scalar,
  fc.constantFrom(...instants).map((iso) => new Date(iso)),
  fc.constant(new Date(NaN)),
  fc.array(fc.oneof(scalar, fc.constant(null)), { maxLength: 3 }),
  fc.constant({}),
  fc.constant(NaN),
);

const record: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      score: recordValue,
      depth: recordValue,
      node_name: recordValue,
      kind: recordValue,
      path_tokens: recordValue,
      active: recordValue,
      created_at: recordValue,
      meta: fc.oneof(
        recordValue,
        fc.record({ title: recordValue, rank: recordValue }, { requiredKeys: [] }),
        fc.array(fc.record({ title: recordValue, rank: recordValue }, { requiredKeys: [] }), { maxLength: 3 }),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(null, undefined, 0, "score", [], Object.create(null) as unknown),
);

const anyField = fc.constantFrom(...fields);
const caseSensitive = fc.boolean();

const scalarOperators: readonly OperatorName[] = ["eq", "ne", "gt", "gte", "lt", "lte", "contains", "starts_with", "ends_with", "regex", "text"];

const condition: fc.Arbitrary<PlanNode> = fc.oneof(
  fc.tuple(anyField, fc.constantFrom(...scalarOperators), conditionValue).map(([f, op, v]) => where(f, op, v)),
  fc.tuple(anyField, fc.constantFrom<OperatorName>("in", "nin"), fc.array(conditionValue, { minLength: 1, maxLength: 4 })).map(
    ([f, op, v]) => where(f, op, v),
  ),
  fc.tuple(anyField, fc.constantFrom<OperatorName>("exists", "is_null"), fc.boolean()).map(([f, op, v]) => where(f, op, v)),
);

const node: fc.Arbitrary<PlanNode> = fc.letrec<{ node: PlanNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.array(tie("node"), { maxLength: 3 }).map((items) => and(...items)),
    fc.array(tie("node"), { maxLength: 3 }).map((items) => or(...items)),
    tie("node").map(not),
  ),
})).node;

function run(filter: PlanNode, options: boolean, target: unknown): boolean {
  return toPredicate(query(filter), { caseSensitive: options })(target);
}

const runs = { numRuns: 2000 };

describe("negation properties over random conditions and records", () => {
  it("ne v is the exact negation of eq v", () => {
    fc.assert(
      fc.property(anyField, conditionValue, caseSensitive, record, (f, v, cs, r) => {
        expect(run(where(f, "ne", v), cs, r)).toBe(!run(where(f, "eq", v), cs, r));
      }),
      runs,
    );
  });

  it("nin L is the exact negation of in L", () => {
    fc.assert(
      fc.property(anyField, fc.array(conditionValue, { minLength: 1, maxLength: 4 }), caseSensitive, record, (f, list, cs, r) => {
        expect(run(where(f, "nin", list), cs, r)).toBe(!run(where(f, "in", list), cs, r));
      }),
      runs,
    );
  });

  it("a not group is the exact negation of its item, for any filter", () => {
    fc.assert(
      fc.property(node, caseSensitive, record, (filter, cs, r) => {
        expect(run(not(filter), cs, r)).toBe(!run(filter, cs, r));
      }),
      runs,
    );
  });

  it("in [v] is eq v, and in L holds exactly when eq holds for some value of L", () => {
    fc.assert(
      fc.property(anyField, fc.array(conditionValue, { minLength: 1, maxLength: 4 }), caseSensitive, record, (f, list, cs, r) => {
        const some = list.some((v) => run(where(f, "eq", v), cs, r));
        expect(run(where(f, "in", list), cs, r)).toBe(some);
      }),
      runs,
    );
  });

  it("exists and is_null with false are their negations; is_null true is eq null is not exists", () => {
    fc.assert(
      fc.property(anyField, record, (f, r) => {
        const exists = run(where(f, "exists", true), false, r);
        expect(run(where(f, "exists", false), false, r)).toBe(!exists);
        expect(run(where(f, "is_null", true), false, r)).toBe(!exists);
        expect(run(where(f, "is_null", false), false, r)).toBe(exists);
        expect(run(where(f, "eq", null), false, r)).toBe(!exists);
        expect(run(where(f, "ne", null), false, r)).toBe(exists);
      }),
      runs,
    );
  });

  it("a positive operator other than the null tests is false whenever exists is false", () => {
    fc.assert(
      fc.property(anyField, fc.constantFrom(...scalarOperators.filter((op) => op !== "ne")), scalar, caseSensitive, record, (f, op, v, cs, r) => {
        if (!run(where(f, "exists", true), cs, r)) expect(run(where(f, op, v as ConditionValue), cs, r)).toBe(false);
      }),
      runs,
    );
  });

  it("never throws on any value at all", () => {
    fc.assert(
      fc.property(node, caseSensitive, fc.anything({ withDate: true, withMap: true, withNullPrototype: true, withBigInt: true }), (filter, cs, r) => {
        expect(typeof run(filter, cs, r)).toBe("boolean");
      }),
      runs,
    );
  });
});

describe("comparator properties over random records", () => {
  const keys = fc.array(
    fc.tuple(anyField, fc.constantFrom<"asc" | "desc">("asc", "desc")).map(([f, d]) => sortKey(f, d)),
    { minLength: 1, maxLength: 3 },
  );

  it("is antisymmetric and ties every record with itself", () => {
    fc.assert(
      fc.property(keys, record, record, (k, a, b) => {
        const compare = toComparator(query(null, k));
        expect(compare(a, a)).toBe(0);
        expect(Math.sign(compare(a, b))).toBe(-Math.sign(compare(b, a)) || 0);
      }),
      runs,
    );
  });

  it("sorts into an order where no earlier record compares after a later one, ties kept in input order", () => {
    fc.assert(
      fc.property(keys, fc.array(record, { maxLength: 12 }), (k, records) => {
        const compare = toComparator(query(null, k));
        const sorted = records.map((r, index) => ({ r, index })).sort((x, y) => compare(x.r, y.r));
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) {
            const order = compare(sorted[i]!.r, sorted[j]!.r);
            expect(order).toBeLessThanOrEqual(0);
            if (order === 0) expect(sorted[i]!.index).toBeLessThan(sorted[j]!.index);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
