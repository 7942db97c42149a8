import { RE2JS } from "re2js";

export type CompiledRegex =
  | { readonly ok: true; test(text: string): boolean }
  | { readonly ok: false; readonly reason: string };

const cacheLimit = 256;
const cache = new Map<string, CompiledRegex>();

/**
 * Compiles an RE2 pattern (linear-time matching; back-references and look-around are refused).
 * `test` searches anywhere in the text. Never throws: a pattern RE2 refuses comes back with a reason.
 */
export function compileRegex(pattern: string, caseInsensitive: boolean): CompiledRegex {
  const key = (caseInsensitive ? "i:" : "s:") + pattern;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const compiled = compileUncached(pattern, caseInsensitive);
  if (cache.size >= cacheLimit) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, compiled);
  return compiled;
}

function compileUncached(pattern: string, caseInsensitive: boolean): CompiledRegex {
  if (typeof pattern !== "string") return { ok: false, reason: "the pattern is not a string" };
  try {
    const re = RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    return { ok: true, test: (text: string) => re.test(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
