import type { FieldSpec, FieldType } from "../../src/catalogue/catalogue.js";
import type { CheckedQuery, CheckedSortKey, Condition, ConditionValue, PlanNode } from "../../src/check/checked-query.js";
import type { OperatorName } from "../../src/operators.js";
import type { SortDirection } from "../../src/syntax/ast.js";
import { toPredicate, type PredicateOptions } from "../../src/evaluate/to-predicate.js";

const nowhere = { start: 0, end: 0 };

/** A catalogue field; `path` is dotted, defaulting to the name. */
export function field(name: string, type: FieldType, path: string = name): FieldSpec {
  return { name, type, path: path.split("."), sortable: true };
}

export function where(spec: FieldSpec, operator: OperatorName, value: ConditionValue): Condition {
  return { kind: "condition", field: spec, operator, value, span: nowhere, operatorSpan: nowhere };
}

export function and(...items: PlanNode[]): PlanNode {
  return { kind: "and", items, span: nowhere };
}

export function or(...items: PlanNode[]): PlanNode {
  return { kind: "or", items, span: nowhere };
}

export function not(item: PlanNode): PlanNode {
  return { kind: "not", items: [item], span: nowhere };
}

export function sortKey(spec: FieldSpec, direction: SortDirection = "asc"): CheckedSortKey {
  return { field: spec, direction, span: nowhere };
}

export function query(filter: PlanNode | null, sort: readonly CheckedSortKey[] = []): CheckedQuery {
  return {
    kind: "checked-query",
    syntax: { kind: "query", filter: null, sort: [], span: nowhere },
    filter,
    sort,
  };
}

export function matches(filter: PlanNode, record: unknown, options?: PredicateOptions): boolean {
  return toPredicate(query(filter), options)(record);
}

/** A short title for a test: `score gte 0.5`, `not(score gte 0.5)`. */
export function describeNode(node: PlanNode): string {
  if (node.kind === "condition") return `${node.field.name} ${node.operator} ${JSON.stringify(node.value)}`;
  return `${node.kind}(${node.items.map(describeNode).join(", ")})`;
}
