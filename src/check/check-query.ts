import type { Catalogue, FieldSpec } from "../catalogue/catalogue.js";
import type { Problem } from "../diagnostics/diagnostic.js";
import { compileRegex } from "../evaluate/regex.js";
import { isOperatorName, operandShapes, type OperatorName } from "../operators.js";
import type { Span } from "../span.js";
import type {
  Between,
  Call,
  Comparison,
  ComparisonOperator,
  Exists,
  Expression,
  ExpressionKind,
  FieldPath,
  IsNull,
  Literal,
  Query,
  SortKey,
  Term,
  Value,
} from "../syntax/ast.js";
import { fieldName } from "../syntax/ast.js";
import { dayMs, isoString, isRepresentable, parseDateTime, type DateTimeValue } from "../values/datetime.js";
import type { CheckedQuery, CheckedSortKey, Condition, ConditionValue, PlanNode } from "./checked-query.js";
import { operatorsByType } from "./operators-by-type.js";
import { suggest } from "./suggest.js";

export interface CheckOptions {
  /** The instant `now` stands for, in ms since the epoch. */
  readonly now: number;
  readonly maxListValues: number;
}

export interface CheckResult {
  readonly query: CheckedQuery;
  readonly problems: readonly Problem[];
}

const infixOperators: Readonly<Record<ComparisonOperator, { readonly operator: OperatorName; readonly negated: boolean }>> = {
  "=": { operator: "eq", negated: false },
  "!=": { operator: "ne", negated: false },
  ">": { operator: "gt", negated: false },
  ">=": { operator: "gte", negated: false },
  "<": { operator: "lt", negated: false },
  "<=": { operator: "lte", negated: false },
  "~": { operator: "contains", negated: false },
  "!~": { operator: "contains", negated: true },
  "^=": { operator: "starts_with", negated: false },
  "$=": { operator: "ends_with", negated: false },
  "=~": { operator: "regex", negated: false },
  in: { operator: "in", negated: false },
  "not in": { operator: "nin", negated: false },
};

/** A scalar read for a field: datetimes stay days or instants until the operator decides. */
type Scalar = string | number | boolean | null | DateTimeValue;

/**
 * Resolves a query against a catalogue: every rule of LANGUAGE.md §3, §4 and §6. Never mutates
 * the AST; the result is a new tree of conditions that both the emitters and the predicate read.
 */
export function checkQuery(query: Query, catalogue: Catalogue, options: CheckOptions): CheckResult {
  const checker = new Checker(catalogue, options);
  const filter = query.filter ? checker.expression(query.filter) : null;
  const sort = checker.sort(query.sort);
  return { query: { kind: "checked-query", syntax: query, filter, sort }, problems: checker.problems };
}

class Checker {
  readonly problems: Problem[] = [];

  constructor(
    private readonly catalogue: Catalogue,
    private readonly options: CheckOptions,
  ) {}

  /** One table for every checker, so that checking a query allocates no handlers. */
  private static readonly handlers: { readonly [K in ExpressionKind]: (checker: Checker, node: Extract<Expression, { kind: K }>) => PlanNode | null } = {
    or: (checker, node) => checker.group("or", node.operands, node.span),
    and: (checker, node) => checker.group("and", node.operands, node.span),
    not: (checker, node) => {
      const operand = checker.expression(node.operand);
      return operand && { kind: "not", items: [operand], span: node.span };
    },
    comparison: (checker, node) => checker.comparison(node),
    between: (checker, node) => checker.between(node),
    exists: (checker, node) => checker.flag(node, "exists", true),
    "is-null": (checker, node) => checker.flag(node, "is_null", !node.negated),
    call: (checker, node) => checker.call(node),
    term: (checker, node) => checker.term(node),
  };

  expression(node: Expression): PlanNode | null {
    return (Checker.handlers[node.kind] as (checker: Checker, node: Expression) => PlanNode | null)(this, node);
  }

