import * as z from "zod";

/**
 * The request JSON of LANGUAGE.md §5 for each target, as strict zod schemas: an oracle written from
 * the spec for the property tests (the published schemas live in src/schema).
 */

const scalar = z.union([z.string(), z.number().check(z.refine(Number.isFinite)), z.boolean(), z.null()]);

const sharedOperators = {
  scalar: ["eq", "ne"],
  ordered: ["gt", "gte", "lt", "lte"],
  list: ["in", "nin"],
  text: ["contains", "text"],
  flag: ["exists", "is_null"],
} as const;

interface TargetShape {
  readonly key: "key" | "field";
  readonly negation: "NOR" | "NOT";
  readonly textOperators: readonly [string, ...string[]];
  readonly maxGroupItems: number;
}

function conditionSchema(shape: TargetShape): z.ZodType {
  const condition = (operators: readonly [string, ...string[]], value: z.ZodType) =>
    z.strictObject({ [shape.key]: z.string(), operator: z.enum(operators), value });
  return z.union([
    condition(sharedOperators.scalar, scalar),
    condition(sharedOperators.ordered, z.union([z.string(), z.number().check(z.refine(Number.isFinite))])),
    condition(sharedOperators.list, z.array(scalar).min(1).max(1000)),
    condition(shape.textOperators, z.string()),
    condition(sharedOperators.flag, z.boolean()),
  ]);
}

function requestSchemas(shape: TargetShape) {
  const condition = conditionSchema(shape);
  const groupNames = ["AND", "OR", shape.negation] as const;
  const filter: z.ZodType = z.lazy(() => z.union([condition, ...groups]));
  const items = z.array(filter).min(1).max(shape.maxGroupItems);
  const groups = groupNames.map((name) => z.strictObject({ [name]: items }));
  const top = z.union(groupNames.map((name) => z.strictObject({ [name]: items, case_sensitive: z.optional(z.literal(true)) })));
  return {
    filters: z.nullable(top),
    sort: z.nullable(z.strictObject({ field: z.string(), direction: z.enum(["asc", "desc"]) })),
  };
}

export const filterJsonSchemas = {
  classifications: requestSchemas({ key: "key", negation: "NOR", textOperators: [...sharedOperators.text], maxGroupItems: 20 }),
  "mixpeek-v1": requestSchemas({ key: "field", negation: "NOT", textOperators: [...sharedOperators.text, "starts_with", "ends_with", "regex"], maxGroupItems: Number.MAX_SAFE_INTEGER }),
} as const;
