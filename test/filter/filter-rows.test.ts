import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterRows, type FilterPlan } from "../../src/cli/filter-rows.js";
import { JsonArraySplitter } from "../../src/cli/json-array-splitter.js";
import { LineSplitter } from "../../src/cli/line-splitter.js";
import { OutputBuffer } from "../../src/cli/output-buffer.js";
import { ProgressLine } from "../../src/cli/progress-line.js";
import { compileLocal } from "../../src/local-query.js";

function planFor(text: string, extra: Partial<FilterPlan> = {}): FilterPlan {
  const local = compileLocal(text);
  if (!local.ok) throw new Error(`bad query ${text}`);
  return { test: local.test, order: local.order, limit: Infinity, countOnly: false, ...extra };
}

class Collect extends Writable {
  text = "";
  override _write(chunk: Buffer, _: BufferEncoding, done: () => void): void {
    this.text += chunk.toString("utf8");
    done();
  }
}

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function run(input: string, query: string, size: number, extra: Partial<FilterPlan> = {}): Promise<{ out: string; invalid: string[] }> {
  const sink = new Collect();
  const invalid: string[] = [];
  await filterRows(pieces(Buffer.from(input, "utf8"), size), planFor(query, extra), new OutputBuffer(sink, 7), { invalid: (m) => invalid.push(m) });
  return { out: sink.text, invalid };
}

const rows = [
  { node_name: "café_é", score: 0.9, path_tokens: ["ünïcödé", "😀"] },
  { node_name: "a\\n\"]},[", score: 0.1 },
  { node_name: "sports", score: 0.7, node_description: "x".repeat(50) },
];
const ndjson = rows.map((row) => JSON.stringify(row)).join("\r\n") + "\r\n\nnot json\n";
const array = JSON.stringify(rows, null, 2);
const response = JSON.stringify({ results: [{ feature_id: "f", matches: rows.map((row) => ({ score: row.score, node: row })) }] }, null, 2);

describe("filterRows: the same rows whatever the chunk boundaries", () => {
  it.each([1, 2, 3, 5, 8, 64, 100_000])("NDJSON, array and response split every %i bytes (multi-byte characters cut in two)", async (size) => {
    expect(await run(ndjson, "score > 0.5", size)).toEqual({
      out: `${JSON.stringify(rows[0])}\n${JSON.stringify(rows[2])}\n`,
      invalid: [expect.stringMatching(/^line 5: not valid JSON/)],
    });
    expect(await run(array, "score > 0.5 sort score", size)).toEqual({
      out: `${JSON.stringify(rows[2])}\n${JSON.stringify(rows[0])}\n`,
      invalid: [],
    });
    const flat = await run(response, "score > 0.5", size);
    expect(flat.out.split("\n").filter(Boolean).map((line) => JSON.parse(line).node_name)).toEqual(["café_é", "sports"]);
  });
});

describe("filterRows with a sort and a limit", () => {
  it("keeps only the first N in order, ties in input order", async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ i, score: (i * 7919) % 100 / 100 }));
    const input = many.map((row) => JSON.stringify(row)).join("\n");
    const expected = [...many].sort((x, y) => y.score - x.score).slice(0, 15);
    const { out } = await run(input, "sort score desc", 4096, { limit: 15 });
    expect(out.split("\n").filter(Boolean).map((line) => JSON.parse(line))).toEqual(expected);
  });
});

describe("filterRows when the reader goes away", () => {
  it("stops reading at EPIPE, reports no half-read line, and returns", async () => {
    let reads = 0;
    const text = '{"score":1}\n'.repeat(1000);
    async function* endless(): AsyncGenerator<string> {
      for (;;) {
        reads++;
        // chunks end in the middle of a line
        yield text.slice(0, 5000);
        yield text.slice(5000);
      }
    }
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const out = new OutputBuffer(broken);
    const invalid: string[] = [];
    const summary = await filterRows(endless(), planFor(""), out, { invalid: (m) => invalid.push(m) });
    expect(out.closed).toBe(true);
    expect(reads).toBeLessThan(10);
    expect(summary.matched).toBeGreaterThan(0);
    expect(summary.outputClosed).toBe(true);
    expect(invalid).toEqual([]);
  });
});

