/** LANGUAGE.md §1: the keywords, in any case; never a field name or a bare word unless quoted. */
export const keywords: readonly string[] = ["and", "or", "not", "in", "between", "exists", "is", "null", "true", "false", "sort", "by", "asc", "desc", "now"];

const keywordSet: ReadonlySet<string> = new Set(keywords);

/** Keywords that never name a call: `not(x)` is `not` and a group; `in(` and `exists(` are calls. */
export const nonCallKeywords: ReadonlySet<string> = new Set(keywords.filter((word) => word !== "in" && word !== "exists"));

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isKeyword(word: string): boolean {
  return keywordSet.has(word.toLowerCase());
}

/** A word the lexer reads as an identifier: usable unquoted as a field segment or a string value. */
export function isPlainWord(word: string): boolean {
  return identifier.test(word) && !isKeyword(word);
}
