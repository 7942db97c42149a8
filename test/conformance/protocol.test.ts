import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "taxql-conformance-"));
const cli = join(dir, "cli.mjs");

beforeAll(async () => {
  // the CLI as it ships, built from this tree (dist/ may be stale)
  await build({ entryPoints: ["src/cli/bin.ts"], bundle: true, format: "esm", platform: "node", target: "node20", outfile: cli, logLevel: "warning" });
}, 60_000);

function script(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return `node ${JSON.stringify(path)}`;
}

describe("taxql conformance --command 'taxql case'", () => {
  it("passes every shipped case, run as separate processes", async () => {
    const run = await runCli(["conformance", "--command", `node ${JSON.stringify(cli)} case`, "--jobs", "8"]);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed\n$/);
    expect(run.code).toBe(0);
  }, 300_000);

  it("prints a JSON report", async () => {
    const run = await runCli(["conformance", "--command", `node ${JSON.stringify(cli)} case`, "--only", "D001", "--only", "targets", "--json"]);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ failed: 0, failures: [] });
    expect(report.total).toBeGreaterThan(1);
  }, 60_000);
});

describe("judging other implementations", () => {
  it("fails an implementation whose answers are wrong, naming what differs", async () => {
    const wrong = script("wrong.mjs", `process.stdin.resume(); process.stdin.on("end", () => console.log(JSON.stringify({ ok: true, filters: null, sort: null, diagnostics: [] })));`);
    const run = await runCli(["conformance", "--command", wrong, "--only", "D001", "--only", "L001"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("FAIL D001");
    expect(run.stdout).toContain("ok: expected false, got true");
    expect(run.stdout).toContain("FAIL L001");
    expect(run.stdout).toMatch(/0 passed, 2 failed\n$/);
  }, 60_000);

  it("fails a command that exits non-zero, with its stderr, and one that prints no JSON", async () => {
    const crash = script("crash.mjs", `console.error("boom"); process.exit(3);`);
    const crashed = await runCli(["conformance", "--command", crash, "--only", "D001"]);
    expect(crashed.stdout).toContain("the command exited with code 3 (stderr: boom)");
    const chatty = script("chatty.mjs", `console.log("hello");`);
    expect((await runCli(["conformance", "--command", chatty, "--only", "D001"])).stdout).toContain("the answer is not JSON");
  }, 60_000);

  it("times a hanging command out", async () => {
    const hang = script("hang.mjs", `setInterval(() => {}, 1000);`);
    const run = await runCli(["conformance", "--command", hang, "--only", "D001", "--timeout", "500"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("no answer within 500 ms");
  }, 30_000);

  it("checks only compile results with --compile-only, and sends no records", async () => {
    const echo = script("echo.mjs", `let t = ""; process.stdin.on("data", (c) => (t += c)); process.stdin.on("end", () => { const r = JSON.parse(t); console.error(JSON.stringify(Object.keys(r))); process.exit(r.records ? 0 : 5); });`);
    const run = await runCli(["conformance", "--command", echo, "--only", "L001", "--compile-only"]);
    expect(run.stdout).toContain("the command exited with code 5");
    expect(run.stdout).toContain('["protocol","id","input","options"]');
  }, 30_000);

  it("refuses usage mistakes and bad case files with exit 2", async () => {
    expect((await runCli(["conformance"])).code).toBe(2);
    expect((await runCli(["conformance", "--command", "x", "--jobs", "0"])).code).toBe(2);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify([{ id: "X", kind: "k", source: "s", input: "", options: { colour: 1 }, expect: { ok: true } }]));
    const run = await runCli(["conformance", "--command", "x", bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("$[0].options");
  });
});

describe("taxql case", () => {
  it("answers one request", async () => {
    const request = { protocol: 1, id: "x", input: "depth = 1 sort score desc", options: {}, records: [{ record: { depth: 1 } }, { record: { depth: 2 } }], order: { records: [{ score: 0.1 }, { score: 0.9 }] } };
    const run = await runCli(["case"], { stdin: JSON.stringify(request) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      filters: { AND: [{ key: "depth", operator: "eq", value: 1 }] },
      sort: { field: "score", direction: "desc" },
      diagnostics: [],
      matches: [true, false],
      order: [1, 0],
    });
  });

  it("exits 2 on a request that is no request, 1 on options it cannot use", async () => {
    expect((await runCli(["case"], { stdin: "nope" })).code).toBe(2);
    expect((await runCli(["case"], { stdin: "{}" })).code).toBe(2);
    expect((await runCli(["case"], { stdin: JSON.stringify({ input: "", options: { target: "nope" } }) })).code).toBe(1);
  });
});
