import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraries } from "../../src/arbitraries/index.js";
import { compile, type CompileOptions } from "../../src/compile.js";
import { format } from "../../src/format/format-query.js";
import { parseQuery } from "../../src/syntax/parse.js";
import { catalogueQuery, lawCatalogue, syntaxQuery } from "./ast-generators.js";
import { meaningOf, sloppyPrint } from "./sloppy-print.js";

const runs = { numRuns: 5000 };
const roomy = { maxLength: 100_000, maxDepth: 256 };
const now = "2024-06-01T12:00:00Z";
const targets = ["classifications", "mixpeek-v1"] as const;

/** The project's arbitraries, for both targets and two catalogues: valid query text and its AST. */
const written = fc.oneof(
  ...targets.flatMap((target) =>
    [undefined, lawCatalogue].map((catalogue) =>
      arbitraries(fc, catalogue, { target }).queryWithText.map(({ text, query }) => ({ text, query, options: { target, catalogue, now } satisfies CompileOptions })),
    ),
  ),
);

function parsed(text: string) {
  return parseQuery(text, roomy);
}

describe("format laws over taxql/arbitraries", () => {
  it("parse(format(q)) is q, spans and spelling ignored", () => {
    fc.assert(
      fc.property(written, ({ query }) => {
        const back = parsed(format(query));
        expect(back.problems.filter((p) => p.code !== "normalized-character")).toEqual([]);
        expect(meaningOf(back.query)).toEqual(meaningOf(query));
      }),
      runs,
    );
  }, 120_000);

  it("format is idempotent", () => {
    fc.assert(
      fc.property(written, ({ text }) => {
        const once = format(parsed(text).query);
        expect(format(parsed(once).query)).toBe(once);
      }),
      runs,
    );
  }, 120_000);

  it("compile(format(compile(t).query)) gives the filters and sort of compile(t)", () => {
    fc.assert(
      fc.property(written, fc.boolean(), ({ text, options }, caseSensitive) => {
        const first = compile(text, { ...options, caseSensitive });
        expect(first.query).toBeDefined();
        const again = compile(format(first.query!), { ...options, caseSensitive });
        expect({ ok: again.ok, filters: again.filters, sort: again.sort }).toEqual({ ok: first.ok, filters: first.filters, sort: first.sort });
      }),
      runs,
    );
  }, 120_000);
});

describe("format laws over the wider local generators (any parseable tree, any spelling)", () => {
  it("parse(format(q)) is q, spans ignored, over canonical ASTs", () => {
    fc.assert(
      fc.property(syntaxQuery(), (query) => {
        const text = format(query);
        const back = parsed(text);
        expect(back.problems.filter((p) => p.code !== "normalized-character")).toEqual([]);
        expect(meaningOf(back.query)).toEqual(meaningOf(query));
        // canonical trees come back exactly, presentation included
        expect(stripSpans(back.query)).toEqual(stripSpans(query));
      }),
      runs,
    );
  }, 120_000);

  it("format is idempotent, and any spelling of a query formats the same", () => {
    fc.assert(
      fc.property(syntaxQuery(), fc.gen(), (query, g) => {
        const typed = sloppyPrint(query, (arbitrary) => g(() => arbitrary));
        const read = parsed(typed);
        expect(read.problems.filter((p) => p.code !== "normalized-character")).toEqual([]);
        expect(meaningOf(read.query)).toEqual(meaningOf(query));
        const once = format(read.query);
        expect(once).toBe(format(query));
        expect(format(parsed(once).query)).toBe(once);
      }),
      runs,
    );
  }, 120_000);

  it("compile(format(compile(t).query)) gives the filters and sort of compile(t)", () => {
    fc.assert(
      fc.property(
        catalogueQuery(),
        fc.gen(),
        fc.constantFrom<CompileOptions["target"]>("classifications", "mixpeek-v1"),
        fc.boolean(),
        (query, g, target, caseSensitive) => {
          const text = sloppyPrint(query, (arbitrary) => g(() => arbitrary));
          const options: CompileOptions = { target, caseSensitive, catalogue: lawCatalogue, now: "2024-06-01T12:00:00Z", limits: roomy };
          const first = compile(text, options);
          if (!first.query) return;
          const again = compile(format(first.query), options);
          expect({ ok: again.ok, filters: again.filters, sort: again.sort }).toEqual({ ok: first.ok, filters: first.filters, sort: first.sort });
          expect(again.diagnostics.map((d) => d.code)).toEqual(first.diagnostics.map((d) => d.code));
        },
      ),
      runs,
    );
  }, 120_000);
});

function stripSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSpans);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "span" && !key.endsWith("Span")).map(([key, inner]) => [key, stripSpans(inner)]));
}
