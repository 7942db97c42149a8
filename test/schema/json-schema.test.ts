import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classificationCatalogueJson } from "../../src/catalogue/default-catalogue.js";
import { compile, type CompileOptions } from "../../src/compile.js";
import { catalogueSchema } from "../../src/schema/catalogue-schema.js";
import { filterSchemas } from "../../src/schema/filter-schemas.js";
import { jsonSchemaFiles } from "../../src/schema/json-schemas.js";
import { catalogueQuery, lawCatalogue } from "../format/ast-generators.js";
import { sloppyPrint } from "../format/sloppy-print.js";
import { validate } from "./json-schema-check.js";

const root = resolve(import.meta.dirname, "../..");
const schema = JSON.parse(readFileSync(resolve(root, "src/schema/schema.json"), "utf8")) as Record<string, unknown>;

function against(definition: string): Record<string, unknown> {
  return { $defs: schema.$defs, $ref: `#/$defs/${definition}` };
}

describe("the committed JSON Schema files", () => {
  it.each(Object.entries(jsonSchemaFiles()))("%s is what npm run schema writes (run it if this fails)", (path, document) => {
    expect(readFileSync(resolve(root, path), "utf8")).toBe(JSON.stringify(document, null, 2) + "\n");
  });

  it("is draft 2020-12", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });
});

describe("schema.json and the zod schemas agree on what compile emits", () => {
  it("accepts every compiled request, for both targets", () => {
    fc.assert(
      fc.property(catalogueQuery(), fc.gen(), fc.constantFrom<NonNullable<CompileOptions["target"]>>("classifications", "mixpeek-v1"), fc.boolean(), (query, g, target, caseSensitive) => {
        const result = compile(sloppyPrint(query, (a) => g(() => a)), { target, caseSensitive, catalogue: lawCatalogue, now: "2024-06-01T00:00:00Z" });
        if (!result.ok) return;
        const request = { filters: result.filters, sort: result.sort };
        expect(validate(against(`${target}-request`), request)).toEqual([]);
        expect(filterSchemas[target].request.safeParse(request).success).toBe(true);
        const other = target === "classifications" ? "mixpeek-v1" : "classifications";
        if (result.filters !== null) expect(validate(against(`${other}-filters`), result.filters)).not.toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it.each([
    ["a condition with an extra key", { AND: [{ key: "a", operator: "eq", value: 1, x: 1 }] }],
    ["an unknown operator", { AND: [{ key: "a", operator: "equals", value: 1 }] }],
    ["a target's operator the other lacks", { AND: [{ key: "a", operator: "regex", value: "x" }] }],
    ["two groups in one object", { AND: [{ key: "a", operator: "eq", value: 1 }], OR: [{ key: "a", operator: "eq", value: 1 }] }],
    ["an empty group", { AND: [] }],
    ["21 items in a classifications group", { AND: Array.from({ length: 21 }, () => ({ key: "a", operator: "eq", value: 1 })) }],
    ["case_sensitive below the top", { AND: [{ OR: [{ key: "a", operator: "eq", value: 1 }], case_sensitive: true }] }],
    ["NOT in classifications", { NOT: [{ key: "a", operator: "eq", value: 1 }] }],
    ["an object value", { AND: [{ key: "a", operator: "eq", value: { x: 1 } }] }],
  ])("refuses %s", (_, filters) => {
    expect(validate(against("classifications-filters"), filters)).not.toEqual([]);
    expect(filterSchemas.classifications.filters.safeParse(filters).success).toBe(false);
  });

  it("accepts the default catalogue and refuses unknown keys in a field", () => {
    expect(validate(against("catalogue"), classificationCatalogueJson)).toEqual([]);
    expect(catalogueSchema.safeParse(classificationCatalogueJson).success).toBe(true);
    const bad = { fields: { a: { type: "string", colour: "red" } } };
    expect(validate(against("catalogue"), bad)).not.toEqual([]);
    expect(catalogueSchema.safeParse(bad).success).toBe(false);
  });
});
