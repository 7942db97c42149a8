import { isPlainWord } from "../../grammar/keywords.js";

const shortEscapes: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

// control characters, DEL, and any surrogate (paired ones are let through below)
const needsEscape = /["\\\u0000-\u001f\u007f\ud800-\udfff]/;

/**
 * `value` in double quotes, written so that the parser reads back exactly `value`: `\"` `\\` `\n`
 * `\r` `\t`, `\uXXXX` for other control characters and for lone surrogates, everything else as is.
 */
export function quoteString(value: string): string {
  if (!needsEscape.test(value)) return `"${value}"`;
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const code = ch.charCodeAt(0);
    const short = shortEscapes[ch];
    if (short !== undefined) out += short;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value.charCodeAt(i + 1))) {
      out += ch + value[i + 1]!;
      i++;
    } else if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) out += unicodeEscape(code);
    else out += ch;
  }
  return out + '"';
}

/** A field segment: bare when the lexer reads it as an identifier, else in backticks. */
export function formatSegment(name: string): string {
  if (isPlainWord(name)) return name;
  return "`" + name.replace(/[`\\]/g, (ch) => "\\" + ch) + "`";
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function unicodeEscape(code: number): string {
  return "\\u" + code.toString(16).padStart(4, "0");
}
