import type { Catalogue, CatalogueJson } from "../catalogue/catalogue.js";
import { classificationCatalogue } from "../catalogue/default-catalogue.js";
import { defineCatalogue } from "../catalogue/define-catalogue.js";
import type { Query } from "../syntax/ast.js";
import { targets, type TargetName } from "../targets/targets.js";
import type { Arbitrary, FastCheck } from "./fast-check.js";
import { NearMisses, type NearMiss } from "./near-miss.js";
import { QueryPieces } from "./query-pieces.js";
import { recordArbitrary } from "./records.js";

export interface ArbitrariesOptions {
  /** The target the queries must compile for (default `classifications`: no `^=`, `$=`, `=~`, at most 20 items a group). */
  readonly target?: TargetName;
}

export interface TaxqlArbitraries {
  /** Query text valid for the catalogue and target: `compile` returns ok for it. */
  readonly queryText: Arbitrary<string>;
  /** The AST of such a query, with the spans of the text it was written as. */
  readonly query: Arbitrary<Query>;
  /** Both at once: `parse(text).query` equals `query`. */
  readonly queryWithText: Arbitrary<{ readonly text: string; readonly query: Query }>;
  /** Records for the catalogue's paths: missing fields, nulls, arrays, wrong types, Date objects. */
  readonly record: Arbitrary<Record<string, unknown>>;
  /** A valid query with one mistake injected, and the diagnostic code it must produce. */
  readonly nearMiss: Arbitrary<NearMiss>;
}

/**
 * fast-check arbitraries for taxql. Pass fast-check in (`import fc from "fast-check"`); the
 * catalogue is the JSON of LANGUAGE.md §4 or the value of `defineCatalogue` (default: the
 * classification catalogue).
 */
export function arbitraries(fc: FastCheck, catalogue?: Catalogue | CatalogueJson, options: ArbitrariesOptions = {}): TaxqlArbitraries {
  const resolved = catalogue === undefined ? classificationCatalogue : defineCatalogue(catalogue);
  const target = options.target ?? "classifications";
  const pieces = new QueryPieces(fc, resolved, { target, maxGroupItems: targets[target].maxGroupItems });
  const written = pieces.query();
  return {
    queryText: written.map((q) => q.text),
    query: written.map((q) => q.query),
    queryWithText: written.map(({ text, query }) => ({ text, query })),
    record: recordArbitrary(fc, pieces.fields),
    nearMiss: new NearMisses(fc, pieces).nearMiss(written),
  };
}
