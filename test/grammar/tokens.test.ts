import type { ILexingError, IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../grammar/lexer.js";
import { scan } from "../../grammar/scanner.js";

type Lexed = [kind: string, image: string, offset: number];
type Lexer = (text: string) => { readonly tokens: IToken[]; readonly errors: ILexingError[] };

/** Both lexers must give the same tokens and errors: the Chevrotain one and the hand-written scanner parseQuery runs. */
describe.each<[string, Lexer]>([
  ["Chevrotain lexer", tokenize],
  ["scanner", scan],
])("%s", (_name, lexer) => {
  function lex(text: string): Lexed[] {
    return lexer(text).tokens.map((token): Lexed => [token.tokenType.name, token.image, token.startOffset]);
  }

  function kinds(text: string): string[] {
    return lex(text).map(([kind]) => kind);
  }

  /** Unlexable runs as [offset, length]: the parser splits them per code point (see parse.test.ts). */
  function lexErrors(text: string): [number, number][] {
    return lexer(text).errors.map((error) => [error.offset, error.length]);
  }

  describe("keywords", () => {
    it.each([
      ["and or not in between exists is null true false sort by asc desc now", ["And", "Or", "Not", "In", "Between", "Exists", "Is", "Null", "True", "False", "Sort", "By", "Asc", "Desc", "RelativeDate"]],
      ["AND Or nOt IN Between EXISTS iS NULL True FALSE Sort BY ASC Desc NOW", ["And", "Or", "Not", "In", "Between", "Exists", "Is", "Null", "True", "False", "Sort", "By", "Asc", "Desc", "RelativeDate"]],
    ])("%s: case-insensitive", (text, expected) => {
      expect(kinds(text)).toEqual(expected);
    });

    it.each(["order", "index", "nothing", "nowhere", "Andy", "orange", "isnull", "trueish", "falsey", "sorted", "by_", "ascend", "descent", "nullable", "between_", "exists2", "now_", "INDEX"])(
      "%s: a longer word that starts with a keyword is an identifier",
      (word) => {
        expect(lex(word)).toEqual([["Identifier", word, 0]]);
      },
    );
  });

  describe("calls: a name glued to (", () => {
    it.each<[string, Lexed[]]>([
      ["not(", [["Not", "not", 0], ["LeftParen", "(", 3]]],
      ["NOT(", [["Not", "NOT", 0], ["LeftParen", "(", 3]]],
      ["and(", [["And", "and", 0], ["LeftParen", "(", 3]]],
      ["between(", [["Between", "between", 0], ["LeftParen", "(", 7]]],
      ["sort(", [["Sort", "sort", 0], ["LeftParen", "(", 4]]],
      ["now(", [["RelativeDate", "now", 0], ["LeftParen", "(", 3]]],
      ["null(", [["Null", "null", 0], ["LeftParen", "(", 4]]],
      ["in(", [["CallName", "in", 0], ["LeftParen", "(", 2]]],
      ["exists(", [["CallName", "exists", 0], ["LeftParen", "(", 6]]],
      ["text(", [["CallName", "text", 0], ["LeftParen", "(", 4]]],
      ["starts_with(", [["CallName", "starts_with", 0], ["LeftParen", "(", 11]]],
      ["_x9(", [["CallName", "_x9", 0], ["LeftParen", "(", 3]]],
      ["order(", [["CallName", "order", 0], ["LeftParen", "(", 5]]],
      ["text (", [["Identifier", "text", 0], ["LeftParen", "(", 5]]],
      ["in (", [["In", "in", 0], ["LeftParen", "(", 3]]],
      ["exists\t(", [["Exists", "exists", 0], ["LeftParen", "(", 7]]],
    ])("%s", (text, expected) => {
      expect(lex(text)).toEqual(expected);
    });
  });

  describe("numbers", () => {
    it.each(["0", "7", "007", "-1", "1.5", "-0.25", "1e3", "1E+3", "2.5e-7", "-2E+10", "1e999", "9007199254740993"])("%s is one NumberLiteral", (text) => {
      expect(lex(text)).toEqual([["NumberLiteral", text, 0]]);
    });

    it("0A0 1_000 5. 1e 1e+: each run is one InvalidNumber", () => {
      expect(lex("0A0 1_000 5. 1e 1e+")).toEqual([
        ["InvalidNumber", "0A0", 0],
        ["InvalidNumber", "1_000", 4],
        ["InvalidNumber", "5.", 10],
        ["InvalidNumber", "1e", 13],
        ["InvalidNumber", "1e+", 16],
      ]);
    });

    it.each(["1.2.3", "7up", "-1x", "1e+5x", "5.e3", "0x1F", "12abc_"])("%s is one InvalidNumber", (text) => {
      expect(lex(text)).toEqual([["InvalidNumber", text, 0]]);
    });

    it.each<[string, Lexed[]]>([
      [".5", [["Dot", ".", 0], ["NumberLiteral", "5", 1]]],
      ["1-2", [["NumberLiteral", "1", 0], ["NumberLiteral", "-2", 1]]],
      ["a=-1", [["Identifier", "a", 0], ["Equals", "=", 1], ["NumberLiteral", "-1", 2]]],
      ["score<-1", [["Identifier", "score", 0], ["Less", "<", 5], ["NumberLiteral", "-1", 6]]],
      ["1)", [["NumberLiteral", "1", 0], ["RightParen", ")", 1]]],
      ["[1,2]", [["LeftBracket", "[", 0], ["NumberLiteral", "1", 1], ["Comma", ",", 2], ["NumberLiteral", "2", 3], ["RightBracket", "]", 4]]],
    ])("%s", (text, expected) => {
      expect(lex(text)).toEqual(expected);
    });
  });

  describe("datetimes", () => {
    it.each([
      "2024-01-01",
      "2024-01-01T10:00Z",
      "2024-01-01T10:00:00Z",
      "2024-01-01t10:00:00.250+02:00",
      "2024-01-01T10:00:00+0200",
      "2024-05-01T23:59:59.999999Z",
      "2024-02-30",
      "2024-01-01abc",
      "2024-01-01T10:00",
    ])("%s is one DateTime (read later)", (text) => {
      expect(lex(text)).toEqual([["DateTime", text, 0]]);
    });

    it.each(["now", "NOW", "Now", "now-7d", "now+1h", "now-1w-2d", "NOW-7D", "now-1y", "now-7x", "now-", "now+1h2"])("%s is one RelativeDate", (text) => {
      expect(lex(text)).toEqual([["RelativeDate", text, 0]]);
    });

    it.each<[string, Lexed[]]>([
      ["now-7d)", [["RelativeDate", "now-7d", 0], ["RightParen", ")", 6]]],
      ["now -7d", [["RelativeDate", "now", 0], ["InvalidNumber", "-7d", 4]]],
      // §3: the glued run is signs, digits and letters, "up to a space or any other character"
      ["now-7d_x", [["RelativeDate", "now-7d", 0], ["Identifier", "_x", 6]]],
      ["now_x", [["Identifier", "now_x", 0]]],
      ["2024-01-01,2024-01-02]", [["DateTime", "2024-01-01", 0], ["Comma", ",", 10], ["DateTime", "2024-01-02", 11], ["RightBracket", "]", 21]]],
    ])("%s", (text, expected) => {
      expect(lex(text)).toEqual(expected);
    });
  });

  describe("strings", () => {
    it.each<[string, string]>([
      ['"a\\"b"', "DoubleQuotedString"],
      ["'it\\'s'", "SingleQuotedString"],
      ['"C:\\\\"', "DoubleQuotedString"],
      ['"\\u00e9\\n\\t\\r\\/"', "DoubleQuotedString"],
      ['"a\\qb"', "DoubleQuotedString"],
      ['""', "DoubleQuotedString"],
      ["''", "SingleQuotedString"],
      ['"it\'s"', "DoubleQuotedString"],
      ["'say \"hi\"'", "SingleQuotedString"],
      ['"北京 😀"', "DoubleQuotedString"],
      ['"line\nbreak"', "DoubleQuotedString"],
      ['"\\ud83d"', "DoubleQuotedString"],
    ])("%s is one %s", (text, kind) => {
      expect(lex(text)).toEqual([[kind, text, 0]]);
    });

    it.each<[string, Lexed[]]>([
      ['"abc', [["UnterminatedString", '"abc', 0]]],
      ["'abc", [["UnterminatedString", "'abc", 0]]],
      ['"foo\\"', [["UnterminatedString", '"foo\\"', 0]]],
      ['x = "abc and y = 1', [["Identifier", "x", 0], ["Equals", "=", 2], ["UnterminatedString", '"abc and y = 1', 4]]],
      ['"a" "b', [["DoubleQuotedString", '"a"', 0], ["UnterminatedString", '"b', 4]]],
    ])("%s: an unclosed quote runs to the end", (text, expected) => {
      expect(lex(text)).toEqual(expected);
    });
  });

  describe("backtick segments", () => {
    it.each<[string, Lexed[]]>([
      ["`a b`", [["QuotedSegment", "`a b`", 0]]],
      ["`and`", [["QuotedSegment", "`and`", 0]]],
      ["`a\\`b`", [["QuotedSegment", "`a\\`b`", 0]]],
      ["``", [["QuotedSegment", "``", 0]]],
      ["`a`.b", [["QuotedSegment", "`a`", 0], ["Dot", ".", 3], ["Identifier", "b", 4]]],
      ["`abc", [["UnterminatedSegment", "`abc", 0]]],
      ["```", [["QuotedSegment", "``", 0], ["UnterminatedSegment", "`", 2]]],
    ])("%s", (text, expected) => {
      expect(lex(text)).toEqual(expected);
    });
  });

  describe("operators and punctuation", () => {
    it.each<[string, string]>([
      ["=", "Equals"],
      ["==", "DoubleEquals"],
      [":", "Colon"],
      ["!=", "NotEquals"],
      [">", "Greater"],
      [">=", "GreaterOrEqual"],
      ["<", "Less"],
      ["<=", "LessOrEqual"],
      ["~", "Contains"],
      ["!~", "NotContains"],
      ["^=", "StartsWith"],
      ["$=", "EndsWith"],
      ["=~", "RegexMatch"],
      ["&&", "DoubleAmpersand"],
      ["||", "DoublePipe"],
      ["!", "Bang"],
      ["(", "LeftParen"],
      [")", "RightParen"],
      ["[", "LeftBracket"],
      ["]", "RightBracket"],
      [",", "Comma"],
      [".", "Dot"],
    ])("%s is %s", (text, kind) => {
      expect(lex(text)).toEqual([[kind, text, 0]]);
    });

    it.each<[string, Lexed[]]>([
      ["a&&b||!c", [["Identifier", "a", 0], ["DoubleAmpersand", "&&", 1], ["Identifier", "b", 3], ["DoublePipe", "||", 4], ["Bang", "!", 6], ["Identifier", "c", 7]]],
      ["!!x", [["Bang", "!", 0], ["Bang", "!", 1], ["Identifier", "x", 2]]],
      ['a=~"x"', [["Identifier", "a", 0], ["RegexMatch", "=~", 1], ["DoubleQuotedString", '"x"', 3]]],
      ["a==b", [["Identifier", "a", 0], ["DoubleEquals", "==", 1], ["Identifier", "b", 3]]],
      ["a! =b", [["Identifier", "a", 0], ["Bang", "!", 1], ["Equals", "=", 3], ["Identifier", "b", 4]]],
      [" \t\r\nx \n", [["Identifier", "x", 4]]],
    ])("%s", (text, expected) => {
      expect(lex(text)).toEqual(expected);
    });
  });

  describe("invalid characters", () => {
    it.each<[string, [number, number][], string[]]>([
      ["score > 1 # depth", [[10, 1]], ["Identifier", "Greater", "NumberLiteral", "Identifier"]],
      ["+", [[0, 1]], []],
      ["a & b", [[2, 1]], ["Identifier", "Identifier"]],
      ["a | b", [[2, 1]], ["Identifier", "Identifier"]],
      ["😀", [[0, 2]], []],
      ['"🚀" @ x', [[5, 1]], ["DoubleQuotedString", "Identifier"]],
      ["é", [[0, 1]], []],
      ["“x”", [[0, 1], [2, 1]], ["Identifier"]],
      ["##", [[0, 2]], []],
      ["#😀é x", [[0, 4]], ["Identifier"]],
    ])("%s", (text, errors, expectedKinds) => {
      expect(lexErrors(text)).toEqual(errors);
      expect(kinds(text)).toEqual(expectedKinds);
    });
  });
});
