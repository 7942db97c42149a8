import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DEFAULT_NOW, generateRows } from "../../examples/generate-sample.mjs";
import { filterRows } from "../../src/cli/filter-rows.js";
import { OutputBuffer } from "../../src/cli/output-buffer.js";
import { compileLocal } from "../../src/local-query.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const totalRows = 300_000;
const sampleEvery = 25_000;
const mb = 1024 * 1024;

const lines = Array.from(generateRows({ rows: 20_000, seed: 7, now: DEFAULT_NOW }), (row) => JSON.stringify(row) + "\n");

/** 300,000 generated rows (20,000 distinct ones, cycled) as NDJSON in 64 KiB Buffers; the heap after a full GC every 25,000 rows. */
async function* ndjsonChunks(heap: number[]): AsyncGenerator<Buffer> {
  let text = "";
  for (let count = 1; count <= totalRows; count++) {
    text += lines[count % lines.length]!;
    if (count % sampleEvery === 0) {
      gc();
      heap.push(process.memoryUsage().heapUsed);
    }
    if (text.length >= 65_536) {
      yield Buffer.from(text);
      text = "";
    }
  }
  if (text !== "") yield Buffer.from(text);
}

/** A reader that keeps nothing. */
const discard = (): Writable =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

async function heapDuring(query: string): Promise<{ growth: number; matched: number }> {
  const local = compileLocal(query);
  if (!local.ok) throw new Error(query);
  const heap: number[] = [];
  const summary = await filterRows(ndjsonChunks(heap), { test: local.test, order: local.order, limit: Infinity, countOnly: false }, new OutputBuffer(discard()), {
    invalid: () => {},
  });
  expect(summary.read).toBe(totalRows);
  const baseline = heap[1]!;
  return { growth: Math.max(...heap.slice(2)) - baseline, matched: summary.matched };
}

describe("taxql filter streams", () => {
  it("without a sort, the heap stays flat over 300,000 rows however many match", async () => {
    const { growth, matched } = await heapDuring("score >= 0.7");
    expect(matched).toBeGreaterThan(totalRows / 4);
    expect(growth).toBeLessThan(16 * mb);
  }, 120_000);

  it("(the control) with a sort the matches are held, and the same measure sees them", async () => {
    const { growth, matched } = await heapDuring("score >= 0.7 sort score desc");
    expect(matched).toBeGreaterThan(totalRows / 4);
    expect(growth).toBeGreaterThan(32 * mb);
  }, 120_000);
});
