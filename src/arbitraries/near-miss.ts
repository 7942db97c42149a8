import type { FieldSpec, FieldType } from "../catalogue/catalogue.js";
import type { DiagnosticCode } from "../diagnostics/diagnostic.js";
import type { Arbitrary, FastCheck } from "./fast-check.js";
import { quote } from "./literals.js";
import type { QueryPieces, WrittenQuery } from "./query-pieces.js";
import { QueryWriter, type Write } from "./query-writer.js";
import { isPlainWord } from "../../grammar/keywords.js";

/** A query with one mistake in it, and the diagnostic code compiling it must report. */
export interface NearMiss {
  readonly text: string;
  readonly code: DiagnosticCode;
}

/** The mistaken part: a clause joined to a valid filter, or a sort clause replacing the valid one. */
interface Fault {
  readonly code: DiagnosticCode;
  readonly text: string;
  /** `clause`: joined after the filter; `final`: the same, with nothing after it; `sort`: the sort clause. */
  readonly place: "clause" | "final" | "sort";
}

const textTypes: readonly FieldType[] = ["string", "string[]"];
const listTypes: readonly FieldType[] = ["string", "string[]", "number", "integer", "enum"];
const badEscapes = ["\\q", "\\x41", "\\d", "\\f", "\\0", "\\a", "\\ ", "\\u12", "\\uZZZZ", "\\u{41}"];
const badNumbers = ["0A0", "1_000", "5.", "1e", "1e+", "1e999", "-0x1F", "7up"];
const badRegexes = ["(a)\\\\1", "(?=a)", "(", "a{2,1}", "(?<=a)b", "[z-a]"];
const badDatetimes = ["2024-02-30", '"2024-13-01"', "now-1y", "now-7x", "2024-01-01T10:00", '"yesterday"', "2023-02-29", "2024-01-01T25:00Z"];
const strayCharacters = ["#", "@", "%", ";", "?", "{", "}", "+", "&", "|", "😀", "\\", "€"];
const unknownOperators = ["frobnicate", "like", "equals", "startswith", "Eq", "IN", "isnull", "has"];

function render(write: Write<unknown>): string {
  const w = new QueryWriter();
  write(w);
  return w.toString();
}

/** Arbitraries for near misses of valid queries: one injected mistake each. */
export class NearMisses {
  constructor(
    private readonly fc: FastCheck,
    private readonly pieces: QueryPieces,
  ) {}

  private get fields(): readonly FieldSpec[] {
    return this.pieces.fields;
  }

  private fieldsOf(types: readonly FieldType[]): FieldSpec[] {
    return this.fields.filter((field) => types.includes(field.type));
  }

  /** A field of one of `types`, written as a path, with the field itself. */
  private path(fields: readonly FieldSpec[]): Arbitrary<{ field: FieldSpec; text: string }> {
    const fc = this.fc;
    return fc.constantFrom(...fields).chain((field) => this.pieces.fieldPath(field.name).map((write) => ({ field, text: render(write) })));
  }

  private fault(code: DiagnosticCode, place: Fault["place"], text: Arbitrary<string>): Arbitrary<Fault> {
    return text.map((t) => ({ code, place, text: t }));
  }

