import { parseArgs } from "node:util";
import { answerCase } from "../conformance/answer-case.js";
import type { CaseRequest } from "../conformance/protocol.js";
import { readAll, type Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

export const caseHelp = `usage: taxql case

taxql's side of the conformance protocol (conformance/README.md): reads one case
request as JSON on standard input, compiles it, runs its records and order, and
prints the answer as one line of JSON on standard output.

  --help               this text

Exit status: 0 answered, 1 the options could not be used, 2 the request is no request.`;

export async function caseCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { help: { type: "boolean" } }, allowPositionals: true });
  if (values.help) {
    terminal.stdout.write(caseHelp + "\n");
    return 0;
  }
  if (positionals.length > 0) throw new UsageError("the request comes on standard input");
  const text = await readAll(terminal.stdin);
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the request is not JSON: ${(error as Error).message}`);
  }
  if (!isRequest(request)) throw new UsageError('the request needs "input" (a string) and "options" (an object)');
  let answer;
  try {
    answer = answerCase(request);
  } catch (error) {
    terminal.stderr.write(`taxql case: ${(error as Error).message}\n`);
    return 1;
  }
  terminal.stdout.write(JSON.stringify(answer) + "\n");
  return 0;
}

function isRequest(value: unknown): value is CaseRequest {
  if (typeof value !== "object" || value === null) return false;
  const { input, options, records, order } = value as Record<string, unknown>;
  return (
    typeof input === "string" &&
    typeof options === "object" &&
    options !== null &&
    (records === undefined || (Array.isArray(records) && records.every((entry) => typeof entry === "object" && entry !== null))) &&
    (order === undefined || (typeof order === "object" && order !== null && Array.isArray((order as { records?: unknown }).records)))
  );
}
