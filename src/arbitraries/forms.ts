import type { FieldType } from "../catalogue/catalogue.js";
import type { OperatorName } from "../operators.js";
import type { TargetName } from "../targets/targets.js";
import type { ComparisonOperator } from "../syntax/ast.js";

/** The ways LANGUAGE.md §2 writes a comparison after the field. */
export type InfixForm = ComparisonOperator | "between" | "exists" | "is null" | "is not null";

const textForms: readonly InfixForm[] = ["=", "!=", "~", "!~", "^=", "$=", "=~", "in", "not in", "exists", "is null", "is not null"];
const numberForms: readonly InfixForm[] = ["=", "!=", ">", ">=", "<", "<=", "in", "not in", "between", "exists", "is null", "is not null"];

/** LANGUAGE.md §4, as written in the DSL. */
export const infixFormsByType: Readonly<Record<FieldType, readonly InfixForm[]>> = {
  string: textForms,
  "string[]": textForms,
  number: numberForms,
  integer: numberForms,
  boolean: ["=", "!=", "exists", "is null", "is not null"],
  datetime: ["=", "!=", ">", ">=", "<", "<=", "between", "exists", "is null", "is not null"],
  enum: ["=", "!=", "in", "not in", "exists", "is null", "is not null"],
};

const textCalls: readonly OperatorName[] = ["eq", "ne", "contains", "starts_with", "ends_with", "regex", "in", "nin", "exists", "is_null", "text"];
const numberCalls: readonly OperatorName[] = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "exists", "is_null"];

/** LANGUAGE.md §4, as call names. */
export const callsByType: Readonly<Record<FieldType, readonly OperatorName[]>> = {
  string: textCalls,
  "string[]": textCalls,
  number: numberCalls,
  integer: numberCalls,
  boolean: ["eq", "ne", "exists", "is_null"],
  datetime: ["eq", "ne", "gt", "gte", "lt", "lte", "exists", "is_null"],
  enum: ["eq", "ne", "in", "nin", "exists", "is_null"],
};

/** LANGUAGE.md §5: what only mixpeek-v1 takes. */
const mixpeekOnly: ReadonlySet<string> = new Set(["^=", "$=", "=~", "starts_with", "ends_with", "regex"]);

export function targetTakes(target: TargetName, form: InfixForm | OperatorName): boolean {
  return target === "mixpeek-v1" || !mixpeekOnly.has(form);
}
