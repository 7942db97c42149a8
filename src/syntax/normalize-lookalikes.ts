import type { Problem } from "../diagnostics/diagnostic.js";

/**
 * Characters that pasted text carries in place of ASCII ones, each mapped to its one-unit ASCII
 * twin so that every offset stays that of the original text.
 */
const twins: ReadonlyMap<number, string> = new Map([
  [0x201c, '"'], // “
  [0x201d, '"'], // ”
  [0x201e, '"'], // „
  [0x201f, '"'], // ‟
  [0x2033, '"'], // ″
  [0x2018, "'"], // ‘
  [0x2019, "'"], // ’
  [0x201a, "'"], // ‚
  [0x201b, "'"], // ‛
  [0x2032, "'"], // ′
  [0x2212, "-"], // minus sign
  [0x00a0, " "],
  [0x1680, " "],
  [0x180e, " "],
  [0x2000, " "],
  [0x2001, " "],
  [0x2002, " "],
  [0x2003, " "],
  [0x2004, " "],
  [0x2005, " "],
  [0x2006, " "],
  [0x2007, " "],
  [0x2008, " "],
  [0x2009, " "],
  [0x200a, " "],
  [0x200b, " "],
  [0x2028, " "],
  [0x2029, " "],
  [0x202f, " "],
  [0x205f, " "],
  [0x3000, " "],
  [0xfeff, " "],
]);

/** Look-alikes of two-character operators: the lexer reads them as they are, so only a warning is due. */
export const operatorLookalikes: ReadonlyMap<string, string> = new Map([
  ["≥", ">="],
  ["≤", "<="],
  ["≠", "!="],
]);

function twinOf(code: number): string | undefined {
  // full-width forms U+FF01–U+FF5E mirror ASCII U+0021–U+007E
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return twins.get(code);
}

const closingFor: Readonly<Record<string, string>> = { '"': '"', "'": "'", "`": "`" };

const hasNonAscii = /[^\u0000-\u007f]/;

export interface NormalizedText {
  readonly text: string;
  readonly problems: readonly Problem[];
}

/**
 * Reads pasted look-alikes as their ASCII twins, outside string literals and backtick segments
 * (whose content is the user's data), plus the curly quotes that open and close them.
 */
export function normalizeLookalikes(text: string): NormalizedText {
  if (!hasNonAscii.test(text)) return { text, problems: [] };
  const out: string[] = [];
  const problems: Problem[] = [];
  let runStart = -1;
  let quote: string | null = null;
  let quoteWasCurly = false;
  const flush = (end: number): void => {
    if (runStart === -1) return;
    problems.push({
      code: "normalized-character",
      span: { start: runStart, end },
      detail: { character: text.slice(runStart, end), replacement: out.slice(runStart, end).join("") },
    });
    runStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === "\\") {
        out.push(ch);
        if (i + 1 < text.length) out.push(text[++i]!);
        continue;
      }
      const closingTwin = quoteWasCurly ? twinOf(ch.charCodeAt(0)) : undefined;
      if (ch === quote) {
        quote = null;
      } else if (closingTwin !== undefined && closingTwin === quote) {
        quote = null;
        runStart = i;
        out.push(closingTwin);
        flush(i + 1);
        continue;
      }
      out.push(ch);
      continue;
    }
    const operator = operatorLookalikes.get(ch);
    if (operator !== undefined) {
      flush(i);
      problems.push({ code: "normalized-character", span: { start: i, end: i + 1 }, detail: { character: ch, replacement: operator } });
      out.push(ch);
      continue;
    }
    const twin = twinOf(ch.charCodeAt(0));
    const read = twin ?? ch;
    if (twin !== undefined) {
      if (runStart === -1) runStart = i;
    } else {
      flush(i);
    }
    out.push(read);
    if (Object.hasOwn(closingFor, read)) {
      quote = closingFor[read]!;
      quoteWasCurly = twin !== undefined;
      flush(i + 1);
    }
  }
  flush(text.length);
  return { text: out.join(""), problems };
}
