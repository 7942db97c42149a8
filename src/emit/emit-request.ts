import type { CheckedQuery, ConditionGroup, PlanNode } from "../check/checked-query.js";
import type { Problem } from "../diagnostics/diagnostic.js";
import { targets, type Target } from "../targets/targets.js";
import type { FilterJson, GroupJson, SortJson } from "./filter-json.js";

export interface EmitOptions {
  readonly caseSensitive: boolean;
  /** The caller's limit; the target's own limit applies too. */
  readonly maxGroupItems: number;
}

export interface EmitResult {
  readonly filters: GroupJson | null;
  readonly sort: SortJson | null;
  readonly problems: readonly Problem[];
}

/** The API's `filters` and `sort` for a target, byte for byte as LANGUAGE.md §5 rules 1–7 say. */
export function emitRequest(query: CheckedQuery, target: Target, options: EmitOptions): EmitResult {
  const emitter = new Emitter(target, Math.min(options.maxGroupItems, target.maxGroupItems));
  let filters: GroupJson | null = null;
  if (query.filter) {
    const top = query.filter.kind === "condition" ? { [groupNames.and]: [emitter.node(query.filter)] } : emitter.group(query.filter);
    filters = options.caseSensitive ? { ...top, case_sensitive: true } : top;
  }
  let sort: SortJson | null = null;
  const [first, extra] = query.sort;
  if (first) sort = { field: first.field.name, direction: first.direction };
  if (extra && query.sort.length > target.maxSortKeys) {
    emitter.problems.push({ code: "too-many-sort-keys", span: query.sort[target.maxSortKeys]!.span, detail: { limit: String(target.maxSortKeys) } });
  }
  return { filters, sort, problems: emitter.problems };
}

const groupNames = { and: "AND", or: "OR" } as const;

class Emitter {
  readonly problems: Problem[] = [];

  constructor(
    private readonly target: Target,
    private readonly maxGroupItems: number,
  ) {}

  node(node: PlanNode): FilterJson {
    if (node.kind !== "condition") return this.group(node);
    if (!this.target.operators.has(node.operator)) {
      const elsewhere = Object.values(targets).find((target) => target.operators.has(node.operator));
      this.problems.push({
        code: "unsupported-operator",
        span: node.operatorSpan,
        detail: { operator: node.operator, target: this.target.name, ...(elsewhere && { elsewhere: elsewhere.name }) },
      });
    }
    return { [this.target.conditionKey]: node.field.name, operator: node.operator, value: node.value };
  }

  group(node: ConditionGroup): GroupJson {
    const name = node.kind === "not" ? this.target.negationGroup : groupNames[node.kind];
    const only = node.items[0];
    // rule 3: not (a or b) is NOR [a, b]
    const source = node.kind === "not" && only?.kind === "or" ? only : node;
    const items = this.flatItems(source);
    if (items.length > this.maxGroupItems) {
      this.problems.push({ code: "too-many-items", span: source.span, detail: { limit: String(this.maxGroupItems), what: "items in a group" } });
    }
    return { [name]: items };
  }

  /** Rule 2: an AND inside an AND, or an OR inside an OR, adds its items to the outer group. */
  private flatItems(node: ConditionGroup, into: FilterJson[] = []): FilterJson[] {
    for (const item of node.items) {
      if (item.kind === node.kind && node.kind !== "not") this.flatItems(item as ConditionGroup, into);
      else into.push(this.node(item));
    }
    return into;
  }
}
