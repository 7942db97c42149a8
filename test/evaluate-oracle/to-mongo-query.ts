import type { FilterJson, GroupJson } from "../../src/emit/filter-json.js";

/** A MongoDB query document (what mingo's `Query` takes). */
export type MongoQuery = Record<string, unknown>;

const groupOperators: Readonly<Record<string, "$and" | "$or" | "$nor">> = { AND: "$and", OR: "$or", NOR: "$nor", NOT: "$nor" };

/**
 * Translates the `filters` JSON of either target (LANGUAGE.md §5) into a MongoDB query, so that an
 * independent engine can say what the API means. `paths` maps each field name to the dotted path
 * of its value in a record. Only case-sensitive filters are translated: MongoDB's `$eq` and `$in`
 * have no case-insensitive mode, so the API's default is one of the documented differences.
 *
 * Where MongoDB's own reading differs from LANGUAGE.md §7 on purpose, the translation spells out
 * taxql's meaning (each one has its own test in mingo-agreement.test.ts):
 * - present (`exists`, `is not null`, `!= null`) is "an array, or a value that is neither missing
 *   nor null": Mongo's `$exists` alone holds on null, and its `$ne: null` fails on `[null]`;
 * - missing (`is null`, `= null`, `null` in a list) is the negation of present;
 * - negative operators (`ne`, `nin`) are `$nor` around the positive one, as §7 defines them;
 * - `text` is a regex of look-aheads, one per query word, each bounded by non-word characters.
 */
export function toMongoQuery(filters: GroupJson | null, paths: ReadonlyMap<string, string>): MongoQuery {
  if (filters === null) return {};
  if (filters.case_sensitive !== true) throw new Error("only case-sensitive filters have a MongoDB equivalent");
  return node(filters, paths);
}

function node(json: FilterJson, paths: ReadonlyMap<string, string>): MongoQuery {
  const groupKey = Object.keys(json).find((key) => Object.hasOwn(groupOperators, key));
  if (groupKey !== undefined) {
    const items = json[groupKey] as readonly FilterJson[];
    return { [groupOperators[groupKey]!]: items.map((item) => node(item, paths)) };
  }
  const name = (json.key ?? json.field) as string;
  const path = paths.get(name);
  if (path === undefined) throw new Error(`no path for field ${name}`);
  return condition(path, json.operator as string, json.value);
}

function condition(path: string, operator: string, value: unknown): MongoQuery {
  switch (operator) {
    case "eq":
      return value === null ? missing(path) : { [path]: { $eq: value } };
    case "ne":
      return { $nor: [condition(path, "eq", value)] };
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return { [path]: { [`$${operator}`]: value } };
    case "in": {
      const values = value as readonly unknown[];
      const present = values.filter((item) => item !== null);
      const parts: MongoQuery[] = [];
      if (present.length > 0) parts.push({ [path]: { $in: present } });
      if (present.length < values.length) parts.push(missing(path));
      return parts.length === 1 ? parts[0]! : { $or: parts };
    }
    case "nin":
      return { $nor: [condition(path, "in", value)] };
    case "contains":
      return { [path]: { $regex: new RegExp(escapeRegex(value as string)) } };
    case "starts_with":
      return { [path]: { $regex: new RegExp(`^${escapeRegex(value as string)}`) } };
    case "ends_with":
      return { [path]: { $regex: new RegExp(`${escapeRegex(value as string)}$`) } };
    case "regex":
      return { [path]: { $regex: new RegExp(value as string, "u") } };
    case "exists":
      return value === false ? missing(path) : present(path);
    case "is_null":
      return value === false ? present(path) : missing(path);
    case "text":
      return { [path]: { $regex: textRegex(value as string) } };
    default:
      throw new Error(`no translation for operator ${operator}`);
  }
}

function present(path: string): MongoQuery {
  return { $or: [{ [path]: { $type: "array" } }, { [path]: { $exists: true, $ne: null } }] };
}

function missing(path: string): MongoQuery {
  return { $nor: [present(path)] };
}

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** Every query word, lower-cased, as a whole word (a maximal run of letters and digits) anywhere in the text. */
export function textRegex(query: string): RegExp {
  const words = [...new Set(Array.from(query.matchAll(/[\p{L}\p{N}]+/gu), (m) => m[0].toLowerCase()))];
  const lookaheads = words.map((word) => `(?=[\\s\\S]*(?<![\\p{L}\\p{N}])${escapeRegex(word)}(?![\\p{L}\\p{N}]))`);
  return new RegExp(`^${lookaheads.join("")}`, "iu");
}
