// Writes an AST the way people type: every spelling the language allows, chosen at random, so
// that parsing it gives back the same tree up to presentation (quotes, backticks, default direction).
import fc from "fast-check";
import type { Expression, FieldPath, Literal, Query, Value } from "../../src/syntax/ast.js";
import { isPlainWord } from "../../grammar/keywords.js";

type Pick = <T>(arbitrary: fc.Arbitrary<T>) => T;

export function sloppyPrint(query: Query, pick: Pick): string {
  const chance = (p: number): boolean => pick(fc.integer({ min: 0, max: 99 })) < p * 100;
  const space = (): string => (chance(0.85) ? " " : pick(fc.constantFrom("  ", "\t", "\n", "\r\n ")));
  const keyword = (word: string): string => {
    if (chance(0.7)) return word;
    return [...word].map((ch) => (chance(0.5) ? ch.toUpperCase() : ch)).join("");
  };

  const segment = (name: string): string => (isPlainWord(name) && !chance(0.1) ? name : "`" + name.replace(/[`\\]/g, (ch) => "\\" + ch) + "`");
  const field = (path: FieldPath): string => path.segments.map((s) => segment(s.name)).join(".");

  const string = (value: string): string => {
    const quote = chance(0.3) ? "'" : '"';
    let out = quote;
    for (const ch of value) {
      if (ch === quote || ch === "\\") out += "\\" + ch;
      else if (ch.length === 1 && (ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff) || chance(0.05)))
        out += "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");
      else if (ch === "/" && chance(0.5)) out += "\\/";
      else out += ch;
    }
    return out + quote;
  };

  const literal = (node: Literal): string => {
    switch (node.kind) {
      case "string":
        return node.quote === null && isPlainWord(node.value) ? node.value : string(node.value);
      case "number":
        return node.raw;
      case "boolean":
        return keyword(String(node.value));
      case "null":
        return keyword("null");
      case "date":
      case "relative-date":
        return node.raw;
    }
  };
  const value = (node: Value): string => (node.kind === "list" ? "[" + node.items.map(literal).join("," + (chance(0.5) ? " " : "")) + "]" : literal(node));

  const operators: Record<string, readonly string[]> = { "=": ["=", "==", ":"] };
  const expression = (node: Expression, parent: Expression["kind"] | null): string => {
    const text = bare(node);
    const needed = (parent === "and" && (node.kind === "and" || node.kind === "or")) || (parent === "or" && node.kind === "or") || (parent === "not" && (node.kind === "and" || node.kind === "or"));
    // extra parentheses only where they leave the tree as it is
    const redundant = !needed && node.kind !== parent && chance(0.1);
    return needed || redundant ? "(" + space() + text + space() + ")" : text;
  };
  const bare = (node: Expression): string => {
    switch (node.kind) {
      case "or":
        return node.operands.map((o) => expression(o, "or")).join(space() + (chance(0.3) ? "||" : keyword("or")) + space());
      case "and":
        return node.operands.map((o) => expression(o, "and")).join(chance(0.3) ? space() : space() + (chance(0.3) ? "&&" : keyword("and")) + space());
      case "not":
        return chance(0.3) ? "!" + expression(node.operand, "not") : keyword("not") + space() + expression(node.operand, "not");
      case "comparison": {
        const spelled = operators[node.operator] ? pick(fc.constantFrom(...operators[node.operator]!)) : node.operator === "not in" ? keyword("not") + space() + keyword("in") : node.operator === "in" ? keyword("in") : node.operator;
        return field(node.field) + space() + spelled + space() + value(node.value);
      }
      case "between":
        return `${field(node.field)} ${keyword("between")} ${literal(node.low)} ${keyword("and")} ${literal(node.high)}`;
      case "exists":
        return `${field(node.field)} ${keyword("exists")}`;
      case "is-null":
        return `${field(node.field)} ${keyword("is")} ${node.negated ? keyword("not") + " " : ""}${keyword("null")}`;
      case "call":
        return `${node.name}(${space()}${field(node.field)}${node.argument ? "," + space() + value(node.argument) : ""})`;
      case "term":
        return literal(node.value);
    }
  };

  const parts: string[] = [];
  if (chance(0.1)) parts.push(space());
  if (query.filter) parts.push(expression(query.filter, null));
  if (query.sort.length > 0) {
    const keys = query.sort.map((key) => field(key.field) + (key.direction === "asc" && chance(0.5) ? "" : " " + keyword(key.direction ?? "asc")));
    parts.push(keyword("sort") + (chance(0.5) ? " " + keyword("by") : "") + " " + keys.join(chance(0.5) ? ", " : ","));
  }
  return parts.join(" ");
}

/** The tree without spans and presentation: quote characters, needless backticks, a default direction. */
export function meaningOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(meaningOf);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "span" || key.endsWith("Span")) continue;
    out[key] = meaningOf(inner);
  }
  const node = value as { kind?: string; quote?: unknown; name?: unknown; direction?: unknown };
  if (node.kind === "string" && node.quote === "'") out.quote = '"';
  if (node.kind === "sort-key" && node.direction === null) out.direction = "asc";
  if ("quoted" in out && typeof node.name === "string") out.quoted = !isPlainWord(node.name);
  return out;
}
