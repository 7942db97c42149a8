import type { ConformanceCase } from "../schema/conformance-schema.js";

/** The version of the stdin/stdout protocol of conformance/README.md. */
export const protocolVersion = 1;

/**
 * What the runner writes on the implementation's standard input: a case without what it expects,
 * so the implementation needs to know nothing of how it is judged.
 */
export interface CaseRequest {
  readonly protocol: typeof protocolVersion;
  readonly id: string;
  readonly input: string;
  readonly options: ConformanceCase["options"];
  /** Records to run the query's predicate on; `proto` is the record's prototype, `dates` the keys to turn into dates. */
  readonly records?: readonly { readonly record: unknown; readonly proto?: Readonly<Record<string, unknown>>; readonly dates?: readonly string[] }[];
  /** Records to sort with the query's comparator. */
  readonly order?: { readonly records: readonly unknown[] };
}

/** What the implementation prints on its standard output, as one JSON value. */
export interface CaseAnswer {
  readonly ok: boolean;
  readonly filters: unknown;
  readonly sort: unknown;
  /** Warnings too; `message` and anything else is allowed and ignored. */
  readonly diagnostics: readonly { readonly code: string; readonly severity: string; readonly start: number; readonly end: number }[];
  /** One per request record, in order: does the predicate accept it? */
  readonly matches?: readonly boolean[];
  /** The request's order records sorted by the comparator, as their indices. */
  readonly order?: readonly number[];
}

/** The request for a case; with `compileOnly`, no records and no order. */
export function requestOf(testCase: ConformanceCase, compileOnly = false): CaseRequest {
  return {
    protocol: protocolVersion,
    id: testCase.id,
    input: testCase.input,
    options: testCase.options,
    ...(!compileOnly && testCase.records && { records: testCase.records.map(({ record, proto, dates }) => ({ record, ...(proto && { proto }), ...(dates && { dates }) })) }),
    ...(!compileOnly && testCase.order && { order: { records: testCase.order.records } }),
  };
}
