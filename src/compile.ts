import type { Catalogue, CatalogueJson } from "./catalogue/catalogue.js";
import { classificationCatalogue } from "./catalogue/default-catalogue.js";
import { defineCatalogue } from "./catalogue/define-catalogue.js";
import type { CheckedQuery } from "./check/checked-query.js";
import { checkQuery } from "./check/check-query.js";
import { severityOf, type Diagnostic, type Problem } from "./diagnostics/diagnostic.js";
import { describeAll } from "./diagnostics/messages.js";
import { emitRequest } from "./emit/emit-request.js";
import type { GroupJson, SortJson } from "./emit/filter-json.js";
import { defaultSyntaxLimits, parseQuery } from "./syntax/parse.js";
import { parseAbsoluteDateTime } from "./values/datetime.js";
import { isTargetName, targets, type TargetName } from "./targets/targets.js";

export interface Limits {
  /** Longest query, in UTF-16 units (default 10,000). */
  readonly maxLength?: number;
  /** Deepest nesting of `(`, `not`, `!` (default 32; at most 256). */
  readonly maxDepth?: number;
  /** Most items in one emitted group (default: none; the classifications target allows 20). */
  readonly maxGroupItems?: number;
  /** Most values in one list (default 1,000). */
  readonly maxListValues?: number;
}

export interface CompileOptions {
  readonly target?: TargetName;
  /** What `now` means: a Date or an ISO string (default: the clock). */
  readonly now?: Date | string;
  readonly caseSensitive?: boolean;
  readonly catalogue?: Catalogue | CatalogueJson;
  readonly limits?: Limits;
}

export interface CompileResult {
  /** True when no diagnostic is an error. */
  readonly ok: boolean;
  readonly filters: GroupJson | null;
  readonly sort: SortJson | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Present whenever parsing and the catalogue checks passed, even if the target refused the query. */
  readonly query?: CheckedQuery;
}

const catalogues = new WeakMap<object, Catalogue>();

/**
 * Text to the API's JSON. Never throws on any text. Options that are not what this signature
 * says are the caller's mistake: an unknown target, a `now` that is no Date or ISO datetime, or a
 * limit that is no whole number of at least 1 throws a TypeError; an invalid catalogue a CatalogueError.
 */
export function compile(text: string, options: CompileOptions = {}): CompileResult {
  const target = resolveTarget(options.target);
  const catalogue = resolveCatalogue(options.catalogue);
  const limits = resolveLimits(options.limits ?? {});
  const parsed = parseQuery(String(text), { maxLength: limits.maxLength, maxDepth: limits.maxDepth });
  const checked = checkQuery(parsed.query, catalogue, {
    now: resolveNow(options.now),
    maxListValues: limits.maxListValues,
  });
  const understood = !parsed.problems.some(isError) && !checked.problems.some(isError);
  // the target's own refusals are reported even when the query has other mistakes
  const emitted = emitRequest(checked.query, target, {
    caseSensitive: options.caseSensitive === true,
    maxGroupItems: limits.maxGroupItems,
  });
  const problems: Problem[] = [...parsed.problems, ...checked.problems, ...emitted.problems];
  const ok = understood && !emitted.problems.some(isError);
  return {
    ok,
    filters: ok ? emitted.filters : null,
    sort: ok ? emitted.sort : null,
    diagnostics: describeAll(problems),
    ...(understood && { query: checked.query }),
  };
}

function isError(problem: Problem): boolean {
  return severityOf(problem.code) === "error";
}

function resolveTarget(name: unknown): (typeof targets)[TargetName] {
  if (name === undefined) return targets.classifications;
  if (!isTargetName(name)) throw new TypeError(`unknown target ${JSON.stringify(name)}: use "classifications" or "mixpeek-v1"`);
  return targets[name];
}

export function resolveCatalogue(catalogue: Catalogue | CatalogueJson | undefined): Catalogue {
  if (catalogue === undefined) return classificationCatalogue;
  if (typeof catalogue !== "object" || catalogue === null) throw new TypeError("catalogue must be an object");
  let resolved = catalogues.get(catalogue);
  if (!resolved) {
    resolved = defineCatalogue(catalogue);
    catalogues.set(catalogue, resolved);
  }
  return resolved;
}

function resolveNow(now: Date | string | undefined): number {
  if (now === undefined) return Date.now();
  if (now instanceof Date && Number.isFinite(now.getTime())) return now.getTime();
  // the query's own datetime forms: a time carries Z or an offset, so no machine's time zone leaks in
  const read = typeof now === "string" ? parseAbsoluteDateTime(now) : null;
  if (read) return read.kind === "day" ? read.start : read.at;
  throw new TypeError(`now must be a Date or an ISO datetime with Z or an offset, not ${JSON.stringify(now)}`);
}

function resolveLimits(limits: Limits): Required<Limits> {
  const read = (name: keyof Limits, fallback: number, infinite = false): number => {
    const value = limits[name] ?? fallback;
    if ((Number.isInteger(value) && value >= 1) || (infinite && value === Infinity)) return value;
    throw new TypeError(`limits.${name} must be a whole number of at least 1, not ${JSON.stringify(value)}`);
  };
  return {
    maxLength: read("maxLength", defaultSyntaxLimits.maxLength, true),
    maxDepth: read("maxDepth", defaultSyntaxLimits.maxDepth),
    maxGroupItems: read("maxGroupItems", Infinity, true),
    maxListValues: read("maxListValues", 1000, true),
  };
}
