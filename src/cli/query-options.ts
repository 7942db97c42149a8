import { readFile } from "node:fs/promises";
import type { CompileOptions } from "../compile.js";
import { defineCatalogue } from "../catalogue/define-catalogue.js";
import { isTargetName } from "../targets/targets.js";
import { parseAbsoluteDateTime } from "../values/datetime.js";
import { UsageError } from "./usage-error.js";

/** The flags every command that compiles a query shares. */
export const queryFlags = {
  target: { type: "string" },
  now: { type: "string" },
  "case-sensitive": { type: "boolean" },
  catalogue: { type: "string" },
} as const;

export interface QueryFlagValues {
  readonly target?: string | undefined;
  readonly now?: string | undefined;
  readonly "case-sensitive"?: boolean | undefined;
  readonly catalogue?: string | undefined;
}

export async function compileOptionsFrom(values: QueryFlagValues): Promise<CompileOptions> {
  const options: { -readonly [K in keyof CompileOptions]: CompileOptions[K] } = {};
  if (values.target !== undefined) {
    if (!isTargetName(values.target)) throw new UsageError(`--target must be classifications or mixpeek-v1, not ${JSON.stringify(values.target)}`);
    options.target = values.target;
  }
  if (values.now !== undefined) {
    if (!parseAbsoluteDateTime(values.now)) throw new UsageError(`--now must be an ISO datetime with Z or an offset (2026-12-01T00:00:00Z), not ${JSON.stringify(values.now)}`);
    options.now = values.now;
  }
  if (values["case-sensitive"]) options.caseSensitive = true;
  if (values.catalogue !== undefined) options.catalogue = await readCatalogue(values.catalogue);
  return options;
}

async function readCatalogue(path: string): Promise<CompileOptions["catalogue"]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the catalogue ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: ${jsonErrorWithLine(text, error)}`);
  }
  try {
    return defineCatalogue(json);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** JSON.parse names a position; people want the line. */
export function jsonErrorWithLine(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return `not valid JSON (${message})`;
  const offset = Number(position[1]);
  const line = text.slice(0, offset).split("\n").length;
  return `not valid JSON at line ${line} (${message})`;
}
