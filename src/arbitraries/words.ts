/** LANGUAGE.md §1: never a bare word, in any case. */
export const keywords: ReadonlySet<string> = new Set([
  "and",
  "or",
  "not",
  "in",
  "between",
  "exists",
  "is",
  "null",
  "true",
  "false",
  "sort",
  "by",
  "asc",
  "desc",
  "now",
]);

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isKeyword(word: string): boolean {
  return keywords.has(word.toLowerCase());
}

/** A word that reads as an identifier: usable unquoted as a field segment or a string value. */
export function isBareWord(word: string): boolean {
  return identifier.test(word) && !isKeyword(word);
}
