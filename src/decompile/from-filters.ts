import type { Catalogue, CatalogueJson } from "../catalogue/catalogue.js";
import { checkQuery } from "../check/check-query.js";
import { resolveCatalogue } from "../compile.js";
import { severityOf, type Problem } from "../diagnostics/diagnostic.js";
import { describe } from "../diagnostics/messages.js";
import { emitRequest } from "../emit/emit-request.js";
import { format } from "../format/format-query.js";
import { isPlainWord } from "../../grammar/keywords.js";
import { isOperatorName, type OperatorName } from "../operators.js";
import type { Span } from "../span.js";
import type { ComparisonOperator, Expression, FieldPath, Literal, Query, SortKey, Value } from "../syntax/ast.js";
import { defaultSyntaxLimits, hardMaxDepth, parseQuery, type SyntaxLimits } from "../syntax/parse.js";
import { suggest } from "../check/suggest.js";
import { isTargetName, targets, type Target, type TargetName } from "../targets/targets.js";
import { isoString, isRepresentable, parseAbsoluteDateTime } from "../values/datetime.js";
import { childPath, describeJson, shapeMessages, type FilterDiagnostic, type ShapeCode } from "./filter-diagnostic.js";

export interface FromFiltersOptions {
  /** Whose JSON this is: `classifications` (default) or `mixpeek-v1`. */
  readonly target?: TargetName;
  readonly catalogue?: Catalogue | CatalogueJson;
  /** The limits the text must read back under (default: compile's). */
  readonly limits?: Partial<SyntaxLimits>;
}

export interface FromFiltersResult {
  /** True when no diagnostic is an error. */
  readonly ok: boolean;
  /** The query, with spans into `text`; null when not ok. */
  readonly query: Query | null;
  /** `format(query)`; null when not ok. */
  readonly text: string | null;
  /** The top group said `"case_sensitive": true`: compile the text with `caseSensitive: true`. */
  readonly caseSensitive: boolean;
  readonly diagnostics: readonly FilterDiagnostic[];
}

/**
 * The API's `filters` JSON of a target back to a query, so that saved filters can be shown as
 * text. Never throws on any value; every problem is a diagnostic with the JSON path of the part at
 * fault. For every compiled query, `compile(format(fromFilters(filters).query)).filters` is
 * `filters` again (with `caseSensitive` passed on).
 */
export function fromFilters(filters: unknown, options: FromFiltersOptions = {}): FromFiltersResult {
  return decompile({ filters, filtersPath: "$" }, options);
}

/** `{"filters": ..., "sort": ...}`, as `taxql compile` prints it; paths start at `$.filters` and `$.sort`. */
export function fromRequest(request: unknown, options: FromFiltersOptions = {}): FromFiltersResult {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    return failed([shape("invalid-shape", "$", { expected: 'an object with "filters" and "sort"', found: describeJson(request) })]);
  }
  const extra: FilterDiagnostic[] = [];
  for (const key of Object.keys(request)) {
    if (key !== "filters" && key !== "sort") extra.push(shape("unknown-key", childPath("$", key), { key }));
  }
  const record = request as { filters?: unknown; sort?: unknown };
  const result = decompile({ filters: record.filters ?? null, filtersPath: "$.filters", sort: record.sort ?? null, sortPath: "$.sort" }, options);
  return extra.length === 0 ? result : failed([...extra, ...result.diagnostics], result.caseSensitive);
}

interface Source {
  readonly filters: unknown;
  readonly filtersPath: string;
  readonly sort?: unknown;
  readonly sortPath?: string;
}

