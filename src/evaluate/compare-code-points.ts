/** Orders strings by Unicode code point (not UTF-16 code unit), lone surrogates standing for themselves. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === length) return a.length < b.length ? -1 : 1;
  // a difference at a low surrogate belongs to the code point that starts one unit earlier
  const atLowSurrogate = isLowSurrogate(a.charCodeAt(i)) || isLowSurrogate(b.charCodeAt(i));
  if (i > 0 && atLowSurrogate && isHighSurrogate(a.charCodeAt(i - 1))) i--;
  return a.codePointAt(i)! < b.codePointAt(i)! ? -1 : 1;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
