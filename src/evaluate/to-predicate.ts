import type { FieldType } from "../catalogue/catalogue.js";
import type { CheckedQuery, Condition, ConditionGroup, ConditionValue, PlanNode } from "../check/checked-query.js";
import type { OperatorName } from "../operators.js";
import { instantOf, parseInstant } from "./parse-instant.js";
import { pathReader, unguardedPathReader, type PathReader } from "./read-path.js";
import { compileRegex } from "./regex.js";
import { textMatcher } from "./text-words.js";

export interface PredicateOptions {
  /** Compare strings exactly; by default `=`, `in`, contains, starts and ends ignore case, and regex too. */
  readonly caseSensitive?: boolean;
}

export type Predicate = (record: unknown) => boolean;

/**
 * Builds, once, a predicate that says whether a record matches the query's filter (LANGUAGE.md §7).
 * It never throws on any record; a query without a filter accepts every record.
 */
export function toPredicate(query: CheckedQuery, options?: PredicateOptions): Predicate {
  if (query.filter === null) return acceptAll;
  return nodePredicate(query.filter, options?.caseSensitive === true);
}

/** How a field's values compare: what a record value must be to match a positive operator. */
type ValueKind = "string" | "number" | "boolean" | "instant";

const valueKinds: Readonly<Record<FieldType, ValueKind>> = {
  string: "string",
  number: "number",
  integer: "number",
  boolean: "boolean",
  datetime: "instant",
  enum: "string",
  "string[]": "string",
};

/** A test of one non-null value: a record value, or one element of an array. */
type ValueTest = (value: unknown) => boolean;

interface ConditionContext {
  readonly read: PathReader;
  /** For the hot closures, which catch what it throws themselves. */
  readonly readUnguarded: PathReader;
  readonly kind: ValueKind;
  readonly value: ConditionValue;
  readonly caseSensitive: boolean;
}

type OrderedOperator = "gt" | "gte" | "lt" | "lte";
type StringOperator = "eq" | "contains" | "starts_with" | "ends_with";

const acceptAll: Predicate = () => true;
const rejectAll: Predicate = () => false;
const never: ValueTest = () => false;

function nodePredicate(node: PlanNode, caseSensitive: boolean): Predicate {
  return node.kind === "condition" ? conditionPredicate(node, caseSensitive) : groupPredicate(node, caseSensitive);
}

const groupBuilders: Readonly<Record<ConditionGroup["kind"], (items: readonly Predicate[]) => Predicate>> = {
  and: every,
  or: some,
  not: (items) => negate(some(items)),
};

function groupPredicate(group: ConditionGroup, caseSensitive: boolean): Predicate {
  return groupBuilders[group.kind](group.items.map((item) => nodePredicate(item, caseSensitive)));
}

function every(items: readonly Predicate[]): Predicate {
  const [first, second] = items;
  if (first === undefined) return acceptAll;
  if (second === undefined) return first;
  if (items.length === 2) return (record) => first(record) && second(record);
  return (record) => {
    for (let i = 0; i < items.length; i++) if (!items[i]!(record)) return false;
    return true;
  };
}

function some(items: readonly Predicate[]): Predicate {
  const [first, second] = items;
  if (first === undefined) return rejectAll;
  if (second === undefined) return first;
  if (items.length === 2) return (record) => first(record) || second(record);
  return (record) => {
    for (let i = 0; i < items.length; i++) if (items[i]!(record)) return true;
    return false;
  };
}

function negate(predicate: Predicate): Predicate {
  return (record) => !predicate(record);
}

function conditionPredicate(condition: Condition, caseSensitive: boolean): Predicate {
  const context: ConditionContext = {
    read: pathReader(condition.field.path),
    readUnguarded: unguardedPathReader(condition.field.path),
    kind: valueKinds[condition.field.type],
    value: condition.value,
    caseSensitive,
  };
  return conditionBuilders[condition.operator](context);
}

