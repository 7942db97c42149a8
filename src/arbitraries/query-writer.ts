import type { Span } from "../span.js";

/** Text written piece by piece, each piece returning the span it landed on. */
export class QueryWriter {
  private text = "";

  write(piece: string): Span {
    const start = this.text.length;
    this.text += piece;
    return { start, end: this.text.length };
  }

  toString(): string {
    return this.text;
  }
}

export type Write<T> = (writer: QueryWriter) => T;
