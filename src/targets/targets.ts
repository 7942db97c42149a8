import type { OperatorName } from "../operators.js";

export const targetNames = ["classifications", "mixpeek-v1"] as const;

export type TargetName = (typeof targetNames)[number];

/** An API target described as data: the emitter has no branch per target. */
export interface Target {
  readonly name: TargetName;
  /** The property that names the field in a condition. */
  readonly conditionKey: "key" | "field";
  /** The group meaning "none of these holds". */
  readonly negationGroup: "NOR" | "NOT";
  readonly operators: ReadonlySet<OperatorName>;
  readonly maxSortKeys: number;
  readonly maxGroupItems: number;
}

const classificationOperators: readonly OperatorName[] = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "contains", "exists", "is_null", "text"];

export const targets: Readonly<Record<TargetName, Target>> = {
  classifications: {
    name: "classifications",
    conditionKey: "key",
    negationGroup: "NOR",
    operators: new Set(classificationOperators),
    maxSortKeys: 1,
    maxGroupItems: 20,
  },
  "mixpeek-v1": {
    name: "mixpeek-v1",
    conditionKey: "field",
    negationGroup: "NOT",
    operators: new Set<OperatorName>([...classificationOperators, "starts_with", "ends_with", "regex"]),
    maxSortKeys: 1,
    maxGroupItems: Infinity,
  },
};

export function isTargetName(name: unknown): name is TargetName {
  return typeof name === "string" && (targetNames as readonly string[]).includes(name);
}
