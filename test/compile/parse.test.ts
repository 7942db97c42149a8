import { describe, expect, it } from "vitest";
import type { Span } from "../../src/span.js";
import type { Expression, FieldPath, Literal, Query } from "../../src/syntax/ast.js";
import { parseQuery } from "../../src/syntax/parse.js";

type Found = [code: string, start: number, end: number];

function problems(text: string, limits?: Parameters<typeof parseQuery>[1]): Found[] {
  return parseQuery(text, limits)
    .problems.map((p): Found => [p.code, p.span.start, p.span.end])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

function filterOf(text: string): Expression | null {
  const { query, problems } = parseQuery(text);
  expect(problems).toEqual([]);
  return query.filter;
}

const at = (start: number, end: number): Span => ({ start, end });

function field(name: string, start: number): FieldPath {
  const span = at(start, start + name.length);
  return { kind: "field", segments: [{ name, quoted: false, span }], span };
}

function word(value: string, start: number): Literal {
  return { kind: "string", value, quote: null, span: at(start, start + value.length) };
}

function term(value: string, start: number): Expression {
  const literal = word(value, start);
  return { kind: "term", value: literal, span: literal.span };
}

function number(raw: string, start: number): Literal {
  return { kind: "number", value: Number(raw), raw, span: at(start, start + raw.length) };
}

describe("parseQuery: AST and spans", () => {
  it("score >= 0.8 and node_name ~ \"electronics\" sort created_at desc", () => {
    const text = 'score >= 0.8 and node_name ~ "electronics" sort created_at desc';
    const expected: Query = {
      kind: "query",
      filter: {
        kind: "and",
        operands: [
          { kind: "comparison", field: field("score", 0), operator: ">=", operatorSpan: at(6, 8), value: number("0.8", 9), span: at(0, 12) },
          {
            kind: "comparison",
            field: field("node_name", 17),
            operator: "~",
            operatorSpan: at(27, 28),
            value: { kind: "string", value: "electronics", quote: '"', span: at(29, 42) },
            span: at(17, 42),
          },
        ],
        span: at(0, 42),
      },
      sort: [{ kind: "sort-key", field: field("created_at", 48), direction: "desc", span: at(48, 63) }],
      span: at(0, 63),
    };
    expect(parseQuery(text)).toEqual({ query: expected, problems: [] });
  });

  it.each(["", " ", " \t\r\n "])("%j: no filter, no sort", (text) => {
    expect(parseQuery(text)).toEqual({ query: { kind: "query", filter: null, sort: [], span: at(0, text.length) }, problems: [] });
  });

  it("a or b and c: and binds tighter than or", () => {
    expect(filterOf("a or b and c")).toEqual({
      kind: "or",
      operands: [term("a", 0), { kind: "and", operands: [term("b", 5), term("c", 11)], span: at(5, 12) }],
      span: at(0, 12),
    });
  });

  it("a b && c: written and implied and are one chain", () => {
    expect(filterOf("a b && c")).toEqual({ kind: "and", operands: [term("a", 0), term("b", 2), term("c", 7)], span: at(0, 8) });
  });

  it("a || b OR c: one chain", () => {
    expect(filterOf("a || b OR c")).toEqual({ kind: "or", operands: [term("a", 0), term("b", 5), term("c", 10)], span: at(0, 11) });
  });

  it("not a and b: not binds tightest", () => {
    expect(filterOf("not a and b")).toEqual({
      kind: "and",
      operands: [{ kind: "not", operand: term("a", 4), keywordSpan: at(0, 3), span: at(0, 5) }, term("b", 10)],
      span: at(0, 11),
    });
  });

  it("(a or b) c: parentheses group; the chain's span includes them, the inner one does not", () => {
    expect(filterOf("(a or b) c")).toEqual({
      kind: "and",
      operands: [{ kind: "or", operands: [term("a", 1), term("b", 6)], span: at(1, 7) }, term("c", 9)],
      span: at(0, 10),
    });
  });

  it("a and (b and c): the parser keeps the nesting (the emitter flattens)", () => {
    expect(filterOf("a and (b and c)")).toEqual({
      kind: "and",
      operands: [term("a", 0), { kind: "and", operands: [term("b", 7), term("c", 13)], span: at(7, 14) }],
      span: at(0, 15),
    });
  });

  it("( (score > 0.5) ): parentheses add nothing", () => {
    expect(filterOf("( (score > 0.5) )")).toEqual({
      kind: "comparison",
      field: field("score", 3),
      operator: ">",
      operatorSpan: at(9, 10),
      value: number("0.5", 11),
      span: at(3, 14),
    });
  });

  it("not (depth = 1): the not spans its parentheses", () => {
    expect(filterOf("not (depth = 1)")).toEqual({
      kind: "not",
      operand: { kind: "comparison", field: field("depth", 5), operator: "=", operatorSpan: at(11, 12), value: number("1", 13), span: at(5, 14) },
      keywordSpan: at(0, 3),
      span: at(0, 15),
    });
  });

  it("not(depth = 1): not is no call name", () => {
    expect(filterOf("not(depth = 1)")).toMatchObject({ kind: "not", keywordSpan: at(0, 3), span: at(0, 14) });
  });

  it("!!x: not not x", () => {
    expect(filterOf("!!x")).toEqual({
      kind: "not",
      operand: { kind: "not", operand: term("x", 2), keywordSpan: at(1, 2), span: at(1, 3) },
      keywordSpan: at(0, 1),
      span: at(0, 3),
    });
  });

  it.each<[string, string]>([
    ["depth = 1", "="],
    ["depth == 1", "="],
    ["depth : 1", "="],
    ["depth != 1", "!="],
    ["depth > 1", ">"],
    ["depth >= 1", ">="],
    ["depth < 1", "<"],
    ["depth <= 1", "<="],
    ["depth ~ 1", "~"],
    ["depth !~ 1", "!~"],
    ["depth ^= 1", "^="],
    ["depth $= 1", "$="],
    ["depth =~ 1", "=~"],
  ])("%s: operator %s", (text, operator) => {
    const opLength = text.length - 8;
    expect(filterOf(text)).toEqual({
      kind: "comparison",
      field: field("depth", 0),
      operator,
      operatorSpan: at(6, 6 + opLength),
      value: number("1", 7 + opLength),
      span: at(0, text.length),
    });
  });

  it("depth not  in [1, 2]: not in is one operator spanning both words", () => {
    expect(filterOf("depth not  in [1, 2]")).toEqual({
      kind: "comparison",
      field: field("depth", 0),
      operator: "not in",
      operatorSpan: at(6, 13),
      value: { kind: "list", items: [number("1", 15), number("2", 18)], span: at(14, 20) },
      span: at(0, 20),
    });
  });

  it("depth IN [null, true, x]: any literals in a list", () => {
    expect(filterOf("depth IN [null, true, x]")).toEqual({
      kind: "comparison",
      field: field("depth", 0),
      operator: "in",
      operatorSpan: at(6, 8),
      value: {
        kind: "list",
        items: [{ kind: "null", span: at(10, 14) }, { kind: "boolean", value: true, span: at(16, 20) }, word("x", 22)],
        span: at(9, 24),
      },
      span: at(0, 24),
    });
  });

  it("depth between 1 and 2", () => {
    expect(filterOf("depth between 1 and 2")).toEqual({
      kind: "between",
      field: field("depth", 0),
      operatorSpan: at(6, 13),
      low: number("1", 14),
      high: number("2", 20),
      span: at(0, 21),
    });
  });

  it("created_at BETWEEN 2024-01-01 && now-7d", () => {
    expect(filterOf("created_at BETWEEN 2024-01-01 && now-7d")).toEqual({
      kind: "between",
      field: field("created_at", 0),
      operatorSpan: at(11, 18),
      low: { kind: "date", raw: "2024-01-01", span: at(19, 29) },
      high: { kind: "relative-date", raw: "now-7d", span: at(33, 39) },
      span: at(0, 39),
    });
  });

  it("x exists", () => {
    expect(filterOf("x exists")).toEqual({ kind: "exists", field: field("x", 0), operatorSpan: at(2, 8), span: at(0, 8) });
  });

  it.each<[string, boolean, Span]>([
    ["x is null", false, at(2, 9)],
    ["x IS NOT NULL", true, at(2, 13)],
    ["x is  not\tnull", true, at(2, 14)],
  ])("%s", (text, negated, operatorSpan) => {
    expect(filterOf(text)).toEqual({ kind: "is-null", field: field("x", 0), negated, operatorSpan, span: at(0, operatorSpan.end) });
  });

  it('text(node_description, "usb cable")', () => {
    expect(filterOf('text(node_description, "usb cable")')).toEqual({
      kind: "call",
      name: "text",
      nameSpan: at(0, 4),
      field: field("node_description", 5),
      argument: { kind: "string", value: "usb cable", quote: '"', span: at(23, 34) },
      span: at(0, 35),
    });
  });

  it("exists(parent_node_id): no argument", () => {
    expect(filterOf("exists(parent_node_id)")).toEqual({
      kind: "call",
      name: "exists",
      nameSpan: at(0, 6),
      field: field("parent_node_id", 7),
      argument: null,
      span: at(0, 22),
    });
  });

  it("in( depth , [1] ): a list argument", () => {
    expect(filterOf("in( depth , [1] )")).toMatchObject({
      kind: "call",
      name: "in",
      argument: { kind: "list", items: [number("1", 13)], span: at(12, 15) },
      span: at(0, 17),
    });
  });

  it("sports (depth = 1): a term and a group", () => {
    expect(filterOf("sports (depth = 1)")).toMatchObject({ kind: "and", operands: [term("sports", 0), { kind: "comparison" }], span: at(0, 18) });
  });

  it("sports 'usb cable' 42 -1e3 2024-01-01 now-7d NOW: every standalone literal is a term", () => {
    expect(filterOf("sports 'usb cable' 42 -1e3 2024-01-01 now-7d NOW")).toEqual({
      kind: "and",
      operands: [
        term("sports", 0),
        { kind: "term", value: { kind: "string", value: "usb cable", quote: "'", span: at(7, 18) }, span: at(7, 18) },
        { kind: "term", value: number("42", 19), span: at(19, 21) },
        { kind: "term", value: number("-1e3", 22), span: at(22, 26) },
        { kind: "term", value: { kind: "date", raw: "2024-01-01", span: at(27, 37) }, span: at(27, 37) },
        { kind: "term", value: { kind: "relative-date", raw: "now-7d", span: at(38, 44) }, span: at(38, 44) },
        { kind: "term", value: { kind: "relative-date", raw: "NOW", span: at(45, 48) }, span: at(45, 48) },
      ],
      span: at(0, 48),
    });
  });

  it("`a b`.c.`and` = 'x': backtick segments and dotted paths", () => {
    expect(filterOf("`a b`.c.`and` = 'x'")).toEqual({
      kind: "comparison",
      field: {
        kind: "field",
        segments: [
          { name: "a b", quoted: true, span: at(0, 5) },
          { name: "c", quoted: false, span: at(6, 7) },
          { name: "and", quoted: true, span: at(8, 13) },
        ],
        span: at(0, 13),
      },
      operator: "=",
      operatorSpan: at(14, 15),
      value: { kind: "string", value: "x", quote: "'", span: at(16, 19) },
      span: at(0, 19),
    });
  });

  it.each<[string, string]>([
    ["`a\\`b` = 1", "a`b"],
    ["`a\\\\b` = 1", "a\\b"],
    ["`` = 1", ""],
  ])("%s: backtick escapes", (text, name) => {
    expect(filterOf(text)).toMatchObject({ field: { segments: [{ name, quoted: true }] } });
  });

  it.each<[string, string]>([
    ['x = "a\\"b"', 'a"b'],
    ["x = 'it\\'s'", "it's"],
    ['x = "\\\\ \\/ \\n \\r \\t"', "\\ / \n \r \t"],
    ['x = "\\u00e9\\u00C9"', "éÉ"],
    ['x = "\\ud83d"', "\ud83d"],
    ['x = "\\ud83d\\ude00"', "😀"],
    ['x = "北京 😀"', "北京 😀"],
    ["x = \"it's\"", "it's"],
    ['x = "line\nbreak"', "line\nbreak"],
  ])("%s: string escapes", (text, value) => {
    expect(filterOf(text)).toMatchObject({ value: { kind: "string", value } });
  });

  it.each<[string, number, string]>([
    ["depth = 007", 7, "007"],
    ["depth = 1e3", 1000, "1e3"],
    ["depth = -2E+10", -2e10, "-2E+10"],
    ["depth = 2.0", 2, "2.0"],
  ])("%s: numbers keep what was written", (text, value, raw) => {
    expect(filterOf(text)).toMatchObject({ value: { kind: "number", value, raw } });
  });

  it.each<[string, Literal["kind"], boolean | undefined]>([
    ["x = true", "boolean", true],
    ["x = FALSE", "boolean", false],
    ["x = Null", "null", undefined],
  ])("%s", (text, kind, value) => {
    expect(filterOf(text)).toMatchObject({ value: value === undefined ? { kind } : { kind, value } });
  });

  it("sort by score, depth ASC, node_name desc: every key, direction null when not written", () => {
    expect(parseQuery("sort by score, depth ASC, node_name desc")).toEqual({
      query: {
        kind: "query",
        filter: null,
        sort: [
          { kind: "sort-key", field: field("score", 8), direction: null, span: at(8, 13) },
          { kind: "sort-key", field: field("depth", 15), direction: "asc", span: at(15, 24) },
          { kind: "sort-key", field: field("node_name", 26), direction: "desc", span: at(26, 40) },
        ],
        span: at(0, 40),
      },
      problems: [],
    });
  });
});

describe("parseQuery: syntax diagnostics", () => {
  it.each<[string, Found[]]>([
    ["depth = = 1", [["unexpected-token", 8, 9]]],
    ["score > 1)", [["unexpected-token", 9, 10]]],
    [")", [["unexpected-token", 0, 1]]],
    ["true", [["unexpected-token", 0, 4]]],
    ["null", [["unexpected-token", 0, 4]]],
    ["false and x", [["unexpected-token", 0, 5]]],
    ["x true", [["unexpected-token", 2, 6]]],
    ["score > .5", [["unexpected-token", 8, 9]]],
    [".5", [["unexpected-token", 0, 1]]],
    ["score > 1 sort desc", [["unexpected-token", 15, 19]]],
    ["sort created_at deesc", [["unexpected-token", 16, 21]]],
    ["sort score desc desc", [["unexpected-token", 16, 20]]],
    ["now = 1", [["unexpected-token", 4, 5]]],
    ['"x" = 1', [["unexpected-token", 4, 5]]],
    ["depth = 1 , x", [["unexpected-token", 10, 11]]],
    ["and", [["unexpected-token", 0, 3]]],
    ["exists", [["unexpected-token", 0, 6]]],
  ])("%s: unexpected-token", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, number]>([
    ["depth =", 7],
    ["node_name =", 11],
    ["(score > 1 and depth < 2", 24],
    ["depth = 1 or", 12],
    ["depth = 1 and", 13],
    ["x or", 4],
    ["not", 3],
    ["!", 1],
    ["(", 1],
    ["sort", 4],
    ["sort by", 7],
    ["sort score,", 11],
    ["depth between 1 and", 19],
    ["depth between 1", 15],
    ["depth is", 8],
    ["depth is not", 12],
    ["depth in [1,", 12],
    ["text(x", 6],
    ["depth = 1 and  \n", 16],
  ])("%s: unexpected-end at the input's length", (text, end) => {
    expect(problems(text)).toEqual([["unexpected-end", end, end]]);
  });

  it.each<[string, Found[]]>([
    ['node_name = "foo\\"', [["unterminated-string", 12, 18]]],
    ['node_name ~ "electronics and depth > 2', [["unterminated-string", 12, 38]]],
    ['"abc', [["unterminated-string", 0, 4]]],
    ["'abc", [["unterminated-string", 0, 4]]],
    ["x = 'it", [["unterminated-string", 4, 7]]],
    ["`abc = 1", [["unterminated-string", 0, 8]]],
    ["sort `abc", [["unterminated-string", 5, 9]]],
  ])("%s: unterminated-string from the quote to the end", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ['node_name = "a\\qb"', [["invalid-escape", 14, 16]]],
    ['node_description ~ "docs\\drafts\\final"', [["invalid-escape", 24, 26], ["invalid-escape", 31, 33]]],
    ['x = "\\x41"', [["invalid-escape", 5, 7]]],
    ['x = "\\ "', [["invalid-escape", 5, 7]]],
    ['x = "\\f\\0"', [["invalid-escape", 5, 7], ["invalid-escape", 7, 9]]],
    ['node_name = "caf\\u00e"', [["invalid-escape", 16, 21]]],
    ['x = "\\u"', [["invalid-escape", 5, 7]]],
    ['x = "\\u1"', [["invalid-escape", 5, 8]]],
    ['x = "\\u12"', [["invalid-escape", 5, 9]]],
    ['x = "\\uZZZZ"', [["invalid-escape", 5, 11]]],
    ['x = "\\u12G4zz"', [["invalid-escape", 5, 11]]],
    ['x = "\\u{41}"', [["invalid-escape", 5, 11]]],
    ["x = '\\u12'", [["invalid-escape", 5, 9]]],
    ['x = "\\😀"', [["invalid-escape", 5, 8]]],
    ['x = "\\u1😀"', [["invalid-escape", 5, 10]]],
    ['x = "\\u123😀"', [["invalid-escape", 5, 12]]],
    ["`a\\x` = 1", [["invalid-escape", 2, 4]]],
    ["`a\\u0041` = 1", [["invalid-escape", 2, 4]]],
    ["`a\\😀` = 1", [["invalid-escape", 2, 5]]],
  ])("%s: invalid-escape", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ["score > 1 # depth", [["invalid-character", 10, 11]]],
    ['node_description ~ "🚀" @ depth', [["invalid-character", 24, 25]]],
    ["depth = +5", [["invalid-character", 8, 9]]],
    ["a & b", [["invalid-character", 2, 3]]],
    ["a | b", [["invalid-character", 2, 3]]],
    ["😀", [["invalid-character", 0, 2]]],
    ["x 😀😀 y", [["invalid-character", 2, 4], ["invalid-character", 4, 6]]],
    ["#😀é x", [["invalid-character", 0, 1], ["invalid-character", 1, 3], ["invalid-character", 3, 4]]],
    ["x € 1", [["invalid-character", 2, 3]]],
    ["\ud83d x", [["invalid-character", 0, 1]]],
  ])("%s: invalid-character, one per code point", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ["node_id = 0A0", [["invalid-number", 10, 13]]],
    ["0A0 1_000 5. 1e 1e+", [["invalid-number", 0, 3], ["invalid-number", 4, 9], ["invalid-number", 10, 12], ["invalid-number", 13, 15], ["invalid-number", 16, 19]]],
    ["score >= 0. and depth = 1", [["invalid-number", 9, 11]]],
    ["score < 1e999", [["invalid-number", 8, 13]]],
    ["-1e999", [["invalid-number", 0, 6]]],
    ["depth in [1, 2x]", [["invalid-number", 13, 15]]],
  ])("%s: invalid-number over the run", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ["“x”", [["normalized-character", 0, 1], ["normalized-character", 2, 3]]],
    ["x\u00a0= 1", [["normalized-character", 1, 2]]],
  ])("%s: a pasted look-alike is read as its ASCII twin, with a warning", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[string, Found[]]>([
    ["`depth`", [["missing-operator", 0, 7]]],
    ["a.b", [["missing-operator", 0, 3]]],
  ])("%s: a path alone is no term", (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('x = "a\\q" # 0A0 and (: every problem, not only the first', () => {
    expect(problems('x = "a\\q" # 0A0 and (')).toEqual([
      ["invalid-escape", 6, 8],
      ["invalid-character", 10, 11],
      ["invalid-number", 12, 15],
      ["unexpected-end", 21, 21],
    ]);
  });
});

describe("parseQuery: limits", () => {
  it("10,001 units: too-long over the whole input, nothing else read", () => {
    const text = "#" + "a".repeat(10_000);
    expect(problems(text)).toEqual([["too-long", 0, 10_001]]);
  });

  it("10,000 units: not too long", () => {
    expect(problems("a".repeat(10_000))).toEqual([]);
  });

  it("5,001 emoji (10,002 units): the limit counts UTF-16 units", () => {
    expect(problems('"' + "😀".repeat(5_000) + '"')).toEqual([["too-long", 0, 10_002]]);
  });

  it.each<[string, number, Found[]]>([
    ["abcdef", 5, [["too-long", 0, 6]]],
    ["abcde", 5, []],
  ])("%s with maxLength %d", (text, maxLength, expected) => {
    expect(problems(text, { maxLength, maxDepth: 32 })).toEqual(expected);
  });

  it.each<[string, string, Found[]]>([
    ["32 ( … )", "(".repeat(32) + "x" + ")".repeat(32), []],
    ["33 ( … ): the 33rd opener", "(".repeat(33) + "x" + ")".repeat(33), [["too-deep", 32, 33]]],
    ["40 not", "not ".repeat(40) + "x", [["too-deep", 128, 131]]],
    ["40 NOT", "NOT ".repeat(40) + "x", [["too-deep", 128, 131]]],
    ["33 !", "!".repeat(33) + "x", [["too-deep", 32, 33]]],
    ["32 !", "!".repeat(32) + "x", []],
    ["17 × not (: the 33rd opener is a not", "not (".repeat(17) + "x" + ")".repeat(17), [["too-deep", 80, 83]]],
    ["16 × ( ! and one (: the 33rd opener is a (", "(!".repeat(16) + "(x)" + ")".repeat(16), [["too-deep", 32, 33]]],
    ["32 ( then not in", "(".repeat(32) + "x not in [1]" + ")".repeat(32), []],
    ["32 ( then is not null", "(".repeat(32) + "x is not null" + ")".repeat(32), []],
    ["32 ( then not x", "(".repeat(32) + "not x" + ")".repeat(32), [["too-deep", 32, 35]]],
    ["32 ( then not in(...)", "(".repeat(32) + "not in(x, [1])" + ")".repeat(32), [["too-deep", 32, 35]]],
    ["side by side, not nested", "(x) ".repeat(40) + "not x ".repeat(40), []],
    ["an unclosed 33rd (", "(".repeat(33), [["too-deep", 32, 33]]],
  ])("%s", (_title, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("too-deep is reported with the lexer's problems, and nothing is parsed", () => {
    expect(problems("# " + "(".repeat(33) + "= =")).toEqual([
      ["invalid-character", 0, 1],
      ["too-deep", 34, 35],
    ]);
  });

  it.each<[string, string, Found[]]>([
    ["an invalid escape", 'x = "\\q" ' + "(".repeat(33), [["invalid-escape", 5, 7], ["too-deep", 41, 42]]],
    ["an invalid number", "0A0 " + "(".repeat(33), [["invalid-number", 0, 3], ["too-deep", 36, 37]]],
    ["an unterminated string", "(".repeat(33) + 'x = "abc', [["too-deep", 32, 33], ["unterminated-string", 37, 41]]],
  ])("too-deep with %s: every problem inside a token is reported too (all problems found, §8)", (_title, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it.each<[number, string, Found[]]>([
    [2, "((a))", []],
    [2, "(((a)))", [["too-deep", 2, 3]]],
    [1, "(x is not null) (y not in [1])", []],
    [1, "(not x)", [["too-deep", 1, 4]]],
    [0, "!x", [["too-deep", 0, 1]]],
  ])("maxDepth %d: %s", (maxDepth, text, expected) => {
    expect(problems(text, { maxLength: 10_000, maxDepth })).toEqual(expected);
  });

  it("maxDepth above 256 is held at 256, so the parser cannot run out of stack", () => {
    const text = "(".repeat(300) + "x" + ")".repeat(300);
    expect(problems(text, { maxLength: 10_000, maxDepth: 1_000 })).toEqual([["too-deep", 256, 257]]);
  });

  it("100,000 nested ( with a raised maxLength: too-deep, no stack overflow", () => {
    const text = "(".repeat(100_000) + "x" + ")".repeat(100_000);
    expect(problems(text, { maxLength: 1_000_000, maxDepth: 32 })).toEqual([["too-deep", 32, 33]]);
  });
});

describe("parse, the public syntax-only entry", () => {
  it("gives the AST and described diagnostics, checking nothing against a catalogue", async () => {
    const { parse } = await import("../../src/parse.js");
    const result = parse("colour = 1 and (depth >");
    expect(result.query.filter?.kind).toBe("comparison");
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.start, d.end])).toEqual([["unexpected-end", "error", 23, 23]]);
    expect(result.diagnostics[0]!.message).toEqual(expect.any(String));
  });

  it("takes the length and depth limits", async () => {
    const { parse } = await import("../../src/parse.js");
    expect(parse("x".repeat(11), { limits: { maxLength: 10 } }).diagnostics.map((d) => d.code)).toEqual(["too-long"]);
    expect(parse("((x))", { limits: { maxDepth: 1 } }).diagnostics.map((d) => [d.code, d.start])).toEqual([["too-deep", 1]]);
  });
});
