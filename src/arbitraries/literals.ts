import type { FieldSpec } from "../catalogue/catalogue.js";
import type { ListLiteral, Literal, Value } from "../syntax/ast.js";
import type { Arbitrary, FastCheck } from "./fast-check.js";
import type { Write } from "./query-writer.js";
import { isPlainWord } from "../../grammar/keywords.js";

/** A literal to write, and whether it is a date without a time (the checker widens those to a day). */
export interface LiteralPiece {
  readonly write: Write<Literal>;
  readonly day: boolean;
}

export interface ValuePiece {
  readonly write: Write<Value>;
  readonly day: boolean;
}

const namedEscapes: Readonly<Record<string, string>> = { "\n": "n", "\r": "r", "\t": "t", "/": "/", "'": "'", '"': '"' };

/**
 * `value` between quotes, escaped so that it reads back as `value`: backslashes and the quote
 * always, other code units by `styles` (0–6 as they are, 7/8 as \uxxxx/\uXXXX, 9 named if they can be).
 */
export function quote(value: string, mark: '"' | "'", styles: readonly number[]): string {
  let body = "";
  for (let i = 0; i < value.length; i++) {
    const unit = value[i]!;
    const style = styles.length === 0 ? 0 : styles[i % styles.length]!;
    if (unit === "\\" || unit === mark) body += "\\" + unit;
    else if (style === 7 || style === 8) {
      const hex = unit.charCodeAt(0).toString(16).padStart(4, "0");
      body += "\\u" + (style === 8 ? hex.toUpperCase() : hex);
    } else if (style === 9 && namedEscapes[unit] !== undefined) body += "\\" + namedEscapes[unit];
    else body += unit;
  }
  return mark + body + mark;
}

