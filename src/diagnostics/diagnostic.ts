import type { Span } from "../span.js";

export const diagnosticCodes = [
  "unexpected-token",
  "unexpected-end",
  "unterminated-string",
  "invalid-escape",
  "invalid-character",
  "invalid-number",
  "unknown-field",
  "unknown-operator",
  "operator-not-allowed",
  "type-mismatch",
  "invalid-datetime",
  "invalid-regex",
  "empty-list",
  "out-of-range",
  "missing-operator",
  "free-text-not-allowed",
  "not-sortable",
  "duplicate-sort-key",
  "too-many-sort-keys",
  "unsupported-operator",
  "too-long",
  "too-deep",
  "too-many-items",
  "normalized-character",
] as const;

export type DiagnosticCode = (typeof diagnosticCodes)[number];

export type Severity = "error" | "warning";

/** A machine-applicable edit: replace `[start, end)` of the input with `replacement`. */
export interface Fix {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly hint?: string;
  readonly fix?: Fix;
}

/** What the passes report; the message is filled in by `describe` from one table of English text. */
export interface Problem {
  readonly code: DiagnosticCode;
  readonly span: Span;
  /** Words the message quotes: the field name, the operator, the expected type… */
  readonly detail?: Readonly<Record<string, string>>;
  readonly fix?: Fix;
}

const warnings: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(["out-of-range", "normalized-character"]);

export function severityOf(code: DiagnosticCode): Severity {
  return warnings.has(code) ? "warning" : "error";
}
