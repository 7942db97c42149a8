import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "taxql-decompile-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("taxql fmt", () => {
  it.each([
    ["score >= 0.8 && (node_name ~ 'elec' || depth == 1) sort by created_at", 'score >= 0.8 and (node_name ~ "elec" or depth = 1) sort created_at asc\n'],
    ["NOT a:1 b", "not a = 1 and b\n"],
    ["", "\n"],
  ])("%s", async (query, expected) => {
    const run = await runCli(["fmt", query]);
    expect(run).toEqual({ code: 0, stdout: expected, stderr: "" });
  });

  it("reads standard input", async () => {
    expect(await runCli(["fmt"], { stdin: "a = 'x'\n" })).toMatchObject({ code: 0, stdout: 'a = "x"\n' });
    expect(await runCli(["fmt", "-"], { stdin: "a = 'x'" })).toMatchObject({ code: 0, stdout: 'a = "x"\n' });
  });

  it("exits 1 on a syntax error, with the caret", async () => {
    const run = await runCli(["fmt", "a = "]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("unexpected-end");
  });

  it("exits 2 on usage errors", async () => {
    expect((await runCli(["fmt", "a", "b"])).code).toBe(2);
    expect((await runCli(["fmt", "--bogus"])).code).toBe(2);
  });
});

describe("taxql decompile", () => {
  it("prints what taxql compile printed as text", async () => {
    const compiled = await runCli(["compile", "score >= 0.8 and not (depth = 1 or depth = 2) sort created_at desc"]);
    const run = await runCli(["decompile"], { stdin: compiled.stdout });
    expect(run).toEqual({ code: 0, stdout: "score >= 0.8 and not (depth = 1 or depth = 2) sort created_at desc\n", stderr: "" });
  });

  it("reads a filters group alone, from a file, for a target", async () => {
    const path = file("group.json", JSON.stringify({ NOT: [{ field: "node_name", operator: "starts_with", value: "elec" }] }));
    expect(await runCli(["decompile", path, "--target", "mixpeek-v1"])).toEqual({ code: 0, stdout: 'not node_name ^= "elec"\n', stderr: "" });
  });

  it("says when the filter is case-sensitive", async () => {
    const run = await runCli(["decompile"], { stdin: JSON.stringify({ AND: [{ key: "depth", operator: "eq", value: 1 }], case_sensitive: true }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("depth = 1\n");
    expect(run.stderr).toContain("--case-sensitive");
  });

  it("names the path and the line of each problem, exit 1", async () => {
    const path = file("bad.json", '{\n  "AND": [\n    {"key": "depth", "operator": "eq", "value": 1},\n    {"key": "depth", "operator": "equals", "value": 2}\n  ]\n}\n');
    const run = await runCli(["decompile", path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${path}:4 $.AND[1].operator unknown-operator`);
  });

  it("names the line of invalid JSON, exit 1", async () => {
    const path = file("broken.json", '{\n  "AND": [\n    {"key": "depth",,}\n  ]\n}\n');
    const run = await runCli(["decompile", path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.json: not valid JSON at line 3/);
  });

  it("exits 2 for a file it cannot read or a bad flag", async () => {
    expect((await runCli(["decompile", join(dir, "missing.json")])).code).toBe(2);
    expect((await runCli(["decompile", "--target", "nope"], { stdin: "{}" })).code).toBe(2);
  });
});
