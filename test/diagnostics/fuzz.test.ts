import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";

/** CI runs 20,000 cases in all; `TAXQL_FUZZ_RUNS=1000000` runs the long one (see README). */
const totalRuns = Number(process.env.TAXQL_FUZZ_RUNS ?? 20_000);
const runsEach = Math.ceil(totalRuns / 4);

const seeds = [
  'score >= 0.8 and node_name ~ "electronics" sort created_at desc',
  "depth in [1, 2, 3] and node_name not in ['misc', \"other\"]",
  "not (depth = 1 or score < 0.1) && parent_node_id is not null || !(node_id exists)",
  "created_at between 2024-01-01 and now-7d sort by score asc",
  'text(node_description, "usb cable") or starts_with(node_name, "elec")',
  "`node_name` =~ \"^a\\\\d\" sports \"usb \\u00e9\" 42 2024-05-01T10:00:00.250+02:00",
];

const tokens = [
  "score", "depth", "node_name", "created_at", "path_tokens", "colour", "and", "or", "not", "in", "between",
  "exists", "is", "null", "true", "false", "sort", "by", "asc", "desc", "now", "now-7d", "=", "==", ":", "!=",
  ">", ">=", "<", "<=", "~", "!~", "^=", "$=", "=~", "&&", "||", "!", "(", ")", "[", "]", ",", ".", '"x"',
  "'y'", '"', "'", "`", "`a b`", "\\", "0", "-1.5", "1e999", "0A0", "5.", "2024-02-30", "2024-01-01",
  "text(", "in(", "exists(", " ", "\n", "\t", "\u00a0", "\u201c", "\u2265", "\uff1e", "#", "@", "🚀", "\ud800",
];

const tokenSoup = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).chain((parts) =>
  fc.array(fc.constantFrom("", " ", "  "), { minLength: parts.length, maxLength: parts.length }).map((gaps) =>
    parts.map((part, i) => part + gaps[i]).join(""),
  ),
);

const mutation = fc
  .record({
    seed: fc.constantFrom(...seeds),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 4 }),
        insert: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 3, unit: "binary" })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ seed, edits }) =>
    edits.reduce((text, edit) => {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
    }, seed),
  );

function holdsForAnyText(text: string): void {
  for (const target of ["classifications", "mixpeek-v1"] as const) {
    const result = compile(text, { target, now: "2026-01-15T12:00:00Z" });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(result.ok).toBe(errors.length === 0);
    for (const d of result.diagnostics) {
      expect(0 <= d.start && d.start <= d.end && d.end <= text.length).toBe(true);
      if (d.fix) expect(0 <= d.fix.start && d.fix.start <= d.fix.end && d.fix.end <= text.length).toBe(true);
      expect(typeof d.message).toBe("string");
    }
    if (result.ok) expect(() => JSON.stringify(result.filters)).not.toThrow();
  }
}

describe(`fuzz: compile never throws and every span lies inside the input (${totalRuns} cases)`, () => {
  it.each([
    ["arbitrary Unicode strings", fc.string({ unit: "binary", maxLength: 200 })],
    ["arbitrary graphemes", fc.string({ unit: "grapheme", maxLength: 120 })],
    ["token soups", tokenSoup],
    ["mutations of valid queries", mutation],
  ] as const)(
    "%s",
    (_name, texts) => {
      fc.assert(fc.property(texts, holdsForAnyText), { numRuns: runsEach });
    },
    600_000,
  );
});
