import { parseAbsoluteDateTime } from "../values/datetime.js";

const getTime = Date.prototype.getTime;
const lenient = { lenient: true } as const;

/**
 * The instant (ms since the epoch) of an ISO 8601 string: a date alone is the start of its UTC day,
 * and a time without `Z` or an offset is read as UTC. NaN when the string is no such datetime.
 */
export function parseInstant(text: string): number {
  const value = parseAbsoluteDateTime(text, lenient);
  return value === null ? NaN : value.kind === "day" ? value.start : value.at;
}

/** The instant of a record value: an ISO string or a valid Date; NaN for anything else. */
export function instantOf(value: unknown): number {
  if (typeof value === "string") return parseInstant(value);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return NaN;
  try {
    return getTime.call(value);
  } catch {
    return NaN;
  }
}
