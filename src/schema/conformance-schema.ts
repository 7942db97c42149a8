import * as z from "zod/mini";
import { catalogueSchema } from "./catalogue-schema.js";
import { diagnosticCodes } from "../diagnostics/diagnostic.js";
import { targetNames } from "../targets/targets.js";
import { filterSchemas, sortSchema } from "./filter-schemas.js";

const code = z.enum(diagnosticCodes);
const count = z.int().check(z.minimum(0));

/** Compile options as a case gives them (LANGUAGE.md §9): JSON only, so `now` is a string. */
export const caseOptionsSchema = z.strictObject({
  target: z.optional(z.enum(targetNames)),
  now: z.optional(z.string()),
  caseSensitive: z.optional(z.boolean()),
  catalogue: z.optional(catalogueSchema),
  limits: z.optional(
    z.strictObject({
      maxLength: z.optional(count),
      maxDepth: z.optional(count),
      maxGroupItems: z.optional(count),
      maxListValues: z.optional(count),
    }),
  ),
});

const anyFilters = z.union([filterSchemas.classifications.filters, filterSchemas["mixpeek-v1"].filters]);

export const caseExpectSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    /** Left out: not asserted (the case's note says why). */
    filters: z.optional(anyFilters),
    sort: z.optional(sortSchema),
    /** Codes that must be among the diagnostics. */
    warnings: z.optional(z.array(code)),
  }),
  z.strictObject({
    ok: z.literal(false),
    /** Each must be among the diagnostics; others are allowed. Empty: only ok is asserted. */
    errors: z.array(z.strictObject({ code, start: count, end: z.optional(count) })),
  }),
]);

export const caseRecordSchema = z.strictObject({
  record: z.unknown(),
  match: z.boolean(),
  /** Becomes the record's prototype: the predicate must read own properties only. */
  proto: z.optional(z.record(z.string(), z.unknown())),
  /** Keys whose ISO string values become dates (Date objects in JavaScript). */
  dates: z.optional(z.array(z.string())),
});

export const conformanceCaseSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  kind: z.string().check(z.minLength(1)),
  /** Where the rule comes from: a section of LANGUAGE.md, a URL, or "decision" for a rule the project chose where LANGUAGE.md is silent. */
  source: z.string(),
  input: z.string(),
  options: caseOptionsSchema,
  expect: caseExpectSchema,
  records: z.optional(z.array(caseRecordSchema)),
  order: z.optional(z.strictObject({ records: z.array(z.unknown()), expect: z.array(count) })),
  note: z.optional(z.string()),
  adapted_from: z.optional(z.string()),
});

export const conformanceCasesSchema = z.array(conformanceCaseSchema);

export type ConformanceCase = z.infer<typeof conformanceCaseSchema>;
