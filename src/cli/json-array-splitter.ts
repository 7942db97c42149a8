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

const lf = 10;
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
 * parsed on its own and memory stays flat. It follows only strings, escapes and bracket depth;
 * whether an element is valid JSON is for `JSON.parse` to say.
 */
export class JsonArraySplitter {
  private state = State.BeforeArray;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  /** -1 once the element has grown past the limit and is being skipped. */
  private partsLength = 0;
  private index = 0;
  private line = 1;
  private elementLine = 1;

  constructor(
    private readonly onElement: ElementHandler,
    private readonly onProblem: ArrayProblemHandler,
    private readonly maxElementLength: number,
  ) {}

  push(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === lf) this.line++;
      if (this.state === State.InElement) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === backslash) this.escaped = true;
          else if (c === quote) this.inString = false;
        } else if (c === quote) {
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
        continue;
      }
      if (isSpace(c)) continue;
      switch (this.state) {
        case State.AfterOpen:
        case State.AfterComma:
          if (c === closeBracket && this.state === State.AfterOpen) {
            this.state = State.AfterArray;
          } else if (c === comma || c === closeBracket) {
            this.index++;
            this.onProblem(`element ${this.index}: a value is missing before "${c === comma ? "," : "]"}"`, this.line);
            this.state = c === comma ? State.AfterComma : State.AfterArray;
          } else {
            this.state = State.InElement;
            this.elementLine = this.line;
            start = i;
            if (c === quote) this.inString = true;
            else if (c === openBrace || c === openBracket) this.depth = 1;
          }
          continue;
        case State.BeforeArray:
          if (c === bom) continue;
          if (c === openBracket) {
            this.state = State.AfterOpen;
            continue;
          }
          this.onProblem("the input does not start with [", this.line);
          this.state = State.Abandoned;
          return;
        case State.AfterArray:
          this.onProblem("there is text after the end of the array", this.line);
          this.state = State.Abandoned;
          return;
        case State.Abandoned:
          return;
      }
    }
    if (this.state === State.InElement) this.keep(start === 0 ? text : text.slice(start));
  }

  end(): void {
    if (this.state === State.InElement) this.emit();
    if (this.state !== State.AfterArray && this.state !== State.Abandoned) {
      this.onProblem("the input ends before the array is closed with ]", this.line);
    }
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
  return c === 32 || c === lf || c === 13 || c === 9;
}
