import { childPath } from "../decompile/filter-diagnostic.js";

/**
 * Where each value of a JSON text starts, by its JSON path (`$.AND[2].operator`), so that a
 * diagnostic about a path can name the line. The text must be valid JSON (JSON.parse took it);
 * the scan keeps its own stack, so any depth is fine.
 */
export function jsonLocations(text: string): Map<string, number> {
  const at = new Map<string, number>();
  type Frame = { readonly kind: "array" | "object"; readonly path: string; index: number; key: string | null };
  const stack: Frame[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const valuePath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return "$";
    return top.kind === "array" ? childPath(top.path, top.index) : childPath(top.path, top.key ?? "");
  };
  while (i < text.length) {
    skipSpace();
    const top = stack[stack.length - 1];
    const ch = text[i];
    if (ch === undefined) break;
    if (ch === "," || ch === ":") {
      if (ch === "," && top?.kind === "array") top.index++;
      i++;
      continue;
    }
    if (ch === "]" || ch === "}") {
      stack.pop();
      i++;
      continue;
    }
    if (top?.kind === "object" && top.key === null) {
      top.key = readString();
      continue;
    }
    const path = valuePath();
    at.set(path, i);
    if (top?.kind === "object") top.key = null;
    if (ch === "{" || ch === "[") {
      stack.push({ kind: ch === "{" ? "object" : "array", path, index: 0, key: null });
      i++;
    } else if (ch === '"') {
      readString();
    } else {
      while (i < text.length && !",]} \t\r\n".includes(text[i]!)) i++;
    }
  }
  return at;
}

/** The 1-based line of `offset`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
