// A validator for the JSON Schema keywords the generated documents use, and no others: enough to
// show that the committed schema accepts what taxql emits and refuses what it must not.
type Schema = Record<string, unknown> | boolean;

const known = new Set([
  "$schema", "$defs", "$ref", "title", "description", "type", "properties", "required", "additionalProperties",
  "propertyNames", "items", "anyOf", "enum", "const", "minItems", "maxItems", "minLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
]);

export function validate(root: Record<string, unknown>, value: unknown): string[] {
  const errors: string[] = [];
  check(root, value, "$");
  return errors;

  function resolve(ref: string): Schema {
    const match = /^#\/\$defs\/(.+)$/.exec(ref);
    const target = match ? (root.$defs as Record<string, Schema> | undefined)?.[match[1]!] : undefined;
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return target;
  }

  function check(schema: Schema, v: unknown, at: string): boolean {
    if (schema === true) return true;
    if (schema === false) return fail(at, "nothing is allowed here");
    for (const key of Object.keys(schema)) if (!known.has(key)) throw new Error(`keyword ${key} is not supported by this checker`);
    let ok = true;
    if (typeof schema.$ref === "string") ok = check(resolve(schema.$ref), v, at) && ok;
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => typeOk(t, v))) return fail(at, `expected ${types.join("|")}`);
    }
    if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(v)) return fail(at, `not one of ${JSON.stringify(schema.enum)}`);
    if ("const" in schema && schema.const !== v) return fail(at, `not ${JSON.stringify(schema.const)}`);
    if (typeof v === "string" && typeof schema.minLength === "number" && [...v].length < schema.minLength) ok = fail(at, "too short");
    if (typeof v === "number") {
      if (typeof schema.minimum === "number" && v < schema.minimum) ok = fail(at, "below minimum");
      if (typeof schema.maximum === "number" && v > schema.maximum) ok = fail(at, "above maximum");
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === "number" && v.length < schema.minItems) ok = fail(at, "too few items");
      if (typeof schema.maxItems === "number" && v.length > schema.maxItems) ok = fail(at, "too many items");
      if (schema.items !== undefined) v.forEach((item, i) => (ok = check(schema.items as Schema, item, `${at}[${i}]`) && ok));
    }
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      for (const key of (schema.required ?? []) as string[]) if (!Object.hasOwn(v, key)) ok = fail(at, `missing ${key}`);
      for (const [key, inner] of Object.entries(v)) {
        if (schema.propertyNames !== undefined) ok = check(schema.propertyNames as Schema, key, `${at}.${key}`) && ok;
        if (Object.hasOwn(properties, key)) ok = check(properties[key]!, inner, `${at}.${key}`) && ok;
        else if (schema.additionalProperties !== undefined) ok = check(schema.additionalProperties as Schema, inner, `${at}.${key}`) && ok;
      }
    }
    if (schema.anyOf !== undefined) {
      const before = errors.length;
      const any = (schema.anyOf as Schema[]).some((option) => {
        const mark = errors.length;
        const good = check(option, v, at);
        errors.length = mark;
        return good;
      });
      errors.length = before;
      if (!any) ok = fail(at, "matches none of anyOf");
    }
    return ok;
  }

  function fail(at: string, why: string): false {
    errors.push(`${at}: ${why}`);
    return false;
  }
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case "null":
      return v === null;
    case "array":
      return Array.isArray(v);
    case "object":
      return typeof v === "object" && v !== null && !Array.isArray(v);
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number";
    default:
      return typeof v === type;
  }
}