  /** Every kind of mistake this catalogue and target can show. */
  private faults(): Arbitrary<Fault>[] {
    const fc = this.fc;
    const l = this.pieces.literals;
    const target = this.pieces.options.target;
    const catalogue = this.pieces.catalogue;
    const names = new Set(catalogue.fields.keys());
    const all = this.fields;
    const text = this.fieldsOf(textTypes);
    const lists = this.fieldsOf(listTypes);
    const sortable = all.filter((field) => field.sortable);
    const unsortable = all.filter((field) => !field.sortable);
    const anyPath = all.length > 0 ? this.path(all).map((p) => p.text) : fc.constant("x");
    const faults: Arbitrary<Fault>[] = [];

    const misspelt = fc
      .tuple(fc.constantFrom(...(all.length > 0 ? all : [{ name: "name" } as FieldSpec])), fc.nat(), fc.constantFrom("drop", "swap", "double", "insert"))
      .map(([field, at, how]) => {
        const name = field.name;
        const i = name.length === 0 ? 0 : at % name.length;
        switch (how) {
          case "drop":
            return name.slice(0, i) + name.slice(i + 1);
          case "swap":
            return name.slice(0, i) + (name[i + 1] ?? "") + (name[i] ?? "") + name.slice(i + 2);
          case "double":
            return name.slice(0, i) + (name[i] ?? "x") + name.slice(i);
          default:
            return name.slice(0, i) + "q" + name.slice(i);
        }
      })
      .filter((name) => !names.has(name));
    faults.push(
      this.fault(
        "unknown-field",
        "clause",
        fc.tuple(misspelt.chain((name) => this.pieces.fieldPath(name)), fc.constantFrom(" exists", " is null", ' = "x"', " != 1", " in [1]")).map(([write, tail]) => render(write) + tail),
      ),
    );

    const unterminatedValue = fc.tuple(l.text(), fc.constantFrom<'"' | "'">('"', "'"), fc.array(fc.nat({ max: 9 }), { maxLength: 4 })).map(([value, mark, styles]) => quote(value, mark, styles).slice(0, -1));
    faults.push(
      this.fault(
        "unterminated-string",
        "final",
        text.length > 0 ? fc.tuple(this.path(text), unterminatedValue).map(([p, value]) => `${p.text} = ${value}`) : unterminatedValue,
      ),
    );

    const endings = all.length > 0 ? fc.tuple(anyPath, fc.constantFrom(" =", " !=", " is", " is not", " in [", " not", "")).map(([p, tail]) => (tail === "" ? `(${p} exists` : p + tail)) : fc.constantFrom("(", "not", "!");
    faults.push(this.fault("unexpected-end", "final", endings));

    faults.push(this.fault("unexpected-token", "clause", all.length > 0 ? fc.tuple(anyPath, fc.constantFrom(" = = 1", " exists exists", " is null null", " in [1 2]", " between")).map(([p, tail]) => p + tail + (tail === " between" ? " and 1" : "")) : fc.constantFrom(")", "true", "false", "null", ",")));

    if (all.length > 0) {
      const mismatch = this.path(all).chain(({ field, text: p }) => {
        const wrong: Record<FieldType, readonly string[]> = {
          string: ["42", "true", "2024-01-01", "now", "-1.5"],
          "string[]": ["42", "false", "2024-01-01T10:00Z"],
          number: ['"0.5"', "abc", "true", "2024-01-01", "now"],
          integer: ['"3"', "abc", "false", "1.5", "2e-1"],
          boolean: ['"true"', "1", "yes", "2024-01-01"],
          datetime: ["5", "true", "-1e3"],
          enum: ['"not_a_member_' + String(field.values?.length ?? 0) + '"', "42", "true"],
        };
        return fc.constantFrom(...wrong[field.type].map((value) => `${p} = ${value}`), `${p} = [1]`);
      });
      faults.push(this.fault("type-mismatch", "clause", mismatch));

      const refused: Record<FieldType, readonly string[]> = {
        string: [' > "a"', ' between "a" and "b"'],
        "string[]": [" >= a", " between a and b"],
        number: [' ~ "1"', " !~ x"],
        integer: [' ^= "1"', ' ~ "x"'],
        boolean: [" > true", " in [true]", " between false and true"],
        datetime: [" in [2024-01-01]", " not in [2024-01-01, 2024-01-02]", ' ~ "2024"'],
        enum: [" > a", ' ~ "a"', " between a and b"],
      };
      faults.push(this.fault("operator-not-allowed", "clause", this.path(all).chain(({ field, text: p }) => fc.constantFrom(...refused[field.type].map((tail) => p + tail)))));

      const nonText = all.filter((field) => !textTypes.includes(field.type));
      if (nonText.length > 0) faults.push(this.fault("operator-not-allowed", "clause", this.path(nonText).map(({ text: p }) => `text(${p}, "x")`)));

      faults.push(this.fault("unknown-operator", "clause", fc.tuple(fc.constantFrom(...unknownOperators), anyPath).map(([name, p]) => `${name}(${p}, 1)`)));
      faults.push(this.fault("invalid-number", "clause", fc.tuple(anyPath, fc.constantFrom(...badNumbers)).map(([p, n]) => `${p} = ${n}`)));

      faults.push(
        this.fault(
          "too-deep",
          "clause",
          fc.tuple(anyPath, fc.constantFrom("(", "not ", "!"), fc.integer({ min: 33, max: 40 })).map(([p, opener, n]) => opener.repeat(n) + `${p} exists` + (opener === "(" ? ")".repeat(n) : "")),
        ),
      );
    } else {
      faults.push(this.fault("invalid-number", "clause", fc.constantFrom(...badNumbers)));
      faults.push(this.fault("too-deep", "clause", fc.integer({ min: 33, max: 40 }).map((n) => "(".repeat(n) + '"x"' + ")".repeat(n))));
    }

    if (lists.length > 0) {
      faults.push(this.fault("empty-list", "clause", fc.tuple(this.path(lists), fc.constantFrom("in", "not in", "in()", "nin()")).map(([{ text: p }, form]) => (form.endsWith("()") ? `${form.slice(0, -2)}(${p}, [ ])` : `${p} ${form} []`))));
      const shortValue = (field: FieldSpec): string => (field.type === "enum" ? quote(field.values?.[0] ?? "", '"', []) : field.type === "number" || field.type === "integer" ? "1" : '""');
      const short = lists.filter((field) => shortValue(field).length <= 6);
      if (short.length > 0) {
        const many = fc.tuple(this.path(short), fc.integer({ min: 1001, max: 1010 })).map(([{ field, text: p }, n]) => `${p} in [${Array.from({ length: n }, () => shortValue(field)).join(",")}]`);
        faults.push(this.fault("too-many-items", "clause", many));
      }
    }

    const badString = fc.tuple(fc.constantFrom(...badEscapes), fc.constantFrom("", "a", "é ")).map(([escape, around]) => `"${around}${escape}${around}"`);
    faults.push(this.fault("invalid-escape", "clause", text.length > 0 ? fc.tuple(this.path(text), badString).map(([{ text: p }, s]) => `${p} = ${s}`) : all.length > 0 ? fc.tuple(anyPath, badString).map(([p, s]) => `${p} != ${s}`) : badString));

    const datetimes = this.fieldsOf(["datetime"]);
    if (datetimes.length > 0) faults.push(this.fault("invalid-datetime", "clause", fc.tuple(this.path(datetimes), fc.constantFrom(">", "=", "<=", "!="), fc.constantFrom(...badDatetimes)).map(([{ text: p }, op, value]) => `${p} ${op} ${value}`)));

    if (text.length > 0) {
      const regex = fc.tuple(this.path(text), fc.constantFrom(...badRegexes), fc.boolean()).map(([{ text: p }, pattern, call]) => (call ? `regex(${p}, "${pattern}")` : `${p} =~ "${pattern}"`));
      faults.push(this.fault("invalid-regex", "clause", regex));
      if (target === "classifications") {
        faults.push(
          this.fault(
            "unsupported-operator",
            "clause",
            fc.tuple(this.path(text), fc.constantFrom(' ^= "a"', ' $= "b"', ' =~ "^c"', "starts_with", "ends_with", "regex")).map(([{ text: p }, form]) => (form.startsWith(" ") ? p + form : `${form}(${p}, "a")`)),
          ),
        );
      }
    }

    const bareFields = all.filter((field) => isPlainWord(field.name));
    if (bareFields.length > 0) faults.push(this.fault("missing-operator", "clause", fc.constantFrom(...bareFields.map((field) => field.name))));

    if (!catalogue.freeText) {
      const term = fc.oneof(l.bareWord(names), l.text(6).map((t) => quote(t, '"', [])), fc.constantFrom("42", "-1.5", "2024-01-01", "now-7d"));
      faults.push(this.fault("free-text-not-allowed", "clause", term));
    }

    const numeric = this.fieldsOf(["number", "integer"]).filter((field) => field.min !== undefined || field.max !== undefined);
    if (numeric.length > 0) {
      faults.push(
        this.fault(
          "out-of-range",
          "clause",
          this.path(numeric).map(({ field, text: p }) => (field.max !== undefined ? `${p} > ${Math.floor(field.max) + 1}` : `${p} < ${Math.ceil(field.min!) - 1}`)),
        ),
      );
    }

    faults.push(this.fault("invalid-character", "clause", fc.tuple(fc.constantFrom(...strayCharacters), anyPath).map(([c, p]) => (all.length > 0 ? `${p} exists ${c}` : c))));

    if (target === "classifications" && all.length > 0) {
      faults.push(
        this.fault(
          "too-many-items",
          "clause",
          fc.tuple(anyPath, fc.integer({ min: 21, max: 25 }), fc.constantFrom(" or ", " || ")).map(([p, n, or]) => `(${Array.from({ length: n }, () => `${p} exists`).join(or)})`),
        ),
      );
    }

    if (unsortable.length > 0) faults.push(this.fault("not-sortable", "sort", this.path(unsortable).map(({ text: p }) => `sort ${p}`)));
    if (sortable.length > 0) {
      faults.push(this.fault("duplicate-sort-key", "sort", fc.tuple(this.path(sortable), fc.constantFrom("", " asc", " desc")).map(([{ text: p }, dir]) => `sort by ${p}${dir}, ${p}`)));
    }
    if (sortable.length > 1) {
      const pair = fc.tuple(fc.nat({ max: sortable.length - 1 }), fc.nat({ max: sortable.length - 2 })).map(([i, j]) => [sortable[i]!, sortable[j >= i ? j + 1 : j]!] as const);
      faults.push(
        this.fault(
          "too-many-sort-keys",
          "sort",
          pair.chain(([a, b]) => fc.tuple(this.pieces.fieldPath(a.name), this.pieces.fieldPath(b.name), fc.constantFrom("", " desc"))).map(([a, b, dir]) => `sort ${render(a)}${dir}, ${render(b)}`),
        ),
      );
    }

    faults.push(this.fault("too-long", "clause", fc.integer({ min: 10_001, max: 10_050 }).map((n) => quote("a".repeat(n), '"', []))));
    return faults;
  }

  /** A valid query with one of the catalogue's possible mistakes put in it. */
  nearMiss(base: Arbitrary<WrittenQuery>): Arbitrary<NearMiss> {
    const fc = this.fc;
    return fc
      .tuple(base, fc.oneof(...this.faults()), fc.constantFrom(" and ", " or ", " && ", " || ", " ", "\n"))
      .map(([{ filterText, sortText }, fault, joiner]) => {
        // only too-long may run past the default length limit
        const prefix = fault.code !== "too-long" && filterText.length + fault.text.length + sortText.length > 9_000 ? "" : filterText;
        if (fault.place === "sort") return { code: fault.code, text: prefix === "" ? fault.text : `${prefix} ${fault.text}` };
        const filter = prefix === "" ? fault.text : prefix + joiner + fault.text;
        const text = fault.place === "final" || sortText === "" ? filter : `${filter} ${sortText}`;
        return { code: fault.code, text };
      });
  }
}
