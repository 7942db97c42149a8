import { describe, expect, it } from "vitest";
import { TaxqlParser } from "../../grammar/parser.js";

describe("the grammar", () => {
  // the shipped parser skips Chevrotain's grammar validation to start faster; it runs here instead
  it("passes Chevrotain's validation (ambiguities, left recursion, unreachable alternatives)", () => {
    expect(() => new TaxqlParser({ skipValidations: false })).not.toThrow();
  });
});
