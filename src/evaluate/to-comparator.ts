import type { FieldType } from "../catalogue/catalogue.js";
import type { CheckedQuery, CheckedSortKey } from "../check/checked-query.js";
import { compareCodePoints } from "./compare-code-points.js";
import { instantOf } from "./parse-instant.js";
import { pathReader } from "./read-path.js";

export type Comparator = (a: unknown, b: unknown) => number;

/**
 * The order of records as keys read once per record: sorting many records compares keys, not
 * records, so a path is walked and a datetime parsed once per record instead of once per comparison.
 */
export interface RecordOrder {
  /** The record's sort values (one value for one sort key, else a list of them); null when missing or wrong-typed. */
  readonly key: (record: unknown) => unknown;
  readonly compare: (x: unknown, y: unknown) => number;
}

/**
 * Builds a comparator over every sort key of the query, in order (LANGUAGE.md §7). Missing, null and
 * wrong-typed values (arrays included) sort last in both directions and tie with one another, so a
 * stable sort keeps their input order. Strings compare by code point, case-sensitively.
 */
export function toComparator(query: CheckedQuery): Comparator {
  const { key, compare } = toRecordOrder(query);
  return (a, b) => compare(key(a), key(b));
}

/** The order of `toComparator`, split into the key of a record and the comparison of two keys. */
export function toRecordOrder(query: CheckedQuery): RecordOrder {
  const orders = query.sort.map(keyOrder);
  const [first, second] = orders;
  if (first === undefined) return { key: () => null, compare: () => 0 };
  if (second === undefined) return first;
  return {
    key: (record) => orders.map((order) => order.key(record)),
    compare: (x, y) => {
      const xs = x as unknown[];
      const ys = y as unknown[];
      for (let i = 0; i < orders.length; i++) {
        const order = orders[i]!.compare(xs[i], ys[i]);
        if (order !== 0) return order;
      }
      return 0;
    },
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

function keyOrder(key: CheckedSortKey): RecordOrder {
  const order = sortOrders[key.field.type] as SortOrder<number | string>;
  return directedOrder(key.field.path, order, key.direction === "desc" ? -1 : 1);
}

function directedOrder<T>(path: readonly string[], order: SortOrder<T>, sign: number): RecordOrder {
  const read = pathReader(path);
  const { value: sortValue, compare } = order;
  return {
    key: (record) => sortValue(read(record)),
    compare: (x, y) => {
      if (x === null) return y === null ? 0 : 1;
      if (y === null) return -1;
      const result = compare(x as T, y as T);
      return result === 0 ? 0 : sign * result;
    },
  };
}
