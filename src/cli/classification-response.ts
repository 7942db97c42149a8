/**
 * A saved list-classifications response, `{"results": [...], "pagination": ...}`, flattened into one
 * row per match (the shape of Mixpeek's ListClassificationsResponse: results are
 * ClassificationWithFeature, each with `matches`, each match with an optional `node`).
 */
export interface ClassificationRow {
  readonly feature_id: unknown;
  readonly classification_id: unknown;
  readonly taxonomy_id: unknown;
  readonly node_id: unknown;
  readonly parent_node_id: unknown;
  readonly node_name: unknown;
  readonly node_description: unknown;
  readonly path_tokens: unknown;
  readonly depth: unknown;
  readonly score: unknown;
  readonly created_at: unknown;
}

export type RowHandler = (row: ClassificationRow, where: string) => void;
export type ProblemHandler = (where: string, message: string) => void;

type JsonObject = Readonly<Record<string, unknown>>;

/** Whether a parsed document is a response: an object whose `results` is an array. */
export function isClassificationResponse(value: unknown): value is { readonly results: readonly unknown[] } {
  return isObject(value) && Object.hasOwn(value, "results") && Array.isArray(value.results);
}

/**
 * Calls `onRow` for each match of each result, in order. A result or match that is not an object,
 * and a result whose `matches` is not an array, go to `onProblem` with where they are
 * (`results[3].matches[1]`); nothing is dropped without a word.
 */
export function flattenResponse(response: { readonly results: readonly unknown[] }, onRow: RowHandler, onProblem: ProblemHandler): void {
  const results = response.results;
  for (let r = 0; r < results.length; r++) {
    const result = results[r];
    const at = `results[${r}]`;
    if (!isObject(result)) {
      onProblem(at, `not an object (${kindOf(result)})`);
      continue;
    }
    const matches = own(result, "matches");
    if (!Array.isArray(matches)) {
      onProblem(at, matches === null ? "matches is null, not an array" : `has no matches array (${kindOf(matches)})`);
      continue;
    }
    for (let m = 0; m < matches.length; m++) {
      const match: unknown = matches[m];
      const where = `${at}.matches[${m}]`;
      if (!isObject(match)) {
        onProblem(where, `not an object (${kindOf(match)})`);
        continue;
      }
      onRow(rowOf(result, match), where);
    }
  }
}

/** Each field from the first place that has it (a key that is present, even with null), else null. */
function rowOf(result: JsonObject, match: JsonObject): ClassificationRow {
  const node = own(match, "node");
  const fromNode = isObject(node) ? node : {};
  return {
    feature_id: first(result, "feature_id"),
    classification_id: first(result, "classification_id"),
    taxonomy_id: first(result, "taxonomy_id", match, fromNode),
    node_id: first(match, "node_id", fromNode),
    parent_node_id: first(fromNode, "parent_node_id", match),
    node_name: first(fromNode, "node_name", match),
    node_description: first(fromNode, "node_description", match),
    path_tokens: first(fromNode, "path_tokens", match),
    depth: first(match, "depth", fromNode),
    score: first(match, "score"),
    created_at: first(match, "created_at", result),
  };
}

function first(object: JsonObject, key: string, ...fallbacks: JsonObject[]): unknown {
  if (Object.hasOwn(object, key)) return object[key];
  for (const fallback of fallbacks) if (Object.hasOwn(fallback, key)) return fallback[key];
  return null;
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a value that should be an object is described in a message. */
export function kindOf(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
