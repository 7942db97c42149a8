import type { FieldSpec } from "../catalogue/catalogue.js";
import type { OperatorName } from "../operators.js";
import type { Span } from "../span.js";
import type { Query, SortDirection } from "../syntax/ast.js";

/**
 * A query resolved against a catalogue: what the emitters and the local evaluator both read, so
 * that the API's JSON and the predicate cannot drift apart.
 */
export interface CheckedQuery {
  readonly kind: "checked-query";
  /** The query as written (relative dates and spelling kept), for formatting. */
  readonly syntax: Query;
  readonly filter: Condition | ConditionGroup | null;
  readonly sort: readonly CheckedSortKey[];
}

export type PlanNode = Condition | ConditionGroup;

/** `and`/`or` hold any number of items; `not` holds exactly one. */
export interface ConditionGroup {
  readonly kind: "and" | "or" | "not";
  readonly items: readonly PlanNode[];
  readonly span: Span;
}

/** A JSON value exactly as the API receives it: datetimes are ISO strings in UTC with milliseconds. */
export type ConditionValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

export interface Condition {
  readonly kind: "condition";
  readonly field: FieldSpec;
  readonly operator: OperatorName;
  readonly value: ConditionValue;
  /** The whole comparison, call or term this condition came from. */
  readonly span: Span;
  /** The operator as written (the call's name, the term itself for free text). */
  readonly operatorSpan: Span;
}

export interface CheckedSortKey {
  readonly field: FieldSpec;
  readonly direction: SortDirection;
  /** The field path. */
  readonly span: Span;
}
