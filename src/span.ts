/** A half-open range of 0-based UTF-16 offsets into the query text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function cover(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}