function decompile(source: Source, options: FromFiltersOptions): FromFiltersResult {
  const target = resolveTarget(options.target);
  const catalogue = resolveCatalogue(options.catalogue);
  const builder = new QueryBuilder(target, catalogue);
  const filter = source.filters === null ? null : builder.top(source.filters, source.filtersPath);
  const sort = source.sortPath === undefined ? [] : builder.sort(source.sort, source.sortPath);
  const built: Query = { kind: "query", filter, sort, span: builder.at("$") };

  const checked = checkQuery(built, catalogue, { now: 0, maxListValues: 1000 });
  const emitted = emitRequest(checked.query, target, { caseSensitive: false, maxGroupItems: Infinity });
  const diagnostics = [...builder.diagnostics, ...[...checked.problems, ...emitted.problems].map((problem) => builder.located(problem))];
  if (diagnostics.some(isError)) return failed(diagnostics, builder.caseSensitive);

  // the text must read back under the default limits (depth, length)
  const text = format(built);
  const reread = parseQuery(text, { ...defaultSyntaxLimits, ...options.limits });
  for (const problem of reread.problems) {
    if (severityOf(problem.code) === "error") diagnostics.push({ ...withoutOffsets(problem), path: source.filtersPath });
  }
  if (diagnostics.some(isError)) return failed(diagnostics, builder.caseSensitive);
  return { ok: true, query: reread.query, text, caseSensitive: builder.caseSensitive, diagnostics };
}

const infixOperators: Partial<Readonly<Record<OperatorName, ComparisonOperator>>> = {
  eq: "=",
  ne: "!=",
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  in: "in",
  nin: "not in",
  contains: "~",
  starts_with: "^=",
  ends_with: "$=",
  regex: "=~",
};

/** Builds the AST from the JSON; each node's span is an index into `paths`, so the checker's problems find their JSON. */
class QueryBuilder {
  readonly diagnostics: FilterDiagnostic[] = [];
  caseSensitive = false;
  private readonly paths: string[] = [];
  private readonly groups: Readonly<Record<string, "and" | "or" | "not">>;

  constructor(
    private readonly target: Target,
    private readonly catalogue: Catalogue,
  ) {
    this.groups = { AND: "and", OR: "or", [target.negationGroup]: "not" };
  }

  at(path: string): Span {
    const index = this.paths.push(path) - 1;
    return { start: index, end: index + 1 };
  }

  located(problem: Problem): FilterDiagnostic {
    return { ...withoutOffsets(problem), path: this.paths[problem.span.start] ?? "$" };
  }

  top(json: unknown, path: string): Expression | null {
    if (isObject(json) && Object.hasOwn(json, "case_sensitive")) {
      const flag = json.case_sensitive;
      if (typeof flag === "boolean") this.caseSensitive = flag;
      else this.report("invalid-shape", childPath(path, "case_sensitive"), { expected: "true or false", found: describeJson(flag) });
      if (this.isGroup(json)) return this.group(json, path, 0, ["case_sensitive"]);
    }
    return this.node(json, path, 0);
  }

  private node(json: unknown, path: string, depth: number): Expression | null {
    if (depth > hardMaxDepth) {
      this.report("too-deep", path, {});
      return null;
    }
    if (!isObject(json)) {
      this.report("invalid-shape", path, { expected: "a group or a condition object", found: describeJson(json) });
      return null;
    }
    if (this.isGroup(json)) return this.group(json, path, depth, []);
    if (Object.hasOwn(json, "operator") || Object.hasOwn(json, this.target.conditionKey)) return this.condition(json, path);
    const keys = Object.keys(json);
    if (keys.length === 0) this.report("invalid-shape", path, { expected: "a group or a condition object", found: "an empty object" });
    for (const key of keys) this.unknownKey(path, key);
    return null;
  }

  private isGroup(json: Readonly<Record<string, unknown>>): boolean {
    return Object.keys(this.groups).some((name) => Object.hasOwn(json, name));
  }

  private group(json: Readonly<Record<string, unknown>>, path: string, depth: number, allowed: readonly string[]): Expression | null {
    const names = Object.keys(json).filter((key) => Object.hasOwn(this.groups, key));
    for (const key of Object.keys(json)) {
      if (!Object.hasOwn(this.groups, key) && !allowed.includes(key)) this.unknownKey(path, key);
    }
    if (names.length > 1) {
      this.report("invalid-shape", path, { expected: `one group (${Object.keys(this.groups).join(", ")})`, found: names.join(" and ") });
      return null;
    }
    const name = names[0]!;
    const kind = this.groups[name]!;
    const itemsPath = childPath(path, name);
    const items = json[name];
    if (!Array.isArray(items)) {
      this.report("invalid-shape", itemsPath, { expected: "an array", found: describeJson(items) });
      return null;
    }
    if (items.length === 0) {
      this.report("empty-group", itemsPath, { group: name });
      return null;
    }
    const operands: Expression[] = [];
    let complete = true;
    for (let i = 0; i < items.length; i++) {
      const operand = this.node(items[i], childPath(itemsPath, i), depth + 1);
      if (operand) operands.push(operand);
      else complete = false;
    }
    if (!complete) return null;
    const span = this.at(itemsPath);
    if (kind === "not") {
      const only = operands[0]!;
      // NOR [contains] is what `!~` compiles to
      if (operands.length === 1 && only.kind === "comparison" && only.operator === "~") return { ...only, operator: "!~" };
      const operand: Expression = operands.length === 1 ? only : { kind: "or", operands, span };
      return { kind: "not", operand, keywordSpan: span, span };
    }
    return operands.length === 1 ? operands[0]! : { kind, operands, span };
  }

