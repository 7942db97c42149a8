import * as z from "zod/mini";
import { fieldTypes, freeTextOperators } from "./catalogue.js";

export const fieldJsonSchema = z.strictObject({
  type: z.enum(fieldTypes),
  path: z.optional(z.string().check(z.minLength(1))),
  sortable: z.optional(z.boolean()),
  description: z.optional(z.string()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  values: z.optional(z.array(z.string())),
});

/** The fields are checked one by one (see defineCatalogue), so that `__proto__` stays a field name. */
export const catalogueJsonSchema = z.strictObject({
  fields: z.record(z.string(), z.unknown()),
  freeText: z.optional(
    z.nullable(
      z.strictObject({
        field: z.string(),
        operator: z.enum(freeTextOperators),
      }),
    ),
  ),
});
