import type { FieldSpec } from "../catalogue/catalogue.js";
import type { Arbitrary, FastCheck } from "./fast-check.js";

const missing = Symbol("missing");

/** A value the field holds in a record: its own type mostly, Date objects or ISO strings for datetimes. */
function ownValue(fc: FastCheck, field: FieldSpec): Arbitrary<unknown> {
  const text = fc.oneof(fc.string(), fc.constantFrom("sports", "Sports", "ELECTRONICS", "consumer_electronics", "usb cable", "", "é", "😀"));
  switch (field.type) {
    case "string":
      return text;
    case "string[]":
      return fc.array(fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 4 });
    case "number":
      return fc.oneof(fc.double({ noNaN: true, min: field.min ?? -1e6, max: field.max ?? 1e6 }), fc.double());
    case "integer":
      return fc.oneof(fc.integer({ min: Math.ceil(field.min ?? -1000), max: Math.max(Math.ceil(field.min ?? -1000), Math.floor(field.max ?? 1000)) }), fc.integer());
    case "boolean":
      return fc.constantFrom(true, false);
    case "datetime": {
      const date = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true });
      return fc.oneof(
        date,
        date.map((d) => d.toISOString()),
        date.map((d) => d.toISOString().slice(0, 10)),
        date.map((d) => d.toISOString().replace("Z", "+00:00")),
      );
    }
    case "enum": {
      const values = field.values ?? [""];
      return fc.oneof(fc.constantFrom(...values), fc.constantFrom(...values).map((v) => v.toUpperCase()));
    }
  }
}

/** A value of some other type than the field's. */
function wrongValue(fc: FastCheck, field: FieldSpec): Arbitrary<unknown> {
  const candidates: Arbitrary<unknown>[] = [fc.constant({}), fc.constant({ nested: 1 }), fc.constant([[1]])];
  if (field.type !== "string" && field.type !== "enum" && field.type !== "datetime") candidates.push(fc.string(), fc.constantFrom("0.9", "true", "2024-01-01"));
  if (field.type !== "number" && field.type !== "integer") candidates.push(fc.double(), fc.constantFrom(0, 1, -1, NaN));
  if (field.type !== "boolean") candidates.push(fc.constantFrom(true, false));
  if (field.type === "datetime") candidates.push(fc.constantFrom("not a date", "2024-02-30"), fc.constant(new Date(NaN)));
  return fc.oneof(...candidates);
}

function fieldValue(fc: FastCheck, field: FieldSpec): Arbitrary<unknown> {
  const own = ownValue(fc, field);
  return fc.oneof(
    { weight: 6, arbitrary: own },
    { weight: 2, arbitrary: fc.constant(missing) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(fc.oneof(own, fc.constant(null)), { maxLength: 3 }) },
    { weight: 1, arbitrary: wrongValue(fc, field) },
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Puts `value` at `path`, unless another field already holds something else on the way. */
function place(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let container = record;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(container, key) ? container[key] : undefined;
    if (next === undefined) {
      const created: Record<string, unknown> = {};
      defineOwn(container, key, created);
      container = created;
    } else if (isPlainObject(next)) container = next;
    else return;
  }
  const last = path[path.length - 1]!;
  if (!Object.hasOwn(container, last)) defineOwn(container, last, value);
}

/** Records shaped by the catalogue's paths, with missing fields, nulls, arrays and wrong types. */
export function recordArbitrary(fc: FastCheck, fields: readonly FieldSpec[]): Arbitrary<Record<string, unknown>> {
  return fc.tuple(...fields.map((field) => fieldValue(fc, field))).map((values) => {
    const record: Record<string, unknown> = {};
    values.forEach((value, i) => {
      if (value !== missing) place(record, fields[i]!.path, value);
    });
    return record;
  });
}