  private condition(json: Readonly<Record<string, unknown>>, path: string): Expression | null {
    const key = this.target.conditionKey;
    for (const name of Object.keys(json)) {
      if (name !== key && name !== "operator" && name !== "value") this.unknownKey(path, name);
    }
    let complete = true;
    for (const name of [key, "operator", "value"]) {
      if (!Object.hasOwn(json, name)) {
        this.report("missing-key", path, { key: name, what: "condition" });
        complete = false;
      }
    }
    const name = json[key];
    const operator = json.operator;
    const fieldPath = childPath(path, key);
    const operatorPath = childPath(path, "operator");
    if (Object.hasOwn(json, key) && typeof name !== "string") {
      this.report("invalid-shape", fieldPath, { expected: "a field name", found: describeJson(name) });
      complete = false;
    }
    if (Object.hasOwn(json, "operator")) {
      if (typeof operator !== "string") {
        this.report("invalid-shape", operatorPath, { expected: "an operator name", found: describeJson(operator) });
        complete = false;
      } else if (!isOperatorName(operator)) {
        const candidate = suggest(operator, [...this.target.operators]);
        this.report("unknown-operator", operatorPath, { name: operator }, candidate === null ? undefined : `did you mean ${candidate}?`);
        complete = false;
      }
    }
    const valuePath = childPath(path, "value");
    const datetime = typeof name === "string" && this.catalogue.fields.get(name)?.type === "datetime";
    const value = Object.hasOwn(json, "value") ? this.value(json.value, valuePath, datetime) : null;
    if (!complete || value === null || typeof name !== "string" || !isOperatorName(operator as string)) return null;
    return this.comparison(pathOf(name, this.at(fieldPath)), operator as OperatorName, value, json.value, this.at(operatorPath), this.at(path));
  }

  private comparison(field: FieldPath, operator: OperatorName, value: Value, raw: unknown, operatorSpan: Span, span: Span): Expression | null {
    if (operator === "exists" && raw === true) return { kind: "exists", field, operatorSpan, span };
    if (operator === "is_null" && typeof raw === "boolean") return { kind: "is-null", field, negated: !raw, operatorSpan, span };
    const infix = infixOperators[operator];
    if (infix === undefined) return { kind: "call", name: operator, nameSpan: operatorSpan, field, argument: value, span };
    return { kind: "comparison", field, operator: infix, operatorSpan, value, span };
  }

  private value(json: unknown, path: string, datetime: boolean): Value | null {
    if (Array.isArray(json)) {
      const items: Literal[] = [];
      let complete = true;
      for (let i = 0; i < json.length; i++) {
        const item = this.literal(json[i], childPath(path, i), datetime);
        if (item) items.push(item);
        else complete = false;
      }
      return complete ? { kind: "list", items, span: this.at(path) } : null;
    }
    return this.literal(json, path, datetime);
  }

  /** A JSON scalar as a literal; on a datetime field an ISO string becomes the instant it names. */
  private literal(json: unknown, path: string, datetime: boolean): Literal | null {
    const span = this.at(path);
    switch (typeof json) {
      case "string": {
        const at = datetime ? instantOf(json) : null;
        if (at !== null) return { kind: "date", raw: isoString(at), span };
        if (datetime) {
          // the API takes instants: "now-1d" in JSON is no datetime, though it would read as one in a query
          this.report("invalid-datetime", path, { text: json });
          return null;
        }
        return { kind: "string", value: json, quote: '"', span };
      }
      case "number":
        if (!Number.isFinite(json)) {
          this.report("unrepresentable-value", path, { value: String(json) });
          return null;
        }
        return { kind: "number", value: json, raw: Object.is(json, -0) ? "-0" : String(json), span };
      case "boolean":
        return { kind: "boolean", value: json, span };
      default:
        if (json === null) return { kind: "null", span };
        this.report("invalid-shape", path, { expected: "a string, number, boolean or null", found: describeJson(json) });
        return null;
    }
  }

