#!/usr/bin/env node
// Deterministic sample-data generator: turns the IAB Content Taxonomy 3.1 (examples/iab-content-taxonomy-3.1.tsv)
// into classification rows shaped like Mixpeek list-classifications results, one row per match.
//
//   node examples/generate-sample.mjs [--rows N] [--seed S] [--now ISO] [--out FILE|-]
//
// Same options → byte-identical NDJSON. Nothing reads the clock or Math.random, and the PRNG and the
// score/time draws use only integer ops, comparisons and + - * / (no Math.log/exp/pow), so the output
// is also the same on every platform. Output streams with backpressure; no array of rows is built.
//
// Data credit: "IAB Tech Lab Content Taxonomy 3.1", CC BY 3.0 — see examples/README.md.

import { createWriteStream, mkdirSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadTaxonomy, tierParents } from "./iab-taxonomy.mjs";

export const TAXONOMY_ID = "tax_iab_content_3_1";
export const DEFAULT_ROWS = 50_000;
export const DEFAULT_SEED = 42;
export const DEFAULT_NOW = "2026-12-01T00:00:00.000Z";
export const MAX_ROWS = 5_000_000;
export const MAX_SEED = 0xffff_ffff;
/** Default CLI output, resolved next to this file (examples/data/ is git-ignored). */
export const DEFAULT_OUT = fileURLToPath(new URL("./data/classifications.ndjson", import.meta.url));

/**
 * Snake-case form of an IAB category name: lower-case ASCII letters, digits and single underscores.
 * "&" → "and", apostrophes and periods are dropped ("Men's" → "mens", "I.T." → "it"), accents are
 * stripped, and every other run of non-alphanumerics (space , / - ( ) …) becomes one "_".
 *   "Sports Video Games" → "sports_video_games"   "R&B/Soul/Funk" → "r_and_b_soul_funk"
 * @param {string} name
 * @returns {string}
 */