describe("LineSplitter", () => {
  it("skips a line longer than the limit and reports it once, then goes on", () => {
    const lines: [string, number][] = [];
    const long: number[] = [];
    const splitter = new LineSplitter((line, n) => lines.push([line, n]), (n) => long.push(n), 10);
    for (const piece of ["ab\n0123", "456789", "ABCDEF", "\ncd\r", "\nlast"]) splitter.push(piece);
    splitter.end();
    expect(lines).toEqual([["ab", 1], ["cd", 3], ["last", 4]]);
    expect(long).toEqual([2]);
  });
});

describe("JsonArraySplitter", () => {
  it("hands over each element with its index and first line, across chunks", () => {
    const elements: [string, number, number][] = [];
    const problems: string[] = [];
    const splitter = new JsonArraySplitter((text, i, line) => elements.push([text, i, line]), (m, line) => problems.push(`${line}: ${m}`), 1000);
    const text = '\ufeff [\n {"a": "]\\"},"},\n\n  [1, [2]] ,"x\\\\" , 3\n]\n';
    for (const ch of text) splitter.push(ch);
    splitter.end();
    expect(elements).toEqual([
      ['{"a": "]\\"},"}', 1, 2],
      ["[1, [2]] ", 2, 4],
      ['"x\\\\" ', 3, 4],
      ["3\n", 4, 4],
    ]);
    expect(problems).toEqual([]);
  });

  it("gives back exactly the elements of any JSON array, however it is cut into chunks", () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 })),
        fc.constantFrom(undefined, 1, "\t"),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        (values, indent, cuts) => {
          const text = JSON.stringify(values, null, indent as string | number | undefined);
          const elements: unknown[] = [];
          const lines: number[] = [];
          const problems: string[] = [];
          const splitter = new JsonArraySplitter(
            (element, _, line) => {
              elements.push(JSON.parse(element));
              lines.push(line);
            },
            (m) => problems.push(m),
            1e9,
          );
          for (let at = 0, k = 0; at < text.length; at += cuts[k++ % cuts.length]!) splitter.push(text.slice(at, at + cuts[k % cuts.length]!));
          splitter.end();
          expect(problems).toEqual([]);
          expect(elements).toEqual(JSON.parse(text));
          if (indent !== undefined) expect(lines).toEqual(values.map((_, i) => 2 + (values.slice(0, i).map((v) => JSON.stringify([v], null, indent as string | number).split("\n").length - 2).reduce((a, b) => a + b, 0))));
        },
      ),
    );
  });

  it("skips an element longer than the limit", () => {
    const elements: string[] = [];
    const problems: string[] = [];
    const splitter = new JsonArraySplitter((text) => elements.push(text), (m) => problems.push(m), 5);
    splitter.push('[1, "long string", 2]');
    splitter.end();
    expect(elements).toEqual(["1", "2"]);
    expect(problems).toEqual(["element 2: longer than 5 characters, skipped"]);
  });
});

describe("ProgressLine", () => {
  const counts = { read: 500_000, matched: 1_234, invalid: 0, bytes: 50 };

  it("draws nothing in the first second, then at most every 250 ms, and erases itself", () => {
    let now = 0;
    const sink = new Collect();
    const progress = new ProgressLine(sink, 0, 200, () => now);
    now = 900;
    progress.update(counts);
    expect(sink.text).toBe("");
    now = 1000;
    progress.update(counts);
    now = 1100;
    progress.update(counts);
    expect(sink.text).toBe("\r\u001b[2K500,000 rows read, 1,234 matched, 500,000 rows/s 25%");
    progress.clear();
    progress.clear();
    expect(sink.text.endsWith("25%\r\u001b[2K")).toBe(true);
  });
});
