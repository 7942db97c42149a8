import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const built = existsSync(new URL("../../dist/index.js", import.meta.url));

describe("npm run demo", () => {
  // the demo runs the built library, as a fresh clone does after npm ci
  it.skipIf(!built)("prints the compiled request, the first local matches and the count", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["examples/demo.mjs"], { cwd: new URL("../..", import.meta.url) });
    expect(stdout).toContain('score >= 0.8 and node_name ~ "sports" sort created_at desc');
    expect(stdout).toContain('"key": "node_name",\n          "operator": "contains",\n          "value": "sports"');
    expect(stdout).toMatch(/\n[\d,]+ of 50,000 rows match\.\n/);
    const rows = stdout.split("\n").filter((line) => /^ {2}\d{4}-\d\d-\d\dT/.test(line));
    expect(rows).toHaveLength(10);
    const dates = rows.map((line) => line.trim().split(/\s+/)[0]!);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const line of rows) {
      const [, score, name] = line.trim().split(/\s+/);
      expect(Number(score)).toBeGreaterThanOrEqual(0.8);
      expect(name).toContain("sports");
    }
  }, 60_000);
});