/** A field segment in backticks: only ` and \ are escaped there. */
export function backtick(name: string): string {
  return "`" + name.replace(/[`\\]/g, (c) => "\\" + c) + "`";
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Literal arbitraries, one per kind of value the language writes. */
export class Literals {
  constructor(private readonly fc: FastCheck) {}

  /** A keyword in lower, upper, or mixed case. */
  keyword(word: string): Arbitrary<string> {
    const fc = this.fc;
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(word) },
      { weight: 1, arbitrary: fc.constant(word.toUpperCase()) },
      { weight: 1, arbitrary: fc.mixedCase(fc.constant(word)) },
    );
  }

  /** At least one whitespace character. */
  space(): Arbitrary<string> {
    const fc = this.fc;
    return fc.oneof({ weight: 8, arbitrary: fc.constant(" ") }, { weight: 1, arbitrary: fc.constantFrom("  ", "\t", "\n", "\r\n", " \t ") });
  }

  /** Whitespace or nothing, where the tokens on both sides need no separator. */
  gap(): Arbitrary<string> {
    const fc = this.fc;
    return fc.oneof({ weight: 3, arbitrary: fc.constant("") }, { weight: 3, arbitrary: this.space() });
  }

  /** Any text, including quotes, backslashes, newlines, non-BMP characters and lone surrogates. */
  text(maxLength = 8): Arbitrary<string> {
    const fc = this.fc;
    const unit = fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.constantFrom('"', "'", "\\", "/", "\n", "\r", "\t", "`", " ", "é", "北京", "😀", "\u00a0") },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
    );
    return fc.array(unit, { maxLength }).map((units) => units.join(""));
  }

  quoted(value: Arbitrary<string>): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    return fc
      .tuple(value, fc.constantFrom<'"' | "'">('"', "'"), fc.array(fc.nat({ max: 9 }), { maxLength: 6 }))
      .map(([text, mark, styles]) => {
        const written = quote(text, mark, styles);
        return { day: false, write: (w) => ({ kind: "string", value: text, quote: mark, span: w.write(written) }) };
      });
  }

  /** An identifier that is no keyword, optionally none of `excluded`. */
  bareWord(excluded: ReadonlySet<string> = new Set()): Arbitrary<string> {
    const fc = this.fc;
    return fc
      .oneof(
        { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,9}$/) },
        { weight: 1, arbitrary: fc.constantFrom("sports", "order", "index", "nothing", "nowhere", "notes", "sorted", "Andy", "iS_", "nullable", "between_", "trueish", "describe") },
      )
      .filter((word) => isPlainWord(word) && !excluded.has(word));
  }

  bare(word: Arbitrary<string>): Arbitrary<LiteralPiece> {
    return word.map((value) => ({ day: false, write: (w) => ({ kind: "string", value, quote: null, span: w.write(value) }) }));
  }

  /** A string field's value: quoted text or a bare word. */
  string(): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    return fc.oneof({ weight: 3, arbitrary: this.quoted(this.text()) }, { weight: 1, arbitrary: this.bare(this.bareWord()) });
  }

  /** A pattern RE2 compiles, written as a string. */
  regex(): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    const atom = fc.tuple(
      fc.constantFrom("a", "b", "elec", "_", "\\d", "\\w", ".", "[a-z]", "(x|y)", "é", "\\.", "\\\\", "\\p{L}"),
      fc.constantFrom("", "", "+", "*", "?", "{1,3}"),
    );
    const pattern = fc
      .tuple(fc.constantFrom("", "^", "(?i)"), fc.array(atom, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "$"))
      .map(([head, atoms, tail]) => head + atoms.map(([a, q]) => a + q).join("") + tail);
    return this.quoted(pattern);
  }

  /** The digits as written, in one of the forms LANGUAGE.md §3 allows. */
  private numberText(value: number, style: number): string {
    const plain = String(value);
    const exponent = plain.includes("e");
    switch (style) {
      case 1:
        return plain.replace("e", "E");
      case 2:
        return exponent ? plain : plain.replace(/^(-?)/, "$100");
      case 3:
        return Number.isInteger(value) && !exponent ? plain + ".0" : plain;
      case 4:
        return Number.isInteger(value) && value !== 0 && value % 1000 === 0 && !exponent ? `${value / 1000}e3` : plain;
      default:
        return plain;
    }
  }

  private numberPiece(value: Arbitrary<number>): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    return fc.tuple(value, fc.nat({ max: 6 })).map(([n, style]) => {
      const raw = this.numberText(n, style);
      return { day: false, write: (w) => ({ kind: "number", value: Number(raw), raw, span: w.write(raw) }) };
    });
  }

  /** Any finite double, mostly within the field's min and max. */
  number(field?: FieldSpec): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    const any = fc.double({ noNaN: true, noDefaultInfinity: true });
    const inRange =
      field?.min !== undefined || field?.max !== undefined
        ? fc.double({ noNaN: true, noDefaultInfinity: true, min: field?.min ?? -1e9, max: field?.max ?? 1e9 })
        : fc.double({ noNaN: true, min: -1000, max: 1000 });
    return this.numberPiece(fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: any }));
  }

  /** A safe integer, mostly within the field's min and max. */
  integer(field?: FieldSpec): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    const low = Math.ceil(Math.max(field?.min ?? -1000, -Number.MAX_SAFE_INTEGER));
    const high = Math.floor(Math.min(field?.max ?? 1000, Number.MAX_SAFE_INTEGER));
    const any = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const inRange = low <= high ? fc.integer({ min: low, max: high }) : any;
    return this.numberPiece(fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: any }));
  }

  boolean(): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    return fc
      .constantFrom(true, false)
      .chain((value) => this.keyword(String(value)).map((word) => ({ value, word })))
      .map(({ value, word }) => ({ day: false, write: (w) => ({ kind: "boolean", value, span: w.write(word) }) }));
  }

  null(): Arbitrary<LiteralPiece> {
    return this.keyword("null").map((word) => ({ day: false, write: (w) => ({ kind: "null", span: w.write(word) }) }));
  }

  /** `2024-01-01`, `2024-01-01T10:00Z`, `2024-01-01t10:00:00.250+02:00` …: the text and whether it is a whole day. */
  absoluteDate(): Arbitrary<{ readonly text: string; readonly day: boolean }> {
    const fc = this.fc;
    const zone = fc.oneof(
      fc.constantFrom("Z", "z"),
      fc
        .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45), fc.constantFrom(":", ""))
        .map(([sign, h, m, colon]) => `${sign}${pad(h)}${colon}${pad(m)}`),
    );
    const seconds = fc
      .tuple(fc.integer({ min: 0, max: 59 }), fc.option(fc.stringMatching(/^[0-9]{1,9}$/)))
      .map(([s, fraction]) => `:${pad(s)}${fraction === null ? "" : "." + fraction}`);
    const time = fc
      .tuple(fc.constantFrom("T", "t"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.option(seconds), zone)
      .map(([t, h, m, s, z]) => `${t}${pad(h)}:${pad(m)}${s ?? ""}${z}`);
    return fc
      .tuple(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.option(time))
      .map(([year, month, day, t]) => ({
        text: `${pad(year, 4)}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}${t ?? ""}`,
        day: t === null,
      }));
  }

  /** `now`, `now-7d`, `NOW+1h-30m` … */
  relativeDate(): Arbitrary<string> {
    const fc = this.fc;
    const step = fc
      .tuple(fc.constantFrom("+", "-"), fc.nat({ max: 1000 }), fc.constantFrom("s", "m", "h", "d", "w", "S", "M", "H", "D", "W"))
      .map(([sign, n, unit]) => `${sign}${n}${unit}`);
    return fc.tuple(this.keyword("now"), fc.array(step, { maxLength: 3 })).map(([now, steps]) => now + steps.join(""));
  }

  /** A datetime field's value, quoted or not (LANGUAGE.md §3: the same forms). */
  datetime(): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    const absolute = this.absoluteDate().map(({ text, day }): LiteralPiece => ({ day, write: (w) => ({ kind: "date", raw: text, span: w.write(text) }) }));
    const relative = this.relativeDate().map((text): LiteralPiece => ({ day: false, write: (w) => ({ kind: "relative-date", raw: text, span: w.write(text) }) }));
    const quotedAbsolute = this.absoluteDate().chain(({ text, day }) => this.quoted(fc.constant(text)).map((piece) => ({ ...piece, day })));
    const quotedRelative = this.quoted(this.relativeDate());
    return fc.oneof(
      { weight: 4, arbitrary: absolute },
      { weight: 2, arbitrary: relative },
      { weight: 1, arbitrary: quotedAbsolute },
      { weight: 1, arbitrary: quotedRelative },
    );
  }

  /** One of an enum field's values, bare when it reads as a word. */
  member(field: FieldSpec): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    const values = field.values ?? [];
    return fc.constantFrom(...values).chain((value) => {
      const quoted = this.quoted(fc.constant(value));
      return isPlainWord(value) ? fc.oneof(this.bare(fc.constant(value)), quoted) : quoted;
    });
  }

  /** A value of the field's own type (never null). */
  scalar(field: FieldSpec): Arbitrary<LiteralPiece> {
    switch (field.type) {
      case "string":
      case "string[]":
        return this.string();
      case "number":
        return this.number(field);
      case "integer":
        return this.integer(field);
      case "boolean":
        return this.boolean();
      case "datetime":
        return this.datetime();
      case "enum":
        return this.member(field);
    }
  }

  /** The field's value or, now and then, null. */
  scalarOrNull(field: FieldSpec): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    return fc.oneof({ weight: 6, arbitrary: this.scalar(field) }, { weight: 1, arbitrary: this.null() });
  }

  /** `[a, b, …]` with 1 to 5 items. */
  list(item: Arbitrary<LiteralPiece>): Arbitrary<ValuePiece> {
    const fc = this.fc;
    return fc
      .tuple(this.gap(), fc.array(fc.tuple(item, this.gap(), this.gap()), { minLength: 1, maxLength: 5 }))
      .map(([lead, items]) => ({
        day: false,
        write: (w): ListLiteral => {
          const open = w.write("[" + lead);
          const literals: Literal[] = [];
          items.forEach(([piece, before, after], i) => {
            if (i > 0) w.write(before + "," + after);
            literals.push(piece.write(w));
          });
          const close = w.write("]");
          return { kind: "list", items: literals, span: { start: open.start, end: close.end } };
        },
      }));
  }

  /** A literal standing alone (free text): a word that is no field, a string, a number or a date. */
  term(fields: ReadonlySet<string>): Arbitrary<LiteralPiece> {
    const fc = this.fc;
    const number = this.numberPiece(fc.double({ noNaN: true, noDefaultInfinity: true }));
    const date = this.absoluteDate().map(({ text }): LiteralPiece => ({ day: false, write: (w) => ({ kind: "date", raw: text, span: w.write(text) }) }));
    const relative = this.relativeDate().map((text): LiteralPiece => ({ day: false, write: (w) => ({ kind: "relative-date", raw: text, span: w.write(text) }) }));
    return fc.oneof(
      { weight: 4, arbitrary: this.bare(this.bareWord(fields)) },
      { weight: 3, arbitrary: this.quoted(this.text()) },
      { weight: 1, arbitrary: number },
      { weight: 1, arbitrary: date },
      { weight: 1, arbitrary: relative },
    );
  }
}
