/**
 * Gathers output text into large writes and honours backpressure: after a write the stream
 * refused, `ready()` waits for `drain`. Once the stream fails (EPIPE when the reader has gone,
 * as with `| head`) it is `closed` and further text is dropped.
 */
export class OutputBuffer {
  private buffer = "";
  private full = false;
  private failure: Error | null = null;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly batch: number = 64 * 1024,
  ) {
    stream.on("error", (error: Error) => {
      this.failure = error;
    });
  }

  /** True once the stream has failed; the error is in `error`. */
  get closed(): boolean {
    return this.failure !== null;
  }

  get error(): Error | null {
    return this.failure;
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= this.batch) this.flush();
  }

  flush(): void {
    if (this.buffer === "") return;
    const text = this.buffer;
    this.buffer = "";
    if (this.failure !== null) return;
    if (!this.stream.write(text)) this.full = true;
  }

  /** Resolves when the stream will take more (at once when it has not pushed back). */
  ready(): Promise<void> | null {
    if (!this.full || this.failure !== null) return null;
    this.full = false;
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off("drain", done);
        this.stream.off("error", done);
        this.stream.off("close", done);
        resolve();
      };
      this.stream.on("drain", done);
      this.stream.on("error", done);
      this.stream.on("close", done);
    });
  }

  /** Writes what is left and waits until the stream has taken it. */
  async end(): Promise<void> {
    const text = this.buffer;
    this.buffer = "";
    await this.ready();
    if (text === "" || this.failure !== null) return;
    await new Promise<void>((resolve) => {
      this.stream.write(text, () => resolve());
    });
  }
}