const conditionBuilders: Readonly<Record<OperatorName, (context: ConditionContext) => Predicate>> = {
  eq: equals,
  ne: (context) => negate(equals(context)),
  gt: (context) => ordered("gt", context),
  gte: (context) => ordered("gte", context),
  lt: (context) => ordered("lt", context),
  lte: (context) => ordered("lte", context),
  in: memberOf,
  nin: (context) => negate(memberOf(context)),
  contains: (context) => stringOperator("contains", context),
  starts_with: (context) => stringOperator("starts_with", context),
  ends_with: (context) => stringOperator("ends_with", context),
  regex: matchesRegex,
  exists: ({ read, value }) => (value === false ? isMissing(read) : isPresent(read)),
  is_null: ({ read, value }) => (value === false ? isPresent(read) : isMissing(read)),
  text: matchesText,
};

function isMissing(read: PathReader): Predicate {
  return (record) => read(record) === undefined;
}

function isPresent(read: PathReader): Predicate {
  return (record) => read(record) !== undefined;
}

/** `test` on a present value, or on some non-null element when it is an array; false if anything throws. */
function holds(value: unknown, test: ValueTest): boolean {
  try {
    if (!Array.isArray(value)) return test(value);
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (element !== undefined && element !== null && test(element)) return true;
    }
    return false;
  } catch {
    return false;
  }
}

/** A positive operator: `onMissing` on a missing or null value, else `test` under the array rule. */
function positive(read: PathReader, onMissing: boolean, test: ValueTest): Predicate {
  if (test === never) return onMissing ? isMissing(read) : rejectAll;
  return (record) => {
    const value = read(record);
    return value === undefined ? onMissing : holds(value, test);
  };
}

function equals({ read, readUnguarded, kind, value, caseSensitive }: ConditionContext): Predicate {
  if (value === null) return isMissing(read);
  switch (kind) {
    case "number":
      return isNumber(value) ? numberComparisons.eq(readUnguarded, value) : rejectAll;
    case "string":
      return typeof value === "string" ? stringComparisons.eq(readUnguarded, value, folding(caseSensitive)) : rejectAll;
    case "boolean":
      return typeof value === "boolean" ? positive(read, false, (candidate) => candidate === value) : rejectAll;
    case "instant": {
      const at = instantValue(value);
      return Number.isNaN(at) ? rejectAll : positive(read, false, (candidate) => instantOf(candidate) === at);
    }
  }
}

function ordered(operator: OrderedOperator, { read, readUnguarded, kind, value }: ConditionContext): Predicate {
  if (kind === "number" && isNumber(value)) return numberComparisons[operator](readUnguarded, value);
  const at = kind === "instant" ? instantValue(value) : NaN;
  return Number.isNaN(at) ? rejectAll : positive(read, false, instantComparisons[operator](at));
}

function stringOperator(operator: StringOperator, context: ConditionContext): Predicate {
  const { readUnguarded, kind, value, caseSensitive } = context;
  if (kind !== "string" || typeof value !== "string") return rejectAll;
  return stringComparisons[operator](readUnguarded, value, folding(caseSensitive));
}

function memberOf({ read, readUnguarded, kind, value, caseSensitive }: ConditionContext): Predicate {
  const items = Array.isArray(value) ? (value as readonly ConditionValue[]) : [value];
  const withNull = items.includes(null);
  switch (kind) {
    case "number": {
      const set = new Set(items.filter(isNumber));
      return set.size === 0 ? positive(read, withNull, never) : numberMember(readUnguarded, set, withNull);
    }
    case "string": {
      const fold = folding(caseSensitive);
      const set = new Set(items.filter((item): item is string => typeof item === "string").map(fold));
      return set.size === 0 ? positive(read, withNull, never) : stringMember(readUnguarded, set, withNull, fold);
    }
    case "boolean": {
      const set = new Set(items.filter((item): item is boolean => typeof item === "boolean"));
      const test: ValueTest = (candidate) => typeof candidate === "boolean" && set.has(candidate);
      return positive(read, withNull, set.size === 0 ? never : test);
    }
    case "instant": {
      const set = new Set(items.map(instantValue).filter((at) => !Number.isNaN(at)));
      return positive(read, withNull, set.size === 0 ? never : (candidate) => set.has(instantOf(candidate)));
    }
  }
}

function matchesRegex({ read, kind, value, caseSensitive }: ConditionContext): Predicate {
  if (kind !== "string" || typeof value !== "string") return rejectAll;
  const regex = compileRegex(value, !caseSensitive);
  if (!regex.ok) return rejectAll;
  return positive(read, false, (candidate) => typeof candidate === "string" && regex.test(candidate));
}

