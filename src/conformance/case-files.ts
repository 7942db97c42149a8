import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { conformanceCasesSchema, type ConformanceCase } from "../schema/conformance-schema.js";

export interface LoadedCase {
  readonly file: string;
  readonly testCase: ConformanceCase;
}

/** The package's conformance/ folder, found upward from this module (src/ when run from source, dist/ when bundled). */
export function conformanceDirectory(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "conformance");
    if (existsSync(join(candidate, "case.schema.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The case files of a folder: every .json but the schema, by name. */
export function caseFilesIn(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".json") && name !== "case.schema.json")
    .sort()
    .map((name) => join(directory, name));
}

export class CaseFileError extends Error {
  override readonly name = "CaseFileError";
}

/** Reads and validates case files; ids must be unique across them. */
export function loadCases(files: readonly string[]): LoadedCase[] {
  const loaded: LoadedCase[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(resolve(file), "utf8"));
    } catch (error) {
      throw new CaseFileError(`${file}: ${(error as Error).message}`);
    }
    const parsed = conformanceCasesSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CaseFileError(`${file}: not a case file at ${issue ? "$" + issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("") : "$"}: ${issue?.message ?? "invalid"}`);
    }
    for (const testCase of parsed.data) {
      const other = ids.get(testCase.id);
      if (other !== undefined) throw new CaseFileError(`${file}: case id ${testCase.id} is also in ${other}`);
      ids.set(testCase.id, file);
      loaded.push({ file, testCase });
    }
  }
  return loaded;
}