  sort(keys: readonly SortKey[]): CheckedSortKey[] {
    const seen = new Set<string>();
    const checked: CheckedSortKey[] = [];
    for (const key of keys) {
      const field = this.field(key.field, true);
      if (!field) continue;
      if (!field.sortable) {
        this.report("not-sortable", key.field.span, { field: field.name });
        continue;
      }
      if (seen.has(field.name)) {
        this.report("duplicate-sort-key", key.field.span, { field: field.name });
        continue;
      }
      seen.add(field.name);
      checked.push({ field, direction: key.direction ?? "asc", span: key.field.span });
    }
    return checked;
  }

  private group(kind: "and" | "or", operands: readonly Expression[], span: Span): PlanNode | null {
    const items: PlanNode[] = [];
    for (let i = 0; i < operands.length; i++) {
      const operand = operands[i]!;
      if (kind === "and" && this.misspeltOperator(operand, operands[i + 1])) {
        i++;
        continue;
      }
      const item = this.expression(operand);
      if (item) items.push(item);
    }
    if (items.length === 0) return null;
    return { kind, items, span };
  }

  private comparison(node: Comparison): PlanNode | null {
    const field = this.field(node.field);
    if (!field) return null;
    const { operator, negated } = infixOperators[node.operator];
    if (!this.allows(field, operator, node.operatorSpan, node.operator)) return null;
    const condition = (op: OperatorName, value: ConditionValue): Condition => ({
      kind: "condition",
      field,
      operator: op,
      value,
      span: node.span,
      operatorSpan: node.operatorSpan,
    });

    if (operator === "in" || operator === "nin") {
      const values = this.list(node.value, field);
      return values && condition(operator, values);
    }
    if (node.value.kind === "list") {
      this.report("type-mismatch", node.value.span, { field: field.name, expected: describeType(field) });
      return null;
    }
    const value = this.scalar(node.value, field, operator === "eq" || operator === "ne");
    if (value === undefined) return null;
    if (operator === "regex" && !this.validRegex(value, node.value.span)) return null;

    if (isDateTime(value)) return this.dateComparison(operator, value, node.span, condition);
    const plain = condition(operator, value);
    return negated ? { kind: "not", items: [plain], span: node.span } : plain;
  }

  /** LANGUAGE.md §3: a date without a time is the whole UTC day. */
  private dateComparison(
    operator: OperatorName,
    value: DateTimeValue,
    span: Span,
    condition: (op: OperatorName, value: ConditionValue) => Condition,
  ): PlanNode {
    if (value.kind === "instant") return condition(operator, isoString(value.at));
    const start = isoString(value.start);
    const next = isoString(value.start + dayMs);
    const wholeDay: PlanNode = { kind: "and", items: [condition("gte", start), condition("lt", next)], span };
    switch (operator) {
      case "eq":
        return wholeDay;
      case "ne":
        return { kind: "not", items: [wholeDay], span };
      case "gt":
        return condition("gte", next);
      case "lte":
        return condition("lt", next);
      default:
        return condition(operator, start);
    }
  }

  private between(node: Between): PlanNode | null {
    const field = this.field(node.field);
    if (!field) return null;
    if (!this.allows(field, "gte", node.operatorSpan, "between")) return null;
    const low = this.scalar(node.low, field, false);
    const high = this.scalar(node.high, field, false);
    if (low === undefined || high === undefined) return null;
    const condition = (operator: OperatorName, value: ConditionValue): Condition => ({
      kind: "condition",
      field,
      operator,
      value,
      span: node.span,
      operatorSpan: node.operatorSpan,
    });
    const lower = isDateTime(low) ? condition("gte", isoString(low.kind === "day" ? low.start : low.at)) : condition("gte", low);
    const upper = isDateTime(high)
      ? high.kind === "day"
        ? condition("lt", isoString(high.start + dayMs))
        : condition("lte", isoString(high.at))
      : condition("lte", high);
    return { kind: "and", items: [lower, upper], span: node.span };
  }

  private flag(node: Exists | IsNull, operator: "exists" | "is_null", value: boolean): PlanNode | null {
    const field = this.field(node.field);
    if (!field || !this.allows(field, operator, node.operatorSpan, operator === "exists" ? "exists" : "is null")) return null;
    return { kind: "condition", field, operator, value, span: node.span, operatorSpan: node.operatorSpan };
  }

