import type { IToken, TokenType } from "chevrotain";
import { isPlainWord } from "../../grammar/keywords.js";
import { scan } from "../../grammar/scanner.js";
import { taxqlParser } from "../../grammar/parser.js";
import * as t from "../../grammar/tokens.js";
import type { Catalogue, CatalogueJson, FieldSpec } from "../catalogue/catalogue.js";
import { operatorsByType } from "../check/operators-by-type.js";
import { resolveCatalogue } from "../compile.js";
import { operatorNames, type OperatorName } from "../operators.js";
import { targets, type TargetName } from "../targets/targets.js";

export type CompletionKind = "field" | "operator" | "keyword" | "value" | "function";

export interface CompletionItem {
  /** What to show. */
  readonly label: string;
  /** What replaces `[from, to)` of the text. */
  readonly insert: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
}

export interface Completions {
  /** The word being typed at the cursor (from = to when there is none). */
  readonly from: number;
  readonly to: number;
  readonly items: readonly CompletionItem[];
}

export interface CompleteOptions {
  readonly catalogue?: Catalogue | CatalogueJson;
  /** Operators the target lacks are not offered (default: classifications). */
  readonly target?: TargetName;
}

/** The infix operators, by the JSON operator each one needs the field type to take. */
const infixOperators: readonly (readonly [string, OperatorName, string])[] = [
  ["=", "eq", "equals"],
  ["!=", "ne", "does not equal"],
  [">", "gt", "greater than"],
  [">=", "gte", "at least"],
  ["<", "lt", "less than"],
  ["<=", "lte", "at most"],
  ["~", "contains", "contains"],
  ["!~", "contains", "does not contain"],
  ["^=", "starts_with", "starts with"],
  ["$=", "ends_with", "ends with"],
  ["=~", "regex", "matches the RE2 regular expression"],
];

/** Keywords that continue a comparison, by the operator the field type must take. */
const comparisonKeywords: ReadonlyMap<TokenType, readonly [string, OperatorName]> = new Map([
  [t.In, ["in", "in"]],
  [t.Between, ["between", "gte"]],
  [t.Exists, ["exists", "exists"]],
  [t.Is, ["is", "is_null"]],
]);

const plainKeywords: ReadonlyMap<TokenType, string> = new Map([
  [t.And, "and"],
  [t.Or, "or"],
  [t.Not, "not"],
  [t.Sort, "sort"],
  [t.By, "by"],
  [t.Null, "null"],
]);

const wordTokens = new Set(["Identifier", "CallName", "RelativeDate", ...[...plainKeywords.keys(), ...comparisonKeywords.keys(), t.Asc, t.Desc, t.True, t.False].map((type) => type.name)]);

/**
 * What may be typed at `offset`: fields, operators the field's type takes, keywords, enum values,
 * call names; filtered by the word under the cursor. For a search bar: cheap enough per keystroke.
 */
