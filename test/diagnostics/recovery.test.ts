import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";

/** A query as its tokens, so that a mistake can be put at a known place. */
interface Token {
  readonly text: string;
  readonly role: "field" | "operator" | "keyword" | "string" | "value" | "punctuation";
}

const t = (text: string, role: Token["role"]): Token => ({ text, role });

const comparison: fc.Arbitrary<Token[]> = fc.oneof(
  fc.constantFrom(">=", ">", "<", "<=", "=", "!=").chain((op) =>
    fc.double({ min: 0, max: 1, noNaN: true }).map((v) => [t("score", "field"), t(op, "operator"), t(v.toFixed(2), "value")]),
  ),
  fc.constantFrom("=", "!=", "<", ">=").chain((op) => fc.nat(9).map((v) => [t("depth", "field"), t(op, "operator"), t(String(v), "value")])),
  fc
    .tuple(fc.constantFrom("node_name", "node_id", "node_description", "path_tokens"), fc.constantFrom("~", "=", "!~", "!="), fc.constantFrom("elec", "sports_gear", "usb cable", "kit"))
    .map(([field, op, word]) => [t(field, "field"), t(op, "operator"), t(`"${word}"`, "string")]),
  fc.constant([t("depth", "field"), t("in", "keyword"), t("[", "punctuation"), t("1", "value"), t(",", "punctuation"), t("2", "value"), t("]", "punctuation")]),
  fc.constant([t("node_name", "field"), t("not", "keyword"), t("in", "keyword"), t("[", "punctuation"), t('"a"', "string"), t("]", "punctuation")]),
  fc.constant([t("score", "field"), t("between", "keyword"), t("0.2", "value"), t("and", "keyword"), t("0.9", "value")]),
  fc.constant([t("parent_node_id", "field"), t("exists", "keyword")]),
  fc.constant([t("node_description", "field"), t("is", "keyword"), t("not", "keyword"), t("null", "keyword")]),
  fc.constantFrom("2024-01-01", "now-7d").map((v) => [t("created_at", "field"), t(">", "operator"), t(v, "value")]),
  fc.constant([t("text(", "punctuation"), t("node_description", "field"), t(",", "punctuation"), t('"usb"', "string"), t(")", "punctuation")]),
);

const operand: fc.Arbitrary<Token[]> = fc.oneof(
  { weight: 4, arbitrary: comparison },
  { weight: 1, arbitrary: comparison.map((c) => [t("not", "keyword"), ...c]) },
  {
    weight: 1,
    arbitrary: fc.tuple(comparison, comparison).map(([a, b]) => [t("(", "punctuation"), ...a, t("or", "keyword"), ...b, t(")", "punctuation")]),
  },
);

const validQuery: fc.Arbitrary<Token[]> = fc
  .tuple(
    fc.array(operand, { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom("and", "or"), { minLength: 3, maxLength: 3 }),
    fc.option(fc.tuple(fc.constantFrom("score", "depth", "created_at", "node_name"), fc.constantFrom("asc", "desc")), { nil: null }),
  )
  .map(([operands, joins, sort]) => {
    const tokens: Token[] = [];
    operands.forEach((o, i) => {
      if (i > 0) tokens.push(t(joins[i - 1]!, "keyword"));
      tokens.push(...o);
    });
    if (sort) tokens.push(t("sort", "keyword"), t(sort[0], "field"), t(sort[1], "keyword"));
    return tokens;
  });

type Mistake = "drop a token" | "swap an operator" | "break a quote" | "misspell a field" | "misspell a keyword";

interface Injected {
  readonly text: string;
  /** The mistake and the token on either side of it. */
  readonly region: { readonly start: number; readonly end: number };
}

function misspell(word: string, seed: number): string {
  const i = seed % Math.max(1, word.length - 1);
  return seed % 2 === 0 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

function inject(tokens: readonly Token[], mistake: Mistake, pick: number): Injected | null {
  const candidates = tokens
    .map((token, index) => ({ token, index }))
    .filter(({ token }) => {
      switch (mistake) {
        case "drop a token":
          return true;
        case "swap an operator":
          return token.role === "operator";
        case "break a quote":
          return token.role === "string";
        case "misspell a field":
          return token.role === "field" && token.text.length > 3;
        case "misspell a keyword":
          return token.role === "keyword" && token.text.length > 2;
      }
    });
  if (candidates.length === 0) return null;
  const { index } = candidates[pick % candidates.length]!;
  const texts = tokens.map((token) => token.text);
  const original = texts[index]!;
  switch (mistake) {
    case "drop a token":
      texts[index] = "";
      break;
    case "swap an operator":
      texts[index] = ["=>", "=<", "<>", "~=", "==="][pick % 5]!;
      break;
    case "break a quote":
      texts[index] = original.slice(0, -1);
      break;
    default:
      texts[index] = misspell(original, pick);
  }
  const starts: number[] = [];
  let offset = 0;
  const text = texts
    .map((piece, i) => {
      starts.push(offset);
      const withGap = piece === "" ? "" : (i > 0 && !texts[i - 1]!.endsWith("(") ? " " : "") + piece;
      offset += withGap.length;
      return withGap;
    })
    .join("");
  const before = index > 0 ? starts[index - 1]! : 0;
  const after = index + 1 < texts.length ? starts[index + 1]! + texts[index + 1]!.length + 1 : text.length;
  return { text, region: { start: before, end: Math.min(after, text.length) } };
}

const mistakes: Mistake[] = ["drop a token", "swap an operator", "break a quote", "misspell a field", "misspell a keyword"];

describe("recovery: one mistake gives one diagnostic at the mistake", () => {
  it("holds for at least 95% of generated queries with one injected mistake", () => {
    const samples = fc.sample(fc.tuple(validQuery, fc.constantFrom(...mistakes), fc.nat()), { numRuns: 4000, seed: 20261203 });
    const byMistake = new Map<Mistake, { cases: number; good: number; example?: string }>();
    let cases = 0;
    let good = 0;
    for (const [tokens, mistake, pick] of samples) {
      const injected = inject(tokens, mistake, pick);
      if (!injected) continue;
      const errors = compile(injected.text).diagnostics.filter((d) => d.severity === "error");
      if (errors.length === 0) continue; // the edit happened to leave a valid query: no mistake to find
      const first = errors[0]!;
      const atMistake = first.start >= injected.region.start && first.start <= injected.region.end;
      const ok = atMistake && errors.length <= 2;
      cases++;
      if (ok) good++;
      const tally = byMistake.get(mistake) ?? { cases: 0, good: 0 };
      tally.cases++;
      if (ok) tally.good++;
      else if (process.env.TAXQL_RECOVERY_VERBOSE) console.log(mistake, "|", injected.text, "→", errors.map((e) => `${e.code}@${e.start}`).join(", "));
      if (!ok) tally.example ??= `${injected.text}  →  ${errors.map((e) => `${e.code}@${e.start}`).join(", ")}`;
      byMistake.set(mistake, tally);
    }
    const share = good / cases;
    const lines = [...byMistake].map(([m, s]) => `  ${m}: ${((100 * s.good) / s.cases).toFixed(1)}% of ${s.cases}${s.example ? `  e.g. ${s.example}` : ""}`);
    console.log(`recovery: ${(100 * share).toFixed(1)}% of ${cases} one-mistake queries give one diagnostic at the mistake\n${lines.join("\n")}`);
    expect(cases).toBeGreaterThan(2500);
    expect(share).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