  sort(json: unknown, path: string): SortKey[] {
    if (json === null) return [];
    if (!isObject(json)) {
      this.report("invalid-shape", path, { expected: 'a {"field", "direction"} object', found: describeJson(json) });
      return [];
    }
    for (const key of Object.keys(json)) {
      if (key !== "field" && key !== "direction") this.unknownKey(path, key);
    }
    const field = json.field;
    const direction = json.direction;
    let complete = true;
    if (typeof field !== "string") {
      if (Object.hasOwn(json, "field")) this.report("invalid-shape", childPath(path, "field"), { expected: "a field name", found: describeJson(field) });
      else this.report("missing-key", path, { key: "field", what: "sort" });
      complete = false;
    }
    if (direction !== "asc" && direction !== "desc") {
      if (Object.hasOwn(json, "direction")) this.report("invalid-shape", childPath(path, "direction"), { expected: '"asc" or "desc"', found: JSON.stringify(direction) ?? describeJson(direction) });
      else this.report("missing-key", path, { key: "direction", what: "sort" });
      complete = false;
    }
    if (!complete) return [];
    const fieldSpan = this.at(childPath(path, "field"));
    return [{ kind: "sort-key", field: pathOf(field as string, fieldSpan), direction: direction as "asc" | "desc", span: fieldSpan }];
  }

  private unknownKey(path: string, key: string): void {
    const other = Object.values(targets).find((t) => t !== this.target && (t.conditionKey === key || t.negationGroup === key));
    const hint = key === "case_sensitive" ? "case_sensitive belongs on the top group only" : other ? `"${key}" is ${other.name}'s: this is ${this.target.name} JSON` : undefined;
    this.report("unknown-key", childPath(path, key), { key }, hint);
  }

  private report(code: ShapeCode | "unknown-operator" | "too-deep" | "invalid-datetime", path: string, detail: Readonly<Record<string, string>>, hint?: string): void {
    const message = code === "unknown-operator" || code === "too-deep" || code === "invalid-datetime" ? describe({ code, span: { start: 0, end: 0 }, detail: { ...detail, limit: String(hardMaxDepth) } }).message : shapeMessages[code](detail);
    this.diagnostics.push({ code, severity: "error", message, path, ...(hint !== undefined && { hint }) });
  }
}

/** A field name as a path: split on dots, as the checker joins them; segments in backticks where needed. */
function pathOf(name: string, span: Span): FieldPath {
  return { kind: "field", segments: name.split(".").map((segment) => ({ name: segment, quoted: !isPlainWord(segment), span })), span };
}

/** The instant an ISO datetime string names (date-only: the start of that UTC day) within the API's years, or null. */
function instantOf(text: string): number | null {
  const read = parseAbsoluteDateTime(text);
  if (!read || !isRepresentable(read)) return null;
  return read.kind === "day" ? read.start : read.at;
}

function withoutOffsets(problem: Problem): Omit<FilterDiagnostic, "path"> {
  const { code, severity, message, hint } = describe(problem);
  return { code, severity, message, ...(hint !== undefined && { hint }) };
}

function failed(diagnostics: readonly FilterDiagnostic[], caseSensitive = false): FromFiltersResult {
  return { ok: false, query: null, text: null, caseSensitive, diagnostics };
}

function shape(code: ShapeCode, path: string, detail: Readonly<Record<string, string>>): FilterDiagnostic {
  return { code, severity: "error", message: shapeMessages[code](detail), path };
}

function isError(diagnostic: FilterDiagnostic): boolean {
  return diagnostic.severity === "error";
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolveTarget(name: unknown): Target {
  if (name === undefined) return targets.classifications;
  if (!isTargetName(name)) throw new TypeError(`unknown target ${JSON.stringify(name)}: use "classifications" or "mixpeek-v1"`);
  return targets[name];
}
