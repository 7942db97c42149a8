/** A datetime value read from the query: a whole UTC day, or one instant. */
export type DateTimeValue =
  | { readonly kind: "day"; readonly start: number }
  | { readonly kind: "instant"; readonly at: number };

export const dayMs = 86_400_000;

const absolutePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

export interface DateTimeReading {
  /** Records written by other tools: a space may stand for `T`, and a time without a zone is UTC. */
  readonly lenient: boolean;
}

/**
 * `2024-01-01`, `2024-01-01T10:00Z`, `2024-01-01t10:00:00.250+02:00`; null when it is none of them.
 * The query's own literals are read strictly (LANGUAGE.md §3); record values leniently.
 */
export function parseAbsoluteDateTime(text: string, reading: DateTimeReading = { lenient: false }): DateTimeValue | null {
  const m = absolutePattern.exec(text);
  if (!m) return null;
  const [, y, mo, d, separator, h, mi, s, fraction, zulu, sign, offsetHours, offsetMinutes] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const start = utc(year, month, day);
  if (h === undefined) return { kind: "day", start };
  if (!reading.lenient && (separator === " " || (zulu === undefined && sign === undefined))) return null;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  let offset = 0;
  if (sign !== undefined) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return null;
    offset = (sign === "-" ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return { kind: "instant", at: start + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis - offset };
}

const relativePattern = /^now((?:[+-]\d+[smhdw])*)$/i;
const relativeStep = /([+-])(\d+)([smhdw])/gi;
const unitMs: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: dayMs, w: 7 * dayMs };

/** `now`, `now-7d`, `now-1w-2d` relative to `now` (ms); null when the text is none of them. */
export function parseRelativeDateTime(text: string, now: number): DateTimeValue | null {
  const m = relativePattern.exec(text);
  if (!m) return null;
  let at = now;
  for (const step of m[1]!.matchAll(relativeStep)) {
    at += (step[1] === "-" ? -1 : 1) * Number(step[2]) * unitMs[step[3]!.toLowerCase()]!;
  }
  return Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? { kind: "instant", at } : null;
}

export function parseDateTime(text: string, now: number): DateTimeValue | null {
  return /^now/i.test(text) ? parseRelativeDateTime(text, now) : parseAbsoluteDateTime(text);
}

/** The instants the API's `YYYY-MM-DDTHH:mm:ss.sssZ` can write: years 0000 to 9999. */
const firstInstant = -62_167_219_200_000;
const lastInstant = 253_402_300_799_999;

/** Whether every instant the value may be emitted as (a whole day: its start and the next day's) fits the API's format. */
export function isRepresentable(value: DateTimeValue): boolean {
  const [from, to] = value.kind === "day" ? [value.start, value.start + dayMs] : [value.at, value.at];
  return from >= firstInstant && to <= lastInstant;
}

export function isoString(ms: number): string {
  return new Date(ms).toISOString();
}

function utc(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
