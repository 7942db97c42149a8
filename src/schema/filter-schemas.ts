import * as z from "zod/mini";
import { operatorNames } from "../operators.js";
import { targets, type Target, type TargetName } from "../targets/targets.js";

/** A condition's value as the API receives it: datetimes are ISO strings. */
export const valueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))]);

export const sortSchema = z.nullable(z.strictObject({ field: z.string(), direction: z.enum(["asc", "desc"]) }));

export interface TargetSchemas {
  readonly condition: z.ZodMiniType;
  readonly group: z.ZodMiniType;
  /** The top group (it alone may say `case_sensitive`), or null. */
  readonly filters: z.ZodMiniType;
  /** `{"filters", "sort"}` as `taxql compile` prints it. */
  readonly request: z.ZodMiniType;
}

/** Strict schemas of what a target's API takes, built from the target's data (LANGUAGE.md §5). */
export function targetSchemas(target: Target): TargetSchemas {
  const condition = z.strictObject({
    [target.conditionKey]: z.string(),
    operator: z.enum(operatorNames.filter((name) => target.operators.has(name)) as [string, ...string[]]),
    value: valueSchema,
  });
  const groupNames = ["AND", "OR", target.negationGroup];
  const items = (): z.ZodMiniType => {
    const list = z.array(z.union([condition, group]));
    return Number.isFinite(target.maxGroupItems) ? list.check(z.minLength(1), z.maxLength(target.maxGroupItems)) : list.check(z.minLength(1));
  };
  const group: z.ZodMiniType = z.union(
    groupNames.map((name) =>
      z.strictObject({
        get [name]() {
          return items();
        },
      }),
    ) as unknown as [z.ZodMiniType, z.ZodMiniType, z.ZodMiniType],
  );
  const top = z.union(
    groupNames.map((name) =>
      z.strictObject({
        get [name]() {
          return items();
        },
        case_sensitive: z.optional(z.boolean()),
      }),
    ) as unknown as [z.ZodMiniType, z.ZodMiniType, z.ZodMiniType],
  );
  const filters = z.nullable(top);
  return { condition, group, filters, request: z.strictObject({ filters, sort: sortSchema }) };
}

export const filterSchemas: Readonly<Record<TargetName, TargetSchemas>> = {
  classifications: targetSchemas(targets.classifications),
  "mixpeek-v1": targetSchemas(targets["mixpeek-v1"]),
};
