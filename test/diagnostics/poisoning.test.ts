import { describe, expect, it } from "vitest";
import { defineCatalogue } from "../../src/catalogue/define-catalogue.js";
import { compile } from "../../src/compile.js";
import { toPredicate } from "../../src/evaluate/to-predicate.js";
import { toComparator } from "../../src/evaluate/to-comparator.js";

const dangerous = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

// JSON.parse makes "__proto__" an own key, as a catalogue read from a file would have it
const catalogueJson = JSON.parse(
  JSON.stringify({
    fields: Object.fromEntries(dangerous.map((name) => [name, { type: "string", sortable: true }])),
    freeText: { field: "toString", operator: "contains" },
  }),
);

describe("names that mean something to JavaScript are ordinary names", () => {
  it.each(dangerous)("%s is an unknown field in the default catalogue", (name) => {
    const result = compile(`${name} = "x"`);
    expect(result.diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([["unknown-field", 0, name.length]]);
  });

  it.each(dangerous)("%s is an unknown call name, not a method of some object", (name) => {
    const result = compile(`${name}(node_name, "x")`);
    expect(result.diagnostics[0]).toMatchObject({ code: "unknown-operator", start: 0, end: name.length });
  });

  it("a catalogue read from JSON keeps a field named __proto__", () => {
    const catalogue = defineCatalogue(catalogueJson);
    expect([...catalogue.fields.keys()]).toEqual(dangerous);
    expect(Object.getPrototypeOf(catalogue.json.fields)).toBe(Object.prototype);
    expect(Object.keys(catalogue.json.fields)).toEqual(dangerous);
  });

  it.each(dangerous)("%s compiles, emits and evaluates end to end when declared", (name) => {
    const result = compile(`${name} = "x" sort ${name} desc`, { catalogue: catalogueJson });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.filters)).toBe(`{"AND":[{"key":"${name}","operator":"eq","value":"x"}]}`);
    expect(result.sort).toEqual({ field: name, direction: "desc" });
    const matches = toPredicate(result.query!);
    const own = JSON.parse(`{"${name}": "X"}`);
    expect(matches(own)).toBe(true);
    expect(matches({})).toBe(false);
    const other = JSON.parse(`{"${name}": "y"}`);
    expect([other, own].sort(toComparator(result.query!))).toEqual([other, own]);
  });

  it("a record whose prototype carries the field never matches on it", () => {
    const result = compile('node_name = "sports"');
    const record = Object.create({ node_name: "sports" });
    expect(toPredicate(result.query!)(record)).toBe(false);
  });

  it("compiling and evaluating such names pollutes no prototype", () => {
    const result = compile('`__proto__`.polluted = "yes" or constructor.prototype.polluted = "yes"', { catalogue: catalogueJson });
    expect(result.ok).toBe(false);
    const declared = compile('__proto__ = "x" or constructor ~ "y" or toString exists', { catalogue: catalogueJson });
    toPredicate(declared.query!)(JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  it("the catalogue handed back is frozen all the way down", () => {
    const catalogue = defineCatalogue(catalogueJson);
    expect(Object.isFrozen(catalogue)).toBe(true);
    expect(Object.isFrozen(catalogue.json.fields)).toBe(true);
    expect(() => {
      (catalogue.json.fields as Record<string, unknown>).extra = {};
    }).toThrow();
  });
});
