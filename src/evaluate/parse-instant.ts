const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

const getTime = Date.prototype.getTime;

/**
 * The instant (ms since the epoch) of an ISO 8601 string: a date alone is the start of its UTC day,
 * and a time without `Z` or an offset is read as UTC. NaN when the string is no such datetime.
 */
export function parseInstant(text: string): number {
  const m = isoPattern.exec(text);
  if (m === null) return NaN;
  const [, y, mo, d, h, mi, s, fraction, , sign, offsetHours, offsetMinutes] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const hours = h === undefined ? 0 : Number(h);
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return NaN;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  let offset = 0;
  if (sign !== undefined) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return NaN;
    offset = (sign === "-" ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds, millis);
  return date.getTime() - offset;
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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