export function toNodeName(name) {
  const out = String(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\+/g, " plus ")
    .replace(/['\u2019.]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (out === "") throw new Error(`toNodeName: ${JSON.stringify(name)} has no letters or digits`);
  return out;
}

/**
 * Seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), state filled by splitmix32.
 * @param {number} seed integer in 0..2^32-1
 * @returns {{ u32(): number, float(): number }} u32: uniform 32-bit unsigned; float: uniform in [0, 1), 53 bits
 */
export function createRng(seed) {
  let s = seed >>> 0;
  const splitmix32 = () => {
    s = (s + 0x9e3779b9) | 0;
    let t = s ^ (s >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const float = () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  return { u32, float };
}

/**
 * Invertible 32-bit integer hash (Chris Wellons' lowbias32): distinct inputs → distinct outputs.
 * @param {number} x
 */
function mix32(x) {
  x >>>= 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}
const hex8 = (/** @type {number} */ x) => x.toString(16).padStart(8, "0");

/**
 * @param {unknown} now
 * @returns {number} epoch ms
 */
function toEpochMs(now) {
  const ms = now instanceof Date ? now.getTime() : typeof now === "number" ? now : typeof now === "string" ? Date.parse(now) : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`generateRows: now must be a valid Date, ISO string or epoch ms, got ${String(now)}`);
  return ms;
}

// Matches per feature: 1..5 with weights 30/28/20/13/9 %.
const MATCH_COUNT_CDF = [0.3, 0.58, 0.78, 0.91, 1];
// Relative likelihood that a feature's best match sits at a given depth (0 = tier 1 … 3 = tier 4).
const DEPTH_WEIGHT = [0.5, 1, 1, 0.8];

/**
 * @typedef {object} ClassificationRow
 * @property {string} feature_id        "feat_" + 8 hex digits; unique per feature within one run
 * @property {string} classification_id "cls_" + 8 hex digits; unique per row within one run
 * @property {string} taxonomy_id       always TAXONOMY_ID
 * @property {string} node_id           IAB Unique ID
 * @property {string | null} parent_node_id IAB id of the parent; null exactly when depth is 0
 * @property {string} node_name         toNodeName(IAB Name)
 * @property {string} node_description  IAB Name
 * @property {string[]} path_tokens     toNodeName of each tier, root first; length depth + 1
 * @property {number} depth             0-based tier index (tier count - 1)
 * @property {number} score             in [0, 1], 4 decimals; non-increasing within a feature
 * @property {string} created_at        ISO-8601 UTC with milliseconds, in [now - 1 year, now)
 */

/**
 * Generate classification rows lazily.
 * @param {object} [options]
 * @param {number} [options.rows=50000]   total rows, integer 1..5,000,000
 * @param {number} [options.seed=42]      integer 0..2^32-1
 * @param {Date | string | number} [options.now="2026-12-01T00:00:00.000Z"] reference time; created_at falls in the year before it
 * @param {import("./iab-taxonomy.mjs").TaxonomyNode[]} [options.taxonomy] nodes (default: loadTaxonomy())
 * @param {"tiers" | "column"} [options.parentFrom="tiers"] parent_node_id from the tier path (rows always
 *   self-consistent) or verbatim from the IAB "Parent" column (differs for ids 376 and 497)
 * @returns {Generator<ClassificationRow, void, undefined>}
 */
export function* generateRows(options = {}) {
  const { rows = DEFAULT_ROWS, seed = DEFAULT_SEED, now = DEFAULT_NOW, parentFrom = "tiers" } = options;
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ROWS) {
    throw new RangeError(`generateRows: rows must be an integer in 1..${MAX_ROWS}, got ${String(rows)}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`generateRows: seed must be an integer in 0..${MAX_SEED}, got ${String(seed)}`);
  }
  if (parentFrom !== "tiers" && parentFrom !== "column") {
    throw new RangeError(`generateRows: parentFrom must be "tiers" or "column", got ${String(parentFrom)}`);
  }
  const nowMs = toEpochMs(now);
  const startDate = new Date(nowMs);
  startDate.setUTCFullYear(startDate.getUTCFullYear() - 1);
  const startMs = startDate.getTime();
  const spanMs = nowMs - startMs;

  const taxonomy = options.taxonomy ?? loadTaxonomy();
  if (taxonomy.length === 0) throw new RangeError("generateRows: taxonomy has no nodes");
  const parentById = parentFrom === "tiers" ? tierParents(taxonomy) : new Map(taxonomy.map((n) => [n.id, n.parentId]));

  // Per-node precomputation.
  const N = taxonomy.length;
  const indexById = new Map(taxonomy.map((n, i) => [n.id, i]));
  const nodes = taxonomy.map((n) => ({
    id: n.id,
    parentId: parentById.get(n.id) ?? null,
    name: n.name,
    nodeName: toNodeName(n.name),
    pathTokens: n.tiers.map(toNodeName),
    depth: n.depth,
  }));
  const parentIdx = new Int32Array(N).fill(-1);
  /** @type {number[][]} */
  const children = Array.from({ length: N }, () => []);
  /** @type {Map<string, number[]>} */
  const subtree = new Map(); // tier-1 name → node indexes
  nodes.forEach((n, i) => {
    if (n.parentId !== null) {
      const p = indexById.get(n.parentId);
      if (p === undefined) throw new Error(`generateRows: node ${n.id} has unknown parent ${n.parentId}`);
      parentIdx[i] = p;
      /** @type {number[]} */ (children[p]).push(i);
    }
    const root = /** @type {string} */ (n.pathTokens[0]);
    let list = subtree.get(root);
    if (!list) subtree.set(root, (list = []));
    list.push(i);
  });
  /** @type {number[][]} */
  const subtreeOf = nodes.map((n) => /** @type {number[]} */ (subtree.get(/** @type {string} */ (n.pathTokens[0]))));

  const rng = createRng(seed);
  const float = rng.float;

  // Popularity: a seeded shuffle ranks the nodes; weight ~ 1 / (rank + 8) (a flattened Zipf) × depth weight.
  const order = Array.from({ length: N }, (_, i) => i);
  for (let i = N - 1; i > 0; i--) {
    const j = rng.u32() % (i + 1);
    const t = /** @type {number} */ (order[i]);
    order[i] = /** @type {number} */ (order[j]);
    order[j] = t;
  }
  const cdf = new Float64Array(N);
  const weight = new Float64Array(N);
  order.forEach((nodeIdx, rank) => {
    const depth = /** @type {(typeof nodes)[number]} */ (nodes[nodeIdx]).depth;
    weight[nodeIdx] = (1 / (rank + 8)) * (DEPTH_WEIGHT[Math.min(depth, 3)] ?? 1);
  });
  let total = 0;
  for (let i = 0; i < N; i++) cdf[i] = total += /** @type {number} */ (weight[i]);
  const pickGlobal = () => {
    const x = float() * total;
    let lo = 0;
    let hi = N - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (/** @type {number} */ (cdf[mid]) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  /** @param {ArrayLike<number>} list */
  const pickFrom = (list) => (list.length === 0 ? -1 : /** @type {number} */ (list[rng.u32() % list.length]));

  // Beta(a, b) for integer a, b: the a-th smallest of a + b - 1 uniforms (no transcendental functions).
  const scratch = new Float64Array(16);
  const beta = (/** @type {number} */ a, /** @type {number} */ b) => {
    const n = a + b - 1;
    for (let i = 0; i < n; i++) {
      const v = float();
      let j = i;
      while (j > 0 && /** @type {number} */ (scratch[j - 1]) > v) {
        scratch[j] = /** @type {number} */ (scratch[j - 1]);
        j--;
      }
      scratch[j] = v;
    }
    return /** @type {number} */ (scratch[a - 1]);
  };
  const round4 = (/** @type {number} */ x) => Math.min(1, Math.max(0, Math.round(x * 10000) / 10000));

  const featureKey = rng.u32();
  const classKey = rng.u32();
  /** @type {number[]} */
  const chosen = [];

  let emitted = 0;
  let feature = 0;
  while (emitted < rows) {
    // How many matches this feature gets (the last feature is cut to fit `rows`).
    const u = float();
    let k = 1;
    while (k < 5 && u >= /** @type {number} */ (MATCH_COUNT_CDF[k - 1])) k++;
    k = Math.min(k, rows - emitted);

    // Pick k distinct nodes: the best match by popularity, the rest mostly near it in the tree.
    chosen.length = 0;
    chosen.push(pickGlobal());
    while (chosen.length < k) {
      let cand = -1;
      for (let attempt = 0; attempt < 8 && (cand < 0 || chosen.includes(cand)); attempt++) {
        const anchor = /** @type {number} */ (chosen[rng.u32() % chosen.length]);
        const r = float();
        if (r < 0.35) cand = parentIdx[anchor] ?? -1; // an ancestor
        else if (r < 0.55) cand = pickFrom(/** @type {number[]} */ (children[anchor])); // a child
        else if (r < 0.7) {
          const p = parentIdx[anchor] ?? -1; // a sibling
          cand = p < 0 ? -1 : pickFrom(/** @type {number[]} */ (children[p]));
        } else if (r < 0.85) cand = pickFrom(/** @type {number[]} */ (subtreeOf[/** @type {number} */ (chosen[0])])); // same tier-1 branch
        else cand = pickGlobal();
      }
      if (cand < 0 || chosen.includes(cand)) {
        // Rare: fall back to the first unused node after a random start.
        const start = rng.u32() % N;
        cand = -1;
        for (let s = 0; s < N; s++) {
          const c = (start + s) % N;
          if (!chosen.includes(c)) {
            cand = c;
            break;
          }
        }
        if (cand < 0) break; // taxonomy smaller than k: emit fewer matches for this feature
      }
      chosen.push(cand);
    }

    const featureId = `feat_${hex8(mix32(feature ^ featureKey))}`;
    // Volume grows over the year: density rises linearly from 0.5× to 1.5× (mixture of U and max(U, U)).
    const u1 = float();
    const u2 = float();
    const pos = float() < 0.5 ? u1 : Math.max(u1, u2);
    let t = startMs + Math.floor(pos * spanMs);
    let score = beta(8, 2); // best match: mean 0.8, mostly 0.6–0.97

    for (let m = 0; m < chosen.length; m++) {
      const n = /** @type {(typeof nodes)[number]} */ (nodes[/** @type {number} */ (chosen[m])]);
      if (m > 0) {
        score *= beta(6, 3); // each further match keeps ~2/3 of the previous score
        t = Math.min(nowMs - 1, t + 1 + (rng.u32() % 40)); // written a few ms apart
      }
      /** @type {ClassificationRow} */
      const row = {
        feature_id: featureId,
        classification_id: `cls_${hex8(mix32((emitted + classKey) >>> 0))}`,
        taxonomy_id: TAXONOMY_ID,
        node_id: n.id,
        parent_node_id: n.parentId,
        node_name: n.nodeName,
        node_description: n.name,
        path_tokens: n.pathTokens.slice(),
        depth: n.depth,
        score: round4(score),
        created_at: new Date(t).toISOString(),
      };
      emitted++;
      yield row;
    }
    feature++;
  }
}

/**
 * Write rows as NDJSON to a writable stream, honouring backpressure. Does not end the stream.
 * @param {Iterable<object>} rows
 * @param {import("node:stream").Writable} stream
 * @returns {Promise<number>} rows written
 */
export async function writeNdjson(rows, stream) {
  let buf = "";
  let count = 0;
  for (const row of rows) {
    buf += JSON.stringify(row) + "\n";
    count++;
    if (buf.length >= 1 << 16) {
      const ok = stream.write(buf);
      buf = "";
      if (!ok) await once(stream, "drain");
    }
  }
  if (buf !== "") {
    await new Promise((res, rej) => stream.write(buf, (err) => (err ? rej(err) : res(undefined))));
  }
  return count;
}

export const USAGE = `Usage: node examples/generate-sample.mjs [--rows N] [--seed S] [--now ISO] [--out FILE|-]
  --rows N    rows to write, 1..${MAX_ROWS} (default ${DEFAULT_ROWS})
  --seed S    PRNG seed, integer 0..${MAX_SEED} (default ${DEFAULT_SEED})
  --now ISO   reference time; created_at falls in the year before it (default ${DEFAULT_NOW})
  --out FILE  NDJSON output, "-" for stdout (default examples/data/classifications.ndjson)`;

class UsageError extends Error {}

const ISO_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * @param {string[]} argv arguments after the script name
 * @returns {{ help: true } | { help: false, rows: number, seed: number, now: string, out: string }}
 */
export function parseCliArgs(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        rows: { type: "string" },
        seed: { type: "string" },
        now: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(String(/** @type {Error} */ (err).message).split("\n")[0]);
  }
  if (values.help) return { help: true };
  const int = (/** @type {string} */ flag, /** @type {string | undefined} */ raw, /** @type {number} */ dflt, /** @type {number} */ min, /** @type {number} */ max) => {
    if (raw === undefined) return dflt;
    const s = raw.replace(/_/g, "");
    if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
      throw new UsageError(`--${flag} must be an integer in ${min}..${max}, got ${JSON.stringify(raw)}`);
    }
    return Number(s);
  };
  const rows = int("rows", values.rows, DEFAULT_ROWS, 1, MAX_ROWS);
  const seed = int("seed", values.seed, DEFAULT_SEED, 0, MAX_SEED);
  const now = values.now ?? DEFAULT_NOW;
  if (!ISO_RE.test(now) || !Number.isFinite(Date.parse(now))) {
    throw new UsageError(`--now must be an ISO-8601 date or date-time with Z or an offset, got ${JSON.stringify(now)}`);
  }
  let out = values.out ?? DEFAULT_OUT;
  if (out === "") throw new UsageError("--out must not be empty");
  if (out !== "-") out = resolve(out);
  return { help: false, rows, seed, now, out };
}

/**
 * CLI entry point.
 * @param {string[]} argv arguments after the script name
 * @returns {Promise<number>} exit code: 0 ok, 1 I/O error, 2 bad arguments
 */
export async function main(argv) {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`generate-sample: ${err.message} (see --help)\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const started = performance.now();
  const rows = generateRows({ rows: args.rows, seed: args.seed, now: args.now });

  if (args.out === "-") {
    try {
      await writeNdjson(rows, process.stdout);
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code === "EPIPE") return 0; // reader went away (e.g. | head)
      throw err;
    }
    return 0;
  }

  // Write to a temporary sibling and rename, so a failed run never leaves a truncated file behind.
  // Only the default directory (examples/data/, git-ignored) is created on demand; a --out directory must exist.
  const tmp = `${args.out}.${process.pid}.tmp`;
  try {
    if (args.out === DEFAULT_OUT) mkdirSync(dirname(args.out), { recursive: true });
    else if (!statSync(dirname(args.out), { throwIfNoEntry: false })?.isDirectory()) {
      throw new Error(`directory ${dirname(args.out)} does not exist`);
    }
    const stream = createWriteStream(tmp);
    const failed = new Promise((_, rej) => stream.once("error", rej));
    failed.catch(() => {});
    await Promise.race([once(stream, "open"), failed]);
    const count = await Promise.race([writeNdjson(rows, stream), failed]);
    stream.end();
    await Promise.race([once(stream, "finish"), failed]);
    await once(stream, "close");
    renameSync(tmp, args.out);
    const secs = ((performance.now() - started) / 1000).toFixed(2);
    process.stderr.write(`generate-sample: wrote ${count} rows (seed ${args.seed}) to ${args.out} in ${secs}s\n`);
    return 0;
  } catch (err) {
    rmSync(tmp, { force: true });
    process.stderr.write(`generate-sample: cannot write ${args.out}: ${/** @type {Error} */ (err).message}\n`);
    return 1;
  }
}

const invokedDirectly = (() => {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === import.meta.url;
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`generate-sample: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
