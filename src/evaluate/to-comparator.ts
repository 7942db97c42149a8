import type { FieldType } from "../catalogue/catalogue.js";
import type { CheckedQuery, CheckedSortKey } from "../check/checked-query.js";
import { compareCodePoints } from "./compare-code-points.js";
import { instantOf } from "./parse-instant.js";
import { pathReader, unguardedPathReader } from "./read-path.js";

export type Comparator = (a: unknown, b: unknown) => number;

/**
 * Builds a comparator over every sort key of the query, in order (LANGUAGE.md §7). Missing, null and
 * wrong-typed values (arrays included) sort last in both directions and tie with one another, so a
 * stable sort keeps their input order. Strings compare by code point, case-sensitively.
 */
export function toComparator(query: CheckedQuery): Comparator {
  const keys = query.sort.map(keyComparator);
  const [first, second] = keys;
  if (first === undefined) return () => 0;
  if (second === undefined) return first;
  return (a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = keys[i]!(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** A sort value, or null for missing, null and wrong-typed values. */
type SortValue<T> = T | null;

/** How one field type sorts: what counts as a value of that type, and how two of them compare. */
interface SortOrder<T> {
  readonly value: (value: unknown) => SortValue<T>;
  readonly compare: (x: T, y: T) => number;
}

const numberOrder: SortOrder<number> = {
  value: (value) => (typeof value === "number" && !Number.isNaN(value) ? value : null),
  compare: (x, y) => (x < y ? -1 : x > y ? 1 : 0),
};

const stringOrder: SortOrder<string> = {
  value: (value) => (typeof value === "string" ? value : null),
  compare: compareCodePoints,
};

const sortOrders: Readonly<Record<FieldType, SortOrder<number> | SortOrder<string>>> = {
  number: numberOrder,
  integer: numberOrder,
  datetime: {
    value: (value) => {
      const at = instantOf(value);
      return Number.isNaN(at) ? null : at;
    },
    compare: numberOrder.compare,
  },
  boolean: { value: (value) => (typeof value === "boolean" ? Number(value) : null), compare: numberOrder.compare },
  string: stringOrder,
  enum: stringOrder,
  "string[]": stringOrder,
};

function keyComparator(key: CheckedSortKey): Comparator {
  const order = sortOrders[key.field.type] as SortOrder<number | string>;
  return directedComparator(key.field.path, order, key.direction === "desc" ? -1 : 1);
}

function directedComparator<T>(path: readonly string[], order: SortOrder<T>, sign: number): Comparator {
  const read = pathReader(path);
  const readUnguarded = unguardedPathReader(path);
  const { value: sortValue, compare } = order;
  return (a, b) => {
    let x: SortValue<T>;
    let y: SortValue<T>;
    try {
      x = sortValue(readUnguarded(a));
      y = sortValue(readUnguarded(b));
    } catch {
      x = sortValue(read(a));
      y = sortValue(read(b));
    }
    if (x === null) return y === null ? 0 : 1;
    if (y === null) return -1;
    const result = compare(x, y);
    return result === 0 ? 0 : sign * result;
  };
}
