const hasOwn = Object.prototype.hasOwnProperty;

export type PathReader = (record: unknown) => unknown;

/**
 * Reads the value at a field's path. The result is `undefined` when the value is missing or null,
 * the value itself when no array was met on the way, and when arrays were met (the record itself
 * included) a fresh array of the candidates: every non-null value reached, arrays among them spread
 * one level; `undefined` if no branch reached one. Own properties only. Never throws: a read that
 * throws (a getter, a proxy) is missing.
 */
export function pathReader(path: readonly string[]): PathReader {
  const read = unguardedPathReader(path);
  return (record) => {
    try {
      return read(record);
    } catch {
      return undefined;
    }
  };
}

/** `pathReader` without the guard: the same results, but a throwing getter or proxy throws through. */
export function unguardedPathReader(path: readonly string[]): PathReader {
  if (path.length !== 1) return (record) => walk(record, path);
  const key = path[0]!;
  return (record) => {
    if (typeof record !== "object" || record === null) return undefined;
    if (Array.isArray(record)) return fanOut(record, path, 0);
    if (!hasOwn.call(record, key)) return undefined;
    const value: unknown = (record as Record<string, unknown>)[key];
    return value === null ? undefined : value;
  };
}

function walk(record: unknown, path: readonly string[]): unknown {
  let current = record;
  for (let i = 0; i < path.length; i++) {
    if (typeof current !== "object" || current === null) return undefined;
    if (Array.isArray(current)) return fanOut(current, path, i);
    const key = path[i]!;
    if (!hasOwn.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return nullToUndefined(current);
}

function fanOut(array: readonly unknown[], path: readonly string[], from: number): unknown[] | undefined {
  const candidates: unknown[] = [];
  return collect(array, path, from, candidates) ? candidates : undefined;
}

/** Pushes what `current` reaches at `path[from..]` into `out`; true when a non-null value was reached. */
function collect(current: unknown, path: readonly string[], from: number, out: unknown[]): boolean {
  if (from === path.length) {
    if (current === undefined || current === null) return false;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) {
        const element: unknown = current[i];
        if (element !== undefined && element !== null) out.push(element);
      }
    } else {
      out.push(current);
    }
    return true;
  }
  if (typeof current !== "object" || current === null) return false;
  if (Array.isArray(current)) {
    let reached = false;
    for (let i = 0; i < current.length; i++) {
      if (collect(current[i], path, from, out)) reached = true;
    }
    return reached;
  }
  const key = path[from]!;
  if (!hasOwn.call(current, key)) return false;
  return collect((current as Record<string, unknown>)[key], path, from + 1, out);
}

function nullToUndefined(value: unknown): unknown {
  return value === null ? undefined : value;
}
