import type { Limits } from "./compile.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { describeAll } from "./diagnostics/messages.js";
import type { Query } from "./syntax/ast.js";
import { defaultSyntaxLimits, parseQuery } from "./syntax/parse.js";

export interface ParseOptions {
  readonly limits?: Pick<Limits, "maxLength" | "maxDepth">;
}

export interface ParseResult {
  /** The query as written; parts that could not be read are left out. */
  readonly query: Query;
  /** The syntax problems only: nothing is checked against a catalogue. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Text to AST, for tools that work on the syntax (formatters, highlighters). Never throws. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const parsed = parseQuery(String(text), {
    maxLength: options.limits?.maxLength ?? defaultSyntaxLimits.maxLength,
    maxDepth: options.limits?.maxDepth ?? defaultSyntaxLimits.maxDepth,
  });
  return { query: parsed.query, diagnostics: describeAll(parsed.problems) };
}
