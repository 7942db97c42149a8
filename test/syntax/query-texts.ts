import fc from "fast-check";

/** Well-formed queries of every grammar production, with the spellings and spacing users write. */
export const wellFormedQuery: fc.Arbitrary<string> = (() => {
  const space = fc.constantFrom(" ", " ", "  ", "\n", "\t");
  const join = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((items) => items.join(""));
  const spaced = (...parts: fc.Arbitrary<string>[]) =>
    fc.tuple(...parts.map((part) => fc.tuple(part, space))).map((items) => items.map(([text, gap]) => text + gap).join("").trimEnd());
  const word = fc.constantFrom("score", "depth", "node_name", "created_at", "path_tokens", "a_b", "x1", "_x", "notice", "order", "inx", "nowhere", "andy", "sorted");
  const segment = fc.oneof(word, fc.constantFrom("`quoted seg`", "`with \\` tick`", "`and`", "`é`"));
  const field = fc.oneof({ weight: 4, arbitrary: segment }, { weight: 1, arbitrary: fc.array(segment, { minLength: 2, maxLength: 3 }).map((parts) => parts.join(".")) });
  const literal = fc.constantFrom(
    "0", "42", "-1.5", "2e3", "1E-2", '"x"', "'y'", '"a \\"b\\""', '"\\u00e9"', '"é 🚀"', "''", "word", "true", "False", "NULL",
    "2024-01-01", "2024-01-01T10:00:00.250+02:00", "now", "NOW-7d", "now-1w-2d",
  );
  const list = fc.array(literal, { maxLength: 4 }).map((items) => `[${items.join(", ")}]`);
  const value = fc.oneof({ weight: 4, arbitrary: literal }, { weight: 1, arbitrary: list });
  const operator = fc.constantFrom("=", "==", ":", "!=", ">", ">=", "<", "<=", "~", "!~", "^=", "$=", "=~", "≥", "≤", "≠");
  const comparison = fc.oneof(
    spaced(field, operator, value),
    join(field, operator, literal),
    spaced(field, fc.constantFrom("in", "IN", "not in"), list),
    spaced(field, fc.constantFrom("between"), literal, fc.constantFrom("and", "&&", "AND"), literal),
    spaced(field, fc.constantFrom("exists", "is null", "is not null", "IS NOT NULL")),
  );
  const call = fc.oneof(
    join(fc.constantFrom("exists", "is_null", "eq", "in", "text", "nope"), fc.constant("("), field, fc.constant(")")),
    join(fc.constantFrom("eq", "in", "text", "contains", "nope"), fc.constant("("), field, fc.constantFrom(", ", ","), value, fc.constant(")")),
  );
  const term = fc.oneof(word, fc.constantFrom('"free text"', "'x'", "42", "2024-01-01", "now"));
  const { expression } = fc.letrec<{ expression: string; primary: string }>((tie) => ({
    primary: fc.oneof(
      { weight: 5, arbitrary: comparison },
      { weight: 2, arbitrary: call },
      { weight: 2, arbitrary: term },
      { weight: 1, arbitrary: tie("expression").map((inner) => `(${inner})`) },
      { weight: 1, arbitrary: spaced(fc.constantFrom("not", "NOT", "!"), tie("primary")) },
      { weight: 1, arbitrary: tie("primary").map((inner) => `!${inner}`) },
    ),
    expression: fc.oneof(
      { weight: 3, arbitrary: tie("primary") },
      { weight: 2, arbitrary: spaced(tie("primary"), fc.constantFrom("and", "&&", "AND", "or", "||", "Or"), tie("expression")) },
      { weight: 1, arbitrary: spaced(tie("primary"), tie("expression")) },
    ),
  }));
  const sortKey = fc.oneof(field, spaced(field, fc.constantFrom("asc", "desc", "DESC")));
  const sort = join(fc.constantFrom("sort ", "sort by ", "SORT BY "), fc.array(sortKey, { minLength: 1, maxLength: 3 }).map((keys) => keys.join(", ")));
  return fc.oneof(
    { weight: 6, arbitrary: expression },
    { weight: 2, arbitrary: spaced(expression, sort) },
    { weight: 1, arbitrary: sort },
    { weight: 1, arbitrary: fc.constantFrom("", "  ") },
  );
})();

const pieces = [
  "score", "depth", "node_name", "and", "or", "not", "in", "between", "exists", "is", "null", "true", "sort", "by", "asc",
  "desc", "now", "now-7d", "now-", "=", "==", ":", "!=", ">", ">=", "<", "<=", "~", "!~", "^=", "$=", "=~", "&&", "||", "!",
  "(", ")", "[", "]", ",", ".", '"x"', "'y'", '"', "'", "`", "`a b`", "\\", "0", "-1.5", "1e999", "0A0", "5.", "1.5.3", "1e",
  "-", "-x", "2024-02-30", "2024-01-01", "2024-01-01T", "text(", "in(", "not(", "now(", " ", "\n", "\t", "\u00a0", "\u201c",
  "\u2265", "\u2264", "\u2260", "\uff1e", "#", "@", "^", "$", "&", "|", "🚀", "\ud800", "é",
];

/** Texts with mistakes: token soups and well-formed queries with a few characters edited. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom("", " ", "")), { maxLength: 30 }).map((parts) => parts.map(([piece, gap]) => piece + gap).join("")),
  fc
    .tuple(
      wellFormedQuery,
      fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3, unit: "binary" })) }), { minLength: 1, maxLength: 3 }),
    )
    .map(([text, edits]) =>
      edits.reduce((current, edit) => {
        const at = edit.at % (current.length + 1);
        return current.slice(0, at) + edit.insert + current.slice(at + edit.remove);
      }, text),
    ),
  fc.string({ maxLength: 40, unit: "binary" }),
);
