import type { CompileOptions } from "./compile.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { RecordOrder } from "./evaluate/to-comparator.js";
import { compileLocal } from "./local-query.js";

/** The options of `compile`; `caseSensitive` applies to the predicate too. */
export type FilterOptions = CompileOptions;

export type FilterResult<T> =
  | {
      readonly ok: true;
      /** The matching records, in input order, or sorted (stably) when the query sorts. */
      readonly records: T[];
      /** Warnings only. */
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly records: readonly []; readonly diagnostics: readonly Diagnostic[] };

/**
 * The records that match `text`, sorted when the query sorts (LANGUAGE.md §7). Never throws on any
 * query text or record: a query with errors gives `ok: false` and its diagnostics. What only an API
 * target refuses (an operator it lacks, a second sort key) is evaluated locally all the same.
 */
export function filter<T>(records: Iterable<T>, text: string, options: FilterOptions = {}): FilterResult<T> {
  const local = compileLocal(text, options);
  if (!local.ok) return { ok: false, records: [], diagnostics: local.diagnostics };
  const matches: T[] = [];
  for (const record of records) if (local.test(record)) matches.push(record);
  return { ok: true, records: local.order === null ? matches : sortByKey(matches, local.order), diagnostics: local.diagnostics };
}

/** A stable sort that reads each record's key once. */
function sortByKey<T>(records: readonly T[], order: RecordOrder): T[] {
  const keyed = records.map((record) => ({ record, key: order.key(record) }));
  keyed.sort((a, b) => order.compare(a.key, b.key));
  return keyed.map((entry) => entry.record);
}
