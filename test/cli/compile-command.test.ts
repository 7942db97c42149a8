import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const seed = 'score >= 0.8 and node_name ~ "electronics" sort created_at desc';

describe("taxql compile", () => {
  it("prints exactly the seed request's filters and sort", async () => {
    const run = await runCli(["compile", seed]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      '{"filters":{"AND":[{"key":"score","operator":"gte","value":0.8},{"key":"node_name","operator":"contains","value":"electronics"}]},"sort":{"field":"created_at","direction":"desc"}}\n',
    );
    expect(run.stderr).toBe("");
  });

  it.each([[[]], [["-"]]])("reads the query from standard input when given %j", async (args) => {
    const run = await runCli(["compile", ...args], { stdin: `${seed}\n` });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).sort).toEqual({ field: "created_at", direction: "desc" });
  });

  it("takes --target, --now, --case-sensitive and --pretty", async () => {
    const run = await runCli(["compile", "created_at > now-1d", "--target", "mixpeek-v1", "--now", "2026-01-15T12:00:00Z", "--case-sensitive", "--pretty"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      JSON.stringify(
        { filters: { AND: [{ field: "created_at", operator: "gt", value: "2026-01-14T12:00:00.000Z" }], case_sensitive: true }, sort: null },
        null,
        2,
      ) + "\n",
    );
  });

  it("renders each diagnostic with line:column, the source line, a caret run, the hint and the fix; exit 1", async () => {
    const run = await runCli(["compile", 'score >= 0.8\nand nod_name ~ "x"']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        '2:5 unknown-field: there is no field "nod_name"',
        '  and nod_name ~ "x"',
        "      ^^^^^^^^",
        "  hint: did you mean node_name?",
        '  fix: replace "nod_name" with "node_name"',
        "",
      ].join("\n"),
    );
  });

  it("puts the caret of unexpected-end after the last character", async () => {
    const run = await runCli(["compile", "node_name ="]);
    expect(run.stderr.split("\n").slice(0, 3)).toEqual(["1:12 unexpected-end: the query ends too early", "  node_name =", "             ^"]);
  });

  it("colours only when stderr is a terminal and NO_COLOR is unset", async () => {
    const plain = await runCli(["compile", "colour = 1"], { tty: false });
    const coloured = await runCli(["compile", "colour = 1"], { tty: true });
    const noColour = await runCli(["compile", "colour = 1"], { tty: true, env: { NO_COLOR: "1" } });
    expect(plain.stderr).not.toContain("\u001b[");
    expect(coloured.stderr).toContain("\u001b[31m");
    expect(noColour.stderr).toBe(plain.stderr);
  });

  it.each([
    [["compile", "--target", "v2", "x"], "--target"],
    [["compile", "--now", "yesterday", "x"], "--now"],
    [["compile", "--bogus", "x"], "--bogus"],
    [["compile", "a", "b"], "one argument"],
    [["frobnicate"], "unknown command"],
    [["filter", "depth = 1", "--limit", "-1"], "--limit"],
  ])("a usage mistake %j exits 2 with a one-line reason", async (argv, words) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(words);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a catalogue file that is not JSON is a usage error naming the line", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "taxql-"));
    const file = join(dir, "catalogue.json");
    writeFileSync(file, '{\n  "fields": {\n    "title": { "type": "string" },\n  }\n}\n');
    const run = await runCli(["compile", "title = x", "--catalogue", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 4/);
  });

  it("a catalogue file with an unknown key is a usage error naming the key", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "taxql-"));
    const file = join(dir, "catalogue.json");
    writeFileSync(file, JSON.stringify({ fields: { title: { type: "string", colour: "red" } } }));
    const run = await runCli(["compile", "title = x", "--catalogue", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("fields.title");
  });
});
