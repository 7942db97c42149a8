import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { CaseFileError, caseFilesIn, conformanceDirectory, loadCases } from "../conformance/case-files.js";
import { runSuite } from "../conformance/run-suite.js";
import type { Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

export const conformanceHelp = `usage: taxql conformance --command CMD [FILE...] [options]

Runs the conformance cases against another implementation. For each case, CMD
is started through the shell, given the case request as JSON on standard input,
and must print its answer as JSON on standard output and exit 0; the protocol is
in conformance/README.md. taxql's own side is: taxql case.

  --command CMD        the implementation, e.g. 'python -m mysdk.conformance'
  --jobs N             cases run at once (default: the number of CPUs)
  --timeout MS         per case (default 30000)
  --only ID|KIND       run only the cases with this id or kind (repeatable)
  --compile-only       send no records or order, check compile results only
  --json               print a JSON report instead of lines
  --quiet              print only the summary line
  --help               this text

FILE: case files (default: every case file shipped in taxql's conformance/).

Exit status: 0 all passed, 1 some failed, 2 usage or unreadable case files.`;

export async function conformanceCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      command: { type: "string" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      only: { type: "string", multiple: true },
      "compile-only": { type: "boolean" },
      json: { type: "boolean" },
      quiet: { type: "boolean" },
      help: { type: "boolean" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    terminal.stdout.write(conformanceHelp + "\n");
    return 0;
  }
  if (!values.command) throw new UsageError("--command is required: the command that answers one case");
  const jobs = positiveInteger(values.jobs, "--jobs") ?? availableParallelism();
  const timeoutMs = positiveInteger(values.timeout, "--timeout") ?? 30_000;
  let files = positionals;
  if (files.length === 0) {
    const directory = conformanceDirectory();
    if (!directory) throw new UsageError("cannot find taxql's conformance/ folder: name the case files");
    files = caseFilesIn(directory);
  }
  let loaded;
  try {
    loaded = loadCases(files);
  } catch (error) {
    if (error instanceof CaseFileError) throw new UsageError(error.message);
    throw error;
  }
  const only = values.only ?? [];
  const cases = loaded.map((entry) => entry.testCase).filter((c) => only.length === 0 || only.includes(c.id) || only.includes(c.kind));
  if (cases.length === 0) throw new UsageError("no case to run");

  const outcomes = await runSuite(cases, { command: values.command, jobs, timeoutMs, compileOnly: values["compile-only"] === true });
  const failures = outcomes.filter((outcome) => outcome.problems.length > 0);
  const summary = `${outcomes.length - failures.length} passed, ${failures.length} failed`;
  if (values.json) {
    const report = {
      summary,
      passed: outcomes.length - failures.length,
      failed: failures.length,
      total: outcomes.length,
      files,
      failures: failures.map(({ testCase, problems }) => ({ id: testCase.id, kind: testCase.kind, input: testCase.input, problems })),
    };
    terminal.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    if (!values.quiet) {
      for (const { testCase, problems } of failures) terminal.stdout.write(`FAIL ${testCase.id} ${shown(testCase.input)}: ${problems.join(" | ")}\n`);
    }
    terminal.stdout.write(summary + "\n");
  }
  return failures.length > 0 ? 1 : 0;
}

function positiveInteger(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a positive whole number, not ${JSON.stringify(text)}`);
  return n;
}

function shown(input: string): string {
  const json = JSON.stringify(input);
  return json.length > 72 ? `${json.slice(0, 60)}…" (${input.length} chars)` : json;
}
