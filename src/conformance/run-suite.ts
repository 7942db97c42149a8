import { spawn } from "node:child_process";
import type { ConformanceCase } from "../schema/conformance-schema.js";
import { judgeAnswer } from "./judge-answer.js";
import { requestOf } from "./protocol.js";

export interface SuiteOptions {
  /** A shell command that reads one request on stdin and prints one answer on stdout. */
  readonly command: string;
  /** Cases run at once. */
  readonly jobs: number;
  /** Per case, in milliseconds. */
  readonly timeoutMs: number;
  /** Send no records and no order, and check none. */
  readonly compileOnly: boolean;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export interface CaseOutcome {
  readonly testCase: ConformanceCase;
  /** Empty when the case passed. */
  readonly problems: readonly string[];
}

/** Runs every case through the command, `jobs` at a time; outcomes come back in case order. */
export async function runSuite(cases: readonly ConformanceCase[], options: SuiteOptions): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = new Array(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++;
      const testCase = cases[index]!;
      outcomes[index] = { testCase, problems: await runCase(testCase, options) };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, cases.length)) }, worker));
  return outcomes;
}

async function runCase(testCase: ConformanceCase, options: SuiteOptions): Promise<string[]> {
  const request = JSON.stringify(requestOf(testCase, options.compileOnly));
  const run = await runCommand(options.command, request, options);
  if (run.failure) return [run.failure + stderrTail(run.stderr)];
  let answer: unknown;
  try {
    answer = JSON.parse(run.stdout);
  } catch {
    return [`the answer is not JSON: ${JSON.stringify(run.stdout.slice(0, 200))}${stderrTail(run.stderr)}`];
  }
  return judgeAnswer(testCase, answer, options.compileOnly);
}

interface CommandRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly failure?: string;
}

function runCommand(command: string, input: string, options: SuiteOptions): Promise<CommandRun> {
  return new Promise((done) => {
    const child = spawn(command, {
      shell: true,
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
      // its own process group, so that a timeout ends the command and whatever it started
      detached: process.platform !== "win32",
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    const finish = (failure?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      done(failure === undefined ? { stdout, stderr } : { stdout, stderr, failure });
    };
    const timer = setTimeout(() => {
      stop(child.pid);
      finish(`no answer within ${options.timeoutMs} ms`);
    }, options.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => finish(`could not start the command: ${error.message}`));
    child.on("close", (code, signal) => finish(code === 0 ? undefined : `the command exited with ${signal ?? `code ${code}`}`));
    child.stdin.on("error", () => {}); // a command that does not read its input is judged by its answer
    child.stdin.end(input);
  });
}

function stop(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // already gone
  }
}

function stderrTail(stderr: string): string {
  const text = stderr.trim();
  return text === "" ? "" : ` (stderr: ${text.length > 300 ? "…" + text.slice(-300) : text})`;
}