  private call(node: Call): PlanNode | null {
    if (!isOperatorName(node.name)) {
      const candidate = suggest(node.name, operandShapesKeys);
      this.report("unknown-operator", node.nameSpan, { name: node.name }, candidate === null ? null : { replacement: candidate, span: node.nameSpan });
      return null;
    }
    const operator = node.name;
    const field = this.field(node.field);
    if (!field || !this.allows(field, operator, node.nameSpan, operator)) return null;
    const condition = (value: ConditionValue): Condition => ({
      kind: "condition",
      field,
      operator,
      value,
      span: node.span,
      operatorSpan: node.nameSpan,
    });
    const argument = node.argument;
    const shape = operandShapes[operator];
    if (shape === "flag") {
      if (argument === null) return condition(true);
      if (argument.kind === "boolean") return condition(argument.value);
      this.report("type-mismatch", argument.span, { field: field.name, expected: "true or false" });
      return null;
    }
    if (argument === null) {
      this.report("type-mismatch", node.span, { field: field.name, expected: shape === "list" ? "a list" : "a value" });
      return null;
    }
    if (shape === "list") {
      const values = this.list(argument, field);
      return values && condition(values);
    }
    if (argument.kind === "list") {
      this.report("type-mismatch", argument.span, { field: field.name, expected: describeType(field) });
      return null;
    }
    const value = this.scalar(argument, field, operator === "eq" || operator === "ne");
    if (value === undefined) return null;
    if (operator === "regex" && !this.validRegex(value, argument.span)) return null;
    if (isDateTime(value)) return condition(isoString(value.kind === "day" ? value.start : value.at));
    return condition(value);
  }

  /**
   * `score betwen 0.1 and 0.5` reads as two words side by side; when the first names a field and
   * the second is close to an operator keyword, say so once, at the field, with the keyword's fix.
   */
  private misspeltOperator(operand: Expression, next: Expression | undefined): boolean {
    if (operand.kind !== "term" || next?.kind !== "term") return false;
    const [field, word] = [operand.value, next.value];
    if (field.kind !== "string" || field.quote !== null || !this.catalogue.fields.has(field.value)) return false;
    if (word.kind !== "string" || word.quote !== null) return false;
    const keyword = suggest(word.value, operatorKeywords);
    if (keyword === null || keyword === word.value) return false;
    this.problems.push({
      code: "missing-operator",
      span: operand.span,
      detail: { field: field.value, suggestion: keyword },
      fix: { ...next.span, replacement: keyword },
    });
    return true;
  }

  private term(node: Term): PlanNode | null {
    const literal = node.value;
    if (literal.kind === "string" && literal.quote === null && this.catalogue.fields.has(literal.value)) {
      this.problems.push({
        code: "missing-operator",
        span: node.span,
        detail: { field: literal.value },
        fix: { ...node.span, replacement: JSON.stringify(literal.value) },
      });
      return null;
    }
    const rule = this.catalogue.freeText;
    if (!rule) {
      this.report("free-text-not-allowed", node.span);
      return null;
    }
    return {
      kind: "condition",
      field: rule.field,
      operator: rule.operator,
      value: termText(literal),
      span: node.span,
      operatorSpan: node.span,
    };
  }

  private field(path: FieldPath, forSort = false): FieldSpec | null {
    const name = fieldName(path);
    const field = this.catalogue.fields.get(name);
    if (field) return field;
    const names = [...this.catalogue.fields.values()].filter((f) => !forSort || f.sortable).map((f) => f.name);
    const candidate = suggest(name, names);
    this.report("unknown-field", path.span, { field: name }, candidate === null ? null : { replacement: candidate, span: path.span });
    return null;
  }

  private allows(field: FieldSpec, operator: OperatorName, span: Span, written: string): boolean {
    if (operatorsByType[field.type].has(operator)) return true;
    this.report("operator-not-allowed", span, { operator: written, field: field.name, type: field.type });
    return false;
  }

