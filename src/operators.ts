/** Every operator of the API's JSON, across both targets. */
export const operatorNames = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "nin",
  "contains",
  "starts_with",
  "ends_with",
  "regex",
  "exists",
  "is_null",
  "text",
] as const;

export type OperatorName = (typeof operatorNames)[number];

const operatorNameSet: ReadonlySet<string> = new Set(operatorNames);

export function isOperatorName(name: string): name is OperatorName {
  return operatorNameSet.has(name);
}

/** What value an operator takes in the call form. */
export type OperandShape = "scalar" | "list" | "flag" | "string";

export const operandShapes: Readonly<Record<OperatorName, OperandShape>> = {
  eq: "scalar",
  ne: "scalar",
  gt: "scalar",
  gte: "scalar",
  lt: "scalar",
  lte: "scalar",
  in: "list",
  nin: "list",
  contains: "string",
  starts_with: "string",
  ends_with: "string",
  regex: "string",
  exists: "flag",
  is_null: "flag",
  text: "string",
};
