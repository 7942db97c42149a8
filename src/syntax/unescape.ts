import type { Problem } from "../diagnostics/diagnostic.js";

const simpleEscapes: Readonly<Record<string, string>> = {
  "\\": "\\",
  '"': '"',
  "'": "'",
  "/": "/",
  n: "\n",
  r: "\r",
  t: "\t",
};

const backtickEscapes: Readonly<Record<string, string>> = { "`": "`", "\\": "\\" };

const hexDigits = /^[0-9A-Fa-f]{4}$/;

/**
 * The text between the quotes of a string (or backtick segment) starting at `bodyStart`, with its
 * escapes read; `bodyEnd` is where the closing quote stands (or the end of input).
 */
export function unescapeBody(
  text: string,
  bodyStart: number,
  bodyEnd: number,
  backtick: boolean,
  problems: Problem[],
): string {
  const body = text.slice(bodyStart, bodyEnd);
  // only the body is searched, so that reading every string of a query stays linear in its length
  if (!body.includes("\\")) return body;
  const escapes = backtick ? backtickEscapes : simpleEscapes;
  let out = "";
  let i = bodyStart;
  while (i < bodyEnd) {
    const slash = text.indexOf("\\", i);
    if (slash === -1 || slash >= bodyEnd) {
      out += text.slice(i, bodyEnd);
      break;
    }
    out += text.slice(i, slash);
    const next = text[slash + 1];
    if (next !== undefined && slash + 1 < bodyEnd && Object.hasOwn(escapes, next)) {
      out += escapes[next];
      i = slash + 2;
    } else if (next === "u" && !backtick && slash + 1 < bodyEnd) {
      const hex = text.slice(slash + 2, afterCharacters(text, slash + 2, 4, bodyEnd));
      if (hexDigits.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
      } else {
        problems.push({ code: "invalid-escape", span: { start: slash, end: slash + 2 + hex.length } });
      }
      i = slash + 2 + hex.length;
    } else {
      const end = afterCharacters(text, slash + 1, 1, bodyEnd);
      problems.push({ code: "invalid-escape", span: { start: slash, end: Math.max(end, slash + 1) } });
      i = Math.max(end, slash + 1);
    }
  }
  return out;
}

/** The offset after `count` characters from `start`, a surrogate pair counting as one, but not past `limit`. */
function afterCharacters(text: string, start: number, count: number, limit: number): number {
  let end = start;
  for (let n = 0; n < count && end < limit; n++) end += (text.codePointAt(end) ?? 0) > 0xffff && end + 1 < limit ? 2 : 1;
  return end;
}
