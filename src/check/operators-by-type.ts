import type { FieldType } from "../catalogue/catalogue.js";
import type { OperatorName } from "../operators.js";

const textOperators: readonly OperatorName[] = ["eq", "ne", "contains", "starts_with", "ends_with", "regex", "in", "nin", "exists", "is_null", "text"];
const orderedOperators: readonly OperatorName[] = ["eq", "ne", "gt", "gte", "lt", "lte", "exists", "is_null"];

/** LANGUAGE.md §4: which operators each field type takes. */
export const operatorsByType: Readonly<Record<FieldType, ReadonlySet<OperatorName>>> = {
  string: new Set(textOperators),
  "string[]": new Set(textOperators),
  number: new Set([...orderedOperators, "in", "nin"]),
  integer: new Set([...orderedOperators, "in", "nin"]),
  boolean: new Set(["eq", "ne", "exists", "is_null"]),
  datetime: new Set(orderedOperators),
  enum: new Set(["eq", "ne", "in", "nin", "exists", "is_null"]),
};
