import type { ConditionValue } from "../check/checked-query.js";
import type { OperatorName } from "../operators.js";

/** `{"key"|"field": name, "operator": op, "value": v}` */
export type ConditionJson = { readonly [key: string]: string | OperatorName | ConditionValue };

/** `{"AND"|"OR"|"NOR"|"NOT": [...]}`, and `"case_sensitive": true` on the top group when asked. */
export type GroupJson = { readonly [group: string]: readonly FilterJson[] | boolean };

export type FilterJson = ConditionJson | GroupJson;

export interface SortJson {
  readonly field: string;
  readonly direction: "asc" | "desc";
}