function matchesText({ read, kind, value }: ConditionContext): Predicate {
  if (kind !== "string" || typeof value !== "string") return rejectAll;
  const matcher = textMatcher(value);
  return positive(read, false, (candidate) => typeof candidate === "string" && matcher(candidate));
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && !Number.isNaN(value);
}

function instantValue(value: ConditionValue): number {
  return typeof value === "string" ? parseInstant(value) : NaN;
}

const instantComparisons: Readonly<Record<OrderedOperator, (bound: number) => ValueTest>> = {
  gt: (bound) => (value) => instantOf(value) > bound,
  gte: (bound) => (value) => instantOf(value) >= bound,
  lt: (bound) => (value) => instantOf(value) < bound,
  lte: (bound) => (value) => instantOf(value) <= bound,
};

/**
 * The hot path: one closure per operator and type, with a scalar of that type handled inline and
 * arrays through `holds`. Each reads unguarded and, when the read throws, answers as for a missing
 * value, which is what `pathReader` would have read.
 */
const numberComparisons: Readonly<Record<"eq" | OrderedOperator, (read: PathReader, bound: number) => Predicate>> = {
  eq: (read, bound) => {
    const test: ValueTest = (value) => value === bound;
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "number" ? value === bound : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
  gt: (read, bound) => {
    const test: ValueTest = (value) => typeof value === "number" && value > bound;
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "number" ? value > bound : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
  gte: (read, bound) => {
    const test: ValueTest = (value) => typeof value === "number" && value >= bound;
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "number" ? value >= bound : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
  lt: (read, bound) => {
    const test: ValueTest = (value) => typeof value === "number" && value < bound;
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "number" ? value < bound : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
  lte: (read, bound) => {
    const test: ValueTest = (value) => typeof value === "number" && value <= bound;
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "number" ? value <= bound : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
};

function numberMember(read: PathReader, set: ReadonlySet<number>, withNull: boolean): Predicate {
  const test: ValueTest = (value) => typeof value === "number" && set.has(value);
  return (record) => {
    try {
      const value = read(record);
      if (typeof value === "number") return set.has(value);
      return value === undefined ? withNull : holds(value, test);
    } catch {
      return withNull;
    }
  };
}

/** How strings are compared: as they are, or lower-cased (both sides). */
type Fold = (text: string) => string;

const asIs: Fold = (text) => text;
const lowerCase: Fold = (text) => text.toLowerCase();

function folding(caseSensitive: boolean): Fold {
  return caseSensitive ? asIs : lowerCase;
}

type StringComparison = (read: PathReader, operand: string, fold: Fold) => Predicate;

/** The hot path for strings, as for numbers above. */
const stringComparisons: Readonly<Record<StringOperator, StringComparison>> = {
  eq: (read, operand, fold) => {
    const expected = fold(operand);
    const test: ValueTest = (value) => typeof value === "string" && fold(value) === expected;
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "string" ? fold(value) === expected : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
  contains: (read, operand, fold) => {
    const part = fold(operand);
    const test: ValueTest = (value) => typeof value === "string" && fold(value).includes(part);
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "string" ? fold(value).includes(part) : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
  starts_with: (read, operand, fold) => {
    const part = fold(operand);
    const test: ValueTest = (value) => typeof value === "string" && fold(value).startsWith(part);
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "string" ? fold(value).startsWith(part) : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
  ends_with: (read, operand, fold) => {
    const part = fold(operand);
    const test: ValueTest = (value) => typeof value === "string" && fold(value).endsWith(part);
    return (record) => {
      try {
        const value = read(record);
        return typeof value === "string" ? fold(value).endsWith(part) : value !== undefined && holds(value, test);
      } catch {
        return false;
      }
    };
  },
};

function stringMember(read: PathReader, set: ReadonlySet<string>, withNull: boolean, fold: Fold): Predicate {
  const test: ValueTest = (value) => typeof value === "string" && set.has(fold(value));
  return (record) => {
    try {
      const value = read(record);
      if (typeof value === "string") return set.has(fold(value));
      return value === undefined ? withNull : holds(value, test);
    } catch {
      return withNull;
    }
  };
}
