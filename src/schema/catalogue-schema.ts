import * as z from "zod/mini";
import { catalogueJsonSchema, fieldJsonSchema } from "../catalogue/catalogue-schema.js";

/**
 * The catalogue as documented: defineCatalogue checks each field on its own (so that `__proto__`
 * stays a field name), and this schema says what each one must be.
 */
export const catalogueSchema = z.strictObject({
  fields: z.record(z.string(), fieldJsonSchema),
  freeText: catalogueJsonSchema.shape.freeText,
});