  private list(value: Value, field: FieldSpec): (string | number | boolean | null)[] | null {
    if (value.kind !== "list") {
      this.report("type-mismatch", value.span, { field: field.name, expected: "a list" });
      return null;
    }
    if (value.items.length === 0) {
      this.report("empty-list", value.span);
      return null;
    }
    if (value.items.length > this.options.maxListValues) {
      this.report("too-many-items", value.span, { limit: String(this.options.maxListValues), what: "values in a list" });
      return null;
    }
    const values: (string | number | boolean | null)[] = [];
    let failed = false;
    for (const item of value.items) {
      const scalar = this.scalar(item, field, true);
      if (scalar === undefined) failed = true;
      else if (isDateTime(scalar)) failed = true;
      else values.push(scalar);
    }
    return failed ? null : values;
  }

  /** The literal read as a value of the field's type, or undefined after reporting why not. */
  private scalar(literal: Literal, field: FieldSpec, nullAllowed: boolean): Scalar | undefined {
    if (literal.kind === "null") {
      if (nullAllowed) return null;
      this.report("type-mismatch", literal.span, { field: field.name, expected: describeType(field) });
      return undefined;
    }
    switch (field.type) {
      case "string":
      case "string[]":
        return literal.kind === "string" ? literal.value : this.mismatch(literal, field);
      case "enum":
        return literal.kind === "string" && field.values?.includes(literal.value) ? literal.value : this.mismatch(literal, field);
      case "boolean":
        return literal.kind === "boolean" ? literal.value : this.mismatch(literal, field);
      case "number":
      case "integer": {
        if (literal.kind !== "number") return this.mismatch(literal, field);
        if (field.type === "integer") {
          if (!Number.isInteger(literal.value)) return this.mismatch(literal, field);
          if (!Number.isSafeInteger(literal.value)) {
            this.report("invalid-number", literal.span, { reason: "integer" });
            return undefined;
          }
        }
        if ((field.min !== undefined && literal.value < field.min) || (field.max !== undefined && literal.value > field.max)) {
          this.report("out-of-range", literal.span, { field: field.name, min: String(field.min ?? "-∞"), max: String(field.max ?? "∞") });
        }
        return literal.value;
      }
      case "datetime": {
        if (literal.kind !== "string" && literal.kind !== "date" && literal.kind !== "relative-date") return this.mismatch(literal, field);
        const text = literal.kind === "string" ? literal.value : literal.raw;
        const value = parseDateTime(text, this.options.now);
        if (value && isRepresentable(value)) return value;
        this.report("invalid-datetime", literal.span, { text, ...(value && { reason: "range" }) });
        return undefined;
      }
    }
  }

  private mismatch(literal: Literal, field: FieldSpec): undefined {
    this.report("type-mismatch", literal.span, { field: field.name, expected: describeType(field) });
    return undefined;
  }

  private validRegex(value: Scalar, span: Span): boolean {
    if (typeof value !== "string") return true;
    const compiled = compileRegex(value, false);
    if (compiled.ok) return true;
    this.report("invalid-regex", span, { reason: compiled.reason });
    return false;
  }

  private report(code: Problem["code"], span: Span, detail?: Record<string, string>, suggestion?: { replacement: string; span: Span } | null): void {
    this.problems.push({
      code,
      span,
      ...((detail || suggestion) && { detail: { ...detail, ...(suggestion && { suggestion: suggestion.replacement }) } }),
      ...(suggestion && { fix: { start: suggestion.span.start, end: suggestion.span.end, replacement: suggestion.replacement } }),
    });
  }
}

const operandShapesKeys = Object.keys(operandShapes);

/** The keywords that continue a comparison after its field. */
const operatorKeywords = ["between", "exists", "in", "is"];

function isDateTime(value: Scalar): value is DateTimeValue {
  return typeof value === "object" && value !== null;
}

/** Free text counts by its source text: `42` searches for "42". */
function termText(literal: Literal): string {
  switch (literal.kind) {
    case "string":
      return literal.value;
    case "number":
      return literal.raw;
    case "date":
    case "relative-date":
      return literal.raw;
    case "boolean":
      return String(literal.value);
    case "null":
      return "null";
  }
}

function describeType(field: FieldSpec): string {
  switch (field.type) {
    case "string":
    case "string[]":
      return "a string";
    case "enum":
      return `one of ${(field.values ?? []).join(", ")}`;
    case "integer":
      return "an integer";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "datetime":
      return "a datetime";
  }
}