export function complete(input: string, offset?: number, options: CompleteOptions = {}): Completions {
  const text = String(input);
  const catalogue = resolveCatalogue(options.catalogue);
  const offered = targets[options.target ?? "classifications"].operators;
  const takes = (spec: FieldSpec | undefined, operator: OperatorName): boolean => offered.has(operator) && (!spec || operatorsByType[spec.type].has(operator));
  const cursor = offset !== undefined && Number.isFinite(offset) ? Math.max(0, Math.min(Math.trunc(offset), text.length)) : text.length;
  const tokens = scan(text.slice(0, cursor)).tokens;
  const last = tokens[tokens.length - 1];
  const typing = last !== undefined && last.startOffset + last.image.length === cursor && wordTokens.has(last.tokenType.name) ? last : undefined;
  const preceding = typing ? tokens.slice(0, -1) : tokens;
  const prefix = typing?.image ?? "";
  const from = typing?.startOffset ?? cursor;
  // inside a string being typed there is nothing to offer
  if (last !== undefined && last.tokenType === t.UnterminatedString && last.startOffset + last.image.length === cursor) return { from: cursor, to: cursor, items: [] };
  // a word written straight after a value or a word would glue onto it
  const gap = !typing && cursor > 0 && /[\w"'`\])]/.test(text[cursor - 1]!) ? " " : "";

  const paths = taxqlParser().computeContentAssist("query", preceding);
  const field = fieldBefore(preceding, catalogue);
  const inSort = preceding.some((token) => token.tokenType === t.Sort);
  // right after a field's name only its comparison can follow: the name alone is no search term
  const afterField = !inSort && field !== undefined && preceding[preceding.length - 1]?.image === field.name;
  const items = new Map<string, CompletionItem>();
  const add = (item: CompletionItem): void => {
    if (items.has(item.kind + item.label) || !item.label.toLowerCase().startsWith(prefix.toLowerCase())) return;
    items.set(item.kind + item.label, gap === "" ? item : { ...item, insert: gap + item.insert });
  };

  for (const path of paths) {
    const next = path.nextTokenType;
    const rule = path.ruleStack[path.ruleStack.length - 1];
    if (afterField && rule !== "comparisonTail") continue;
    if (next === t.Not && rule === "comparisonTail") {
      if (preceding[preceding.length - 1]?.tokenType === t.Is) add({ label: "not null", insert: "not null", kind: "keyword" });
      else if (field && takes(field, "nin")) add({ label: "not in", insert: "not in", kind: "keyword" });
    } else if (next === t.FieldSegment && rule === "field") {
      for (const spec of catalogue.fields.values()) {
        if (!inSort || spec.sortable) add({ label: spec.name, insert: fieldText(spec.name), kind: "field", detail: describeField(spec) });
      }
    } else if (next === t.CallName) {
      for (const name of operatorNames) if (takes(undefined, name)) add({ label: `${name}(`, insert: `${name}(`, kind: "function", detail: `the ${name} operator` });
    } else if (next === t.ComparisonOperator && field) {
      for (const [symbol, operator, detail] of infixOperators) {
        if (takes(field, operator)) add({ label: symbol, insert: symbol, kind: "operator", detail });
      }
    } else if (comparisonKeywords.has(next)) {
      const [word, operator] = comparisonKeywords.get(next)!;
      if (takes(field, operator)) add({ label: word, insert: word, kind: "keyword" });
    } else if (plainKeywords.has(next)) {
      add({ label: plainKeywords.get(next)!, insert: plainKeywords.get(next)!, kind: "keyword" });
    } else if (next === t.Direction) {
      add({ label: "asc", insert: "asc", kind: "keyword", detail: "ascending" });
      add({ label: "desc", insert: "desc", kind: "keyword", detail: "descending" });
    } else if (next === t.LiteralValue && field) {
      for (const value of valuesFor(field)) add(value);
    }
  }
  return { from, to: cursor, items: [...items.values()] };
}

/** The field the comparison being typed is about: the field path just before the cursor's operator or value. */
function fieldBefore(tokens: readonly IToken[], catalogue: Catalogue): FieldSpec | undefined {
  for (let i = tokens.length - 1; i >= 0 && i >= tokens.length - 4; i--) {
    const token = tokens[i]!;
    if (token.tokenType === t.Identifier || token.tokenType === t.QuotedSegment) {
      const name = token.tokenType === t.QuotedSegment ? token.image.slice(1, -1) : token.image;
      const spec = catalogue.fields.get(name);
      if (spec) return spec;
    }
  }
  return undefined;
}

function valuesFor(field: FieldSpec): CompletionItem[] {
  switch (field.type) {
    case "enum":
      return (field.values ?? []).map((value) => ({ label: value, insert: isPlainWord(value) ? value : JSON.stringify(value), kind: "value" }));
    case "boolean":
      return ["true", "false"].map((value) => ({ label: value, insert: value, kind: "value" }));
    case "datetime":
      return [
        { label: "now", insert: "now", kind: "value", detail: "the current instant" },
        { label: "now-7d", insert: "now-7d", kind: "value", detail: "seven days ago" },
      ];
    default:
      return [];
  }
}

function fieldText(name: string): string {
  return isPlainWord(name) ? name : "`" + name.replace(/[`\\]/g, "\\$&") + "`";
}


function describeField(field: FieldSpec): string {
  return field.description ? `${field.type}: ${field.description}` : field.type;
}
