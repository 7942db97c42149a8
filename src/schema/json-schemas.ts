import * as z from "zod/mini";
import { targetNames } from "../targets/targets.js";
import { catalogueSchema } from "./catalogue-schema.js";
import { conformanceCasesSchema } from "./conformance-schema.js";
import { filterSchemas, sortSchema } from "./filter-schemas.js";

const draft = "https://json-schema.org/draft/2020-12/schema";

/**
 * The JSON Schema documents generated from the zod schemas, by the path they are committed at.
 * `npm run schema` writes them; a test fails when a committed one is stale.
 */
export function jsonSchemaFiles(): Record<string, unknown> {
  return {
    "src/schema/schema.json": schemaDocument(),
    "conformance/case.schema.json": caseSchemaDocument(),
  };
}

/** One document: every schema under `$defs`, by name; the root accepts none of them on its own. */
function schemaDocument(): unknown {
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(catalogueSchema, { id: "catalogue", description: "A field catalogue (LANGUAGE.md §4)" });
  registry.add(sortSchema, { id: "sort", description: "The sort of a request: one key, or null" });
  for (const name of targetNames) {
    const schemas = filterSchemas[name];
    registry.add(schemas.condition, { id: `${name}-condition`, description: `One condition of the ${name} target` });
    registry.add(schemas.group, { id: `${name}-group`, description: `A group nested in a ${name} filter` });
    registry.add(schemas.filters, { id: `${name}-filters`, description: `The filters of a ${name} request: the top group, or null` });
    registry.add(schemas.request, { id: `${name}-request`, description: `{"filters", "sort"} for the ${name} target, as taxql compile prints it` });
  }
  return {
    $schema: draft,
    title: "taxql: catalogue and API request JSON",
    description: "Generated from src/schema/*.ts by npm run schema; do not edit. Refer to a definition: schema.json#/$defs/classifications-filters.",
    $defs: definitions(registry),
  };
}

function caseSchemaDocument(): unknown {
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(conformanceCasesSchema, { id: "cases", description: "A conformance case file: an array of cases" });
  registry.add(catalogueSchema, { id: "catalogue" });
  for (const name of targetNames) {
    registry.add(filterSchemas[name].condition, { id: `${name}-condition` });
    registry.add(filterSchemas[name].group, { id: `${name}-group` });
  }
  const defs = definitions(registry);
  const { cases, ...rest } = defs as { cases: Record<string, unknown> & { $defs?: Record<string, unknown> } };
  const { $defs: own, ...root } = cases;
  return {
    $schema: draft,
    title: "taxql conformance cases",
    description: "Generated from src/schema/conformance-schema.ts by npm run schema; do not edit. See conformance/README.md.",
    ...root,
    $defs: { ...own, ...rest },
  };
}

/** The registry's schemas as one `$defs` table, with references between them kept local. */
function definitions(registry: z.core.$ZodRegistry<{ id: string; description?: string }>): Record<string, unknown> {
  const generated = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => id }) as { schemas: Record<string, Record<string, unknown>> };
  const defs: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _draft, $id: _id, $defs: inner, ...rest } = schema;
    // schemas used in several places come as `__shared`: hoist them beside the others
    if (id === "__shared") Object.assign(defs, inner);
    else defs[id] = inner === undefined ? rest : { ...rest, $defs: inner };
  }
  return localRefs(defs) as Record<string, unknown>;
}

/** `other-id` and `__shared#/$defs/schema0` as references into this document's `$defs`. */
function localRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localRefs);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key !== "$ref" || typeof inner !== "string" || inner.startsWith("#")) return [key, localRefs(inner)];
      const shared = /^__shared#\/\$defs\/(.+)$/.exec(inner);
      return [key, `#/$defs/${shared ? shared[1] : inner}`];
    }),
  );
}
