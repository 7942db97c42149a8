import { compile, type CompileOptions } from "./compile.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { toRecordOrder, type RecordOrder } from "./evaluate/to-comparator.js";
import { toPredicate, type Predicate } from "./evaluate/to-predicate.js";

/** A query built for local evaluation: the predicate, and the order when the query sorts. */
export type LocalQuery =
  | {
      readonly ok: true;
      readonly test: Predicate;
      readonly order: RecordOrder | null;
      /** Warnings only: what an API target would refuse does not apply locally. */
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Compiles `text` for rows held locally. Local evaluation takes every operator of both targets and
 * any number of sort keys, so the target's refusals (`unsupported-operator`, `too-many-sort-keys`,
 * `too-many-items` in a group) are dropped; every other error makes the result not ok.
 */
export function compileLocal(text: string, options: CompileOptions = {}): LocalQuery {
  const result = compile(text, options);
  if (result.query === undefined) return { ok: false, diagnostics: result.diagnostics };
  const query = result.query;
  return {
    ok: true,
    test: toPredicate(query, { caseSensitive: options.caseSensitive === true }),
    order: query.sort.length === 0 ? null : toRecordOrder(query),
    diagnostics: result.diagnostics.filter((diagnostic) => diagnostic.severity !== "error"),
  };
}
