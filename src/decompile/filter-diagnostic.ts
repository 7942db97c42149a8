import type { DiagnosticCode, Severity } from "../diagnostics/diagnostic.js";

/** Problems only JSON can have: its shape, not its meaning. */
export const shapeCodes = ["invalid-shape", "unknown-key", "missing-key", "empty-group", "unrepresentable-value"] as const;

export type ShapeCode = (typeof shapeCodes)[number];

export type FilterDiagnosticCode = DiagnosticCode | ShapeCode;

/**
 * A problem in the API's JSON: `path` says where, as a JSON path from `$` (the value passed in),
 * e.g. `$.AND[2].operator`.
 */
export interface FilterDiagnostic {
  readonly code: FilterDiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly hint?: string;
}

type Detail = Readonly<Record<string, string>>;

/** The English text of the shape codes; the others reuse the compiler's messages. */
export const shapeMessages: Readonly<Record<ShapeCode, (detail: Detail) => string>> = {
  "invalid-shape": (d) => `expected ${d.expected}, found ${d.found}`,
  "unknown-key": (d) => `"${d.key}" is not a key here`,
  "missing-key": (d) => `this ${d.what} has no "${d.key}"`,
  "empty-group": (d) => `an empty ${d.group} group has no query text`,
  "unrepresentable-value": (d) => `${d.value} cannot be written in a query`,
};

/** `$.AND[2].operator`; keys that are no identifiers are written `["odd key"]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** What a JSON value is, for messages: `a string`, `an array`, `null`. */
export function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return Number.isFinite(value) ? "a number" : String(value);
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}
