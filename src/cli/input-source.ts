import { open } from "node:fs/promises";
import type { Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

export interface InputSource {
  readonly stream: AsyncIterable<Uint8Array | string>;
  /** The file's size when it is a regular file, for the progress line. */
  readonly size: number | null;
  readonly name: string;
}

const chunkSize = 1024 * 1024;

/** `--in FILE`, or standard input for `-` or no flag; a file that cannot be opened is a usage error. */
export async function openInput(path: string | undefined, terminal: Terminal): Promise<InputSource> {
  if (path === undefined || path === "-") {
    if (path === undefined && terminal.stdin.isTTY === true) {
      throw new UsageError("no input: give --in FILE, or pipe rows into standard input");
    }
    return { stream: terminal.stdin as AsyncIterable<Uint8Array | string>, size: null, name: "standard input" };
  }
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const stats = await handle.stat();
  if (stats.isDirectory()) {
    await handle.close();
    throw new UsageError(`cannot read ${path}: it is a directory`);
  }
  return { stream: handle.createReadStream({ highWaterMark: chunkSize }), size: stats.isFile() ? stats.size : null, name: path };
}
