import type { Catalogue, CatalogueJson, FieldJson, FieldSpec } from "./catalogue.js";
import { catalogueJsonSchema, fieldJsonSchema } from "./catalogue-schema.js";

/** Thrown for a catalogue that is not the JSON of LANGUAGE.md §4: a programmer's mistake, not a user's. */
export class CatalogueError extends Error {
  override readonly name = "CatalogueError";
}

const textTypes = new Set(["string", "string[]"]);

/** Validates a catalogue once and freezes it; pass the result to every `compile`. */
export function defineCatalogue(json: unknown): Catalogue {
  if (isCatalogue(json)) return json;
  const parsed = catalogueJsonSchema.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error.issues[0], []);
  const fields = new Map<string, FieldSpec>();
  const fieldEntries: [string, FieldJson][] = [];
  // the caller's own keys, not zod's copy: a copy made by assignment would lose a field named __proto__
  for (const [name, raw] of Object.entries((json as { fields: Record<string, unknown> }).fields)) {
    const field = fieldJsonSchema.safeParse(raw);
    if (!field.success) throw invalid(field.error.issues[0], ["fields", name]);
    fieldEntries.push([name, field.data as FieldJson]);
    fields.set(name, fieldSpec(name, field.data as FieldJson));
  }
  const source: CatalogueJson = {
    fields: Object.fromEntries(fieldEntries),
    ...(parsed.data.freeText !== undefined && { freeText: parsed.data.freeText }),
  };
  let freeText: Catalogue["freeText"] = null;
  if (source.freeText) {
    const field = fields.get(source.freeText.field);
    if (!field) throw new CatalogueError(`invalid catalogue at freeText.field: no field named "${source.freeText.field}"`);
    if (!textTypes.has(field.type)) {
      throw new CatalogueError(`invalid catalogue at freeText.field: "${field.name}" is ${field.type}, free text needs a string field`);
    }
    freeText = Object.freeze({ field, operator: source.freeText.operator });
  }
  return Object.freeze({ kind: "catalogue", fields, freeText, json: deepFreeze(source) });
}

function invalid(issue: { readonly path: readonly PropertyKey[]; readonly message: string } | undefined, prefix: readonly string[]): CatalogueError {
  const path = [...prefix, ...(issue?.path ?? []).map(String)];
  const where = path.length > 0 ? ` at ${path.join(".")}` : "";
  return new CatalogueError(`invalid catalogue${where}: ${issue?.message ?? "not a catalogue"}`);
}

export function isCatalogue(value: unknown): value is Catalogue {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "catalogue" && (value as Catalogue).fields instanceof Map;
}

function fieldSpec(name: string, field: FieldJson): FieldSpec {
  if (field.type === "enum" && (!field.values || field.values.length === 0)) {
    throw new CatalogueError(`invalid catalogue at fields.${name}.values: an enum field lists its values`);
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    throw new CatalogueError(`invalid catalogue at fields.${name}: min is greater than max`);
  }
  const spec: FieldSpec = {
    name,
    type: field.type,
    path: (field.path ?? name).split("."),
    sortable: field.sortable ?? false,
    ...(field.description !== undefined && { description: field.description }),
    ...(field.min !== undefined && { min: field.min }),
    ...(field.max !== undefined && { max: field.max }),
    ...(field.values !== undefined && { values: Object.freeze([...field.values]) }),
  };
  Object.freeze(spec.path);
  return Object.freeze(spec);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
