/** One element of the top-level array: its source text, its 1-based index and the line it starts on. */
export type ElementHandler = (text: string, index: number, lineNumber: number) => void;

/** A mistake in the array's own punctuation, with the line it is on. */
export type ArrayProblemHandler = (message: string, lineNumber: number) => void;

const enum State {
  BeforeArray,
  AfterOpen,
  AfterComma,
  InElement,
  AfterArray,
  Abandoned,
}

const quote = 34;
const backslash = 92;
const comma = 44;
const openBracket = 91;
const closeBracket = 93;
const openBrace = 123;
const closeBrace = 125;
const bom = 0xfeff;

/**
 * Splits a JSON array arriving in chunks into the source text of its elements, so that each is
 * parsed on its own and memory stays flat. It follows only strings, escapes and bracket depth
 * (skipping through strings with `indexOf`); whether an element is valid JSON is for `JSON.parse`
 * to say. Lines are counted only up to where a line number is needed.
 */
export class JsonArraySplitter {
  private state = State.BeforeArray;
  private depth = 0;
  private inString = false;
  /** Inside a string, the chunk ended on a backslash: the next chunk's first character is escaped. */
  private escaped = false;
  private parts: string[] = [];
  /** -1 once the element has grown past the limit and is being skipped. */
  private partsLength = 0;
  private index = 0;
  private elementLine = 1;
  /** The line number reached in the current chunk, and where the next `\n` after it is. */
  private line = 1;
  private nextNewline = -1;

  constructor(
    private readonly onElement: ElementHandler,
    private readonly onProblem: ArrayProblemHandler,
    private readonly maxElementLength: number,
  ) {}

  push(text: string): void {
    const n = text.length;
    this.nextNewline = text.indexOf("\n");
    let start = 0;
    let i = 0;
    while (i < n) {
      if (this.state === State.InElement) {
        if (this.inString) {
          i = this.skipString(text, i);
          continue;
        }
        const c = text.charCodeAt(i);
        if (c === quote) {
          this.inString = true;
        } else if (c === openBrace || c === openBracket) {
          this.depth++;
        } else if (this.depth > 0) {
          if (c === closeBrace || c === closeBracket) this.depth--;
        } else if (c === comma || c === closeBracket) {
          this.keep(text.slice(start, i));
          this.emit();
          this.state = c === comma ? State.AfterComma : State.AfterArray;
        }
        i++;
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      switch (this.state) {
        case State.AfterOpen:
        case State.AfterComma:
          if (c === closeBracket && this.state === State.AfterOpen) {
            this.state = State.AfterArray;
          } else if (c === comma || c === closeBracket) {
            this.index++;
            this.onProblem(`element ${this.index}: a value is missing before "${c === comma ? "," : "]"}"`, this.lineAt(text, i));
            this.state = c === comma ? State.AfterComma : State.AfterArray;
          } else {
            this.state = State.InElement;
            this.elementLine = this.lineAt(text, i);
            start = i;
            continue;
          }
          break;
        case State.BeforeArray:
          if (c === openBracket) this.state = State.AfterOpen;
          else if (c !== bom) return this.abandon("the input does not start with [", this.lineAt(text, i));
          break;
        case State.AfterArray:
          return this.abandon("there is text after the end of the array", this.lineAt(text, i));
        case State.Abandoned:
          return;
      }
      i++;
    }
    if (this.state === State.InElement) this.keep(start === 0 ? text : text.slice(start));
    this.lineAt(text, n);
  }

  end(): void {
    if (this.state === State.InElement) this.emit();
    if (this.state !== State.AfterArray && this.state !== State.Abandoned) {
      this.onProblem("the input ends before the array is closed with ]", this.line);
    }
    this.state = State.Abandoned;
  }

  /** From inside a string at `i`: the index after its closing quote, or the chunk's end. */
  private skipString(text: string, i: number): number {
    let from = i;
    if (this.escaped) {
      this.escaped = false;
      from = i + 1;
    }
    for (;;) {
      const q = text.indexOf('"', from);
      const end = q === -1 ? text.length : q;
      let backslashes = 0;
      for (let k = end - 1; k >= from && text.charCodeAt(k) === backslash; k--) backslashes++;
      const odd = backslashes % 2 === 1;
      if (q === -1) {
        this.escaped = odd;
        return text.length;
      }
      if (!odd) {
        this.inString = false;
        return q + 1;
      }
      from = q + 1;
    }
  }

  /** The line number at `pos` (counting forward from the last position asked about). */
  private lineAt(text: string, pos: number): number {
    while (this.nextNewline !== -1 && this.nextNewline < pos) {
      this.line++;
      this.nextNewline = text.indexOf("\n", this.nextNewline + 1);
    }
    return this.line;
  }

  private abandon(message: string, lineNumber: number): void {
    this.onProblem(message, lineNumber);
    this.state = State.Abandoned;
  }

  private keep(part: string): void {
    if (this.partsLength < 0 || part === "") return;
    this.partsLength += part.length;
    if (this.partsLength > this.maxElementLength) {
      this.parts = [];
      this.partsLength = -1;
      return;
    }
    this.parts.push(part);
  }

  private emit(): void {
    this.index++;
    if (this.partsLength < 0) {
      this.onProblem(`element ${this.index}: longer than ${this.maxElementLength} characters, skipped`, this.elementLine);
    } else {
      this.onElement(this.parts.length === 1 ? this.parts[0]! : this.parts.join(""), this.index, this.elementLine);
    }
    this.parts = [];
    this.partsLength = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
