import type { Diagnostic, DiagnosticCode, Problem } from "./diagnostic.js";
import { severityOf } from "./diagnostic.js";

type Detail = Readonly<Record<string, string>>;

/** The English text of every diagnostic, in one place. */
const messages: Readonly<Record<DiagnosticCode, (detail: Detail) => string>> = {
  "unexpected-token": (d) => `unexpected ${quoteToken(d.token)}`,
  "unexpected-end": () => "the query ends too early",
  "unterminated-string": () => "this string has no closing quote",
  "invalid-escape": () => "this is not an escape: use \\\\ \\\" \\' \\/ \\n \\r \\t or \\uXXXX",
  "invalid-character": (d) => `the character ${quoteToken(d.character)} is not part of the language`,
  "invalid-number": (d) => (d.reason === "integer" ? "this integer is too large to be exact (the limit is ±9007199254740991)" : "this is not a number"),
  "unknown-field": (d) => `there is no field "${d.field}"`,
  "unknown-operator": (d) => `there is no operator "${d.name}"`,
  "operator-not-allowed": (d) => `${d.operator} does not apply to ${d.field}, which is ${article(d.type ?? "")} ${d.type}`,
  "type-mismatch": (d) => `${d.field} takes ${d.expected}`,
  "invalid-datetime": (d) =>
    d.reason === "range"
      ? `"${d.text}" lies outside the years 0000 to 9999 that the API's datetimes can hold (a whole day needs the next one too)`
      : `"${d.text}" is not a datetime: write 2024-01-01, 2024-01-01T10:00Z or now-7d`,
  "invalid-regex": (d) => `this regular expression cannot run in linear time or is malformed (${d.reason})`,
  "empty-list": () => "a list needs at least one value",
  "out-of-range": (d) => `${d.field} lies between ${d.min} and ${d.max}: this value is outside that range`,
  "missing-operator": (d) => (d.field ? `${d.field} is a field: compare it with a value (or quote it to search for the word)` : "this field needs an operator and a value"),
  "free-text-not-allowed": () => "free text is not allowed here: compare a field with a value",
  "not-sortable": (d) => `${d.field} cannot be sorted on`,
  "duplicate-sort-key": (d) => `${d.field} is already a sort key`,
  "too-many-sort-keys": (d) => `the API takes ${d.limit} sort key${d.limit === "1" ? "" : "s"}`,
  "unsupported-operator": (d) => `the ${d.target} API has no ${d.operator} operator${d.elsewhere ? ` (${d.elsewhere} has it)` : ""}`,
  "too-long": (d) => `the query is longer than ${d.limit} characters`,
  "too-deep": (d) => `the query nests deeper than ${d.limit} levels`,
  "too-many-items": (d) => `more than ${d.limit} ${d.what}`,
  "normalized-character": (d) => `${quoteToken(d.character)} was read as ${quoteToken(d.replacement)}`,
};

export function describe(problem: Problem): Diagnostic {
  const detail = problem.detail ?? {};
  const hint = detail.suggestion !== undefined ? `did you mean ${detail.suggestion}?` : detail.hint;
  return {
    code: problem.code,
    severity: severityOf(problem.code),
    message: messages[problem.code](detail),
    start: problem.span.start,
    end: problem.span.end,
    ...(hint !== undefined && { hint }),
    ...(problem.fix && { fix: problem.fix }),
  };
}

function quoteToken(token: string | undefined): string {
  return token === undefined ? "input" : JSON.stringify(token);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

/** In offset order; two reports that offer the same fix are one mistake seen twice: the first stays. */
export function describeAll(problems: readonly Problem[]): Diagnostic[] {
  if (problems.length === 0) return [];
  const sorted = problems.map(describe).sort((a, b) => a.start - b.start || a.end - b.end);
  const fixes = new Set<string>();
  return sorted.filter((diagnostic) => {
    if (!diagnostic.fix) return true;
    const key = `${diagnostic.fix.start}:${diagnostic.fix.end}:${diagnostic.fix.replacement}`;
    if (fixes.has(key)) return false;
    fixes.add(key);
    return true;
  });
}
