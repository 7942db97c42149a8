import type { OperatorName } from "../operators.js";

export const fieldTypes = ["string", "number", "integer", "boolean", "datetime", "enum", "string[]"] as const;

export type FieldType = (typeof fieldTypes)[number];

/** One field of a catalogue, resolved: `path` is already split into the keys to walk. */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly path: readonly string[];
  readonly sortable: boolean;
  readonly description?: string;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
}

export interface FreeTextRule {
  readonly field: FieldSpec;
  readonly operator: FreeTextOperator;
}

export const freeTextOperators = ["contains", "text", "eq", "starts_with", "ends_with"] as const satisfies readonly OperatorName[];

export type FreeTextOperator = (typeof freeTextOperators)[number];

/** The JSON form of a catalogue (LANGUAGE.md §4). */
export interface CatalogueJson {
  readonly fields: Readonly<Record<string, FieldJson>>;
  readonly freeText?: { readonly field: string; readonly operator: FreeTextOperator } | null;
}

export interface FieldJson {
  readonly type: FieldType;
  readonly path?: string;
  readonly sortable?: boolean;
  readonly description?: string;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
}

/** A validated, frozen catalogue: build it once with `defineCatalogue` and pass it to every compile. */
export interface Catalogue {
  readonly kind: "catalogue";
  readonly fields: ReadonlyMap<string, FieldSpec>;
  readonly freeText: FreeTextRule | null;
  readonly json: CatalogueJson;
}
