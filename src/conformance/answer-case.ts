import { compile } from "../compile.js";
import { toComparator } from "../evaluate/to-comparator.js";
import { toPredicate } from "../evaluate/to-predicate.js";
import type { CaseAnswer, CaseRequest } from "./protocol.js";

/** taxql's own side of the protocol: compile the input, then run the predicate and the comparator. */
export function answerCase(request: CaseRequest): CaseAnswer {
  const result = compile(request.input, request.options);
  const answer: { -readonly [K in keyof CaseAnswer]: CaseAnswer[K] } = {
    ok: result.ok,
    filters: result.filters,
    sort: result.sort,
    diagnostics: result.diagnostics.map(({ code, severity, start, end }) => ({ code, severity, start, end })),
  };
  if (result.query && request.records) {
    const accepts = toPredicate(result.query, { caseSensitive: request.options.caseSensitive === true });
    answer.matches = request.records.map((entry) => accepts(materialise(entry)));
  }
  if (result.query && request.order) {
    const records = request.order.records.map((record) => structuredClone(record));
    const sorted = [...records].sort(toComparator(result.query));
    answer.order = sorted.map((record) => records.indexOf(record));
  }
  return answer;
}

/** The record as a JavaScript caller would hold it: dates as Date objects, `proto` as its prototype. */
function materialise(entry: NonNullable<CaseRequest["records"]>[number]): unknown {
  let record = structuredClone(entry.record) as Record<string, unknown>;
  if (entry.dates && typeof record === "object" && record !== null) {
    for (const key of entry.dates) record[key] = new Date(record[key] as string);
  }
  if (entry.proto) record = Object.create(structuredClone(entry.proto), Object.getOwnPropertyDescriptors(record)) as Record<string, unknown>;
  return record;
}
