const wordSource = "[\\p{L}\\p{N}]+";

/** The lower-case words of a text: runs of Unicode letters and digits, in order, repeats kept. */
export function textWords(text: string): string[] {
  return Array.from(text.matchAll(new RegExp(wordSource, "gu")), (match) => match[0].toLowerCase());
}

/** The `text` rule: every word of `query` is among the words of the text tested; always case-insensitive. */
export function textMatcher(query: string): (text: string) => boolean {
  const wanted = [...new Set(textWords(query))];
  const words = new RegExp(wordSource, "gu");
  if (wanted.length === 0) return () => true;
  if (wanted.length === 1) {
    const only = wanted[0]!;
    return (text) => {
      words.lastIndex = 0;
      for (let match = words.exec(text); match !== null; match = words.exec(text)) {
        if (match[0].toLowerCase() === only) return true;
      }
      return false;
    };
  }
  return (text) => {
    const pending = new Set(wanted);
    words.lastIndex = 0;
    for (let match = words.exec(text); match !== null; match = words.exec(text)) {
      if (pending.delete(match[0].toLowerCase()) && pending.size === 0) return true;
    }
    return false;
  };
}
