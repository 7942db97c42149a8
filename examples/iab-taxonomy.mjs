// Parser for the IAB Tech Lab Content Taxonomy TSV shipped next to this file.
//
// Data: "IAB Tech Lab Content Taxonomy 3.1", Creative Commons Attribution 3.0
// (https://creativecommons.org/licenses/by/3.0/), from
// https://github.com/InteractiveAdvertisingBureau/Taxonomies — see examples/README.md.
//
// File layout (as published upstream):
//   line 1  super-header: "Relational ID System", "Content Taxonomy v3.1 Tiered Categories", "Extension"
//   line 2  header:       "Unique ID", "Parent", "Name", "Tier 1", "Tier 2", "Tier 3", "Tier 4", ""
//   line 3+ one category per line; CRLF line ends; a trailing empty cell.
//
// The parser locates columns by header name rather than position, accepts CRLF, LF or CR line ends,
// a UTF-8 BOM, blank lines, and double-quoted cells ("" escapes a quote; quoted cells may hold tabs
// and line breaks). Anything it cannot make sense of is an Error whose message starts with
// "<source>:<line>:" — the 1-based physical line of the offending record.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Absolute path of the TSV shipped in this directory (never read from outside the project). */
export const DEFAULT_TAXONOMY_PATH = fileURLToPath(new URL("./iab-content-taxonomy-3.1.tsv", import.meta.url));

/** Number of categories in IAB Content Taxonomy 3.1. */
export const IAB_CONTENT_3_1_NODE_COUNT = 704;

const REQUIRED_COLUMNS = ["Unique ID", "Parent", "Name", "Tier 1"];

/**
 * @typedef {object} TaxonomyNode
 * @property {string} id            IAB "Unique ID" (numeric-looking or alphanumeric; always a string).
 * @property {string | null} parentId IAB "Parent" column verbatim; null at roots.
 * @property {string} name          IAB "Name".
 * @property {string[]} tiers       The non-empty "Tier 1".."Tier N" cells, root first; the last equals name.
 * @property {number} depth         tiers.length - 1, i.e. the 0-based index of the node's own tier (roots: 0).
 * @property {string | null} extension The "Extension" cell (e.g. "SCD"), null when empty or absent.
 * @property {number} line          1-based line of the record in the source text.
 */

/**
 * Split TSV text into records of cells, tracking the physical line each record starts on.
 * @param {string} text
 * @param {string} source
 * @returns {{ line: number, cells: string[] }[]}
 */
function splitRecords(text, source) {
  /** @type {{ line: number, cells: string[] }[]} */
  const records = [];
  /** @type {string[]} */
  let cells = [];
  let cell = "";
  let line = 1; // physical line of the cursor
  let recordLine = 1; // physical line the current record started on
  let i = 0;
  const n = text.length;
  let atCellStart = true;

  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
    atCellStart = true;
  };

  while (i < n) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // Quoted cell: runs to the next lone quote; "" is an escaped quote.
      const openLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new Error(`${source}:${openLine}: unterminated quoted cell`);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\r" || c === "\n") {
          if (c === "\r" && text[i + 1] === "\n") {
            cell += "\r\n";
            i += 2;
          } else {
            cell += c;
            i++;
          }
          line++;
          continue;
        }
        cell += c;
        i++;
      }
      const next = text[i];
      if (i < n && next !== "\t" && next !== "\r" && next !== "\n") {
        throw new Error(`${source}:${line}: unexpected text after closing quote of a quoted cell`);
      }
      atCellStart = false;
      continue;
    }
    if (ch === "\t") {
      cells.push(cell);
      cell = "";
      atCellStart = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"') {
      throw new Error(`${source}:${line}: stray double quote inside an unquoted cell`);
    }
    cell += ch;
    atCellStart = false;
    i++;
  }
  // Last record without a trailing line break.
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}

const isBlank = (/** @type {string[]} */ cells) => cells.every((c) => c.trim() === "");

/**
 * Parse the IAB Content Taxonomy TSV text into nodes, in file order.
 * @param {string} text
 * @param {{ source?: string }} [options] source names the input in error messages (default "taxonomy.tsv")
 * @returns {TaxonomyNode[]}
 */
export function parseTaxonomyTsv(text, options = {}) {
  const source = options.source ?? "taxonomy.tsv";
  if (typeof text !== "string") throw new TypeError("parseTaxonomyTsv: text must be a string");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const records = splitRecords(text, source);

  // Find the header row ("Unique ID" in the first cell); anything non-blank before it is a super-header.
  let headerAt = -1;
  for (let r = 0; r < records.length; r++) {
    const rec = /** @type {{ line: number, cells: string[] }} */ (records[r]);
    if (isBlank(rec.cells)) continue;
    if ((rec.cells[0] ?? "").trim().toLowerCase() === "unique id") {
      headerAt = r;
      break;
    }
    if (r >= 5) break;
  }
  if (headerAt < 0) {
    throw new Error(`${source}:1: no header row starting with "Unique ID" in the first lines`);
  }
  const header = /** @type {{ line: number, cells: string[] }} */ (records[headerAt]);
  const col = new Map(header.cells.map((c, idx) => [c.trim().toLowerCase(), idx]));
  for (const name of REQUIRED_COLUMNS) {
    if (!col.has(name.toLowerCase())) {
      throw new Error(`${source}:${header.line}: header row has no "${name}" column`);
    }
  }
  const idCol = /** @type {number} */ (col.get("unique id"));
  const parentCol = /** @type {number} */ (col.get("parent"));
  const nameCol = /** @type {number} */ (col.get("name"));
  /** @type {number[]} */
  const tierCols = [];
  for (let t = 1; col.has(`tier ${t}`); t++) tierCols.push(/** @type {number} */ (col.get(`tier ${t}`)));

  // "Extension" lives in the super-header row above the header, if there is one.
  let extensionCol = col.get("extension") ?? -1;
  let width = header.cells.length;
  for (let r = 0; r < headerAt; r++) {
    const rec = /** @type {{ line: number, cells: string[] }} */ (records[r]);
    width = Math.max(width, rec.cells.length);
    if (extensionCol < 0) extensionCol = rec.cells.findIndex((c) => c.trim().toLowerCase() === "extension");
  }
  if (extensionCol >= 0) width = Math.max(width, extensionCol + 1);
  const minCells = Math.max(idCol, parentCol, nameCol, /** @type {number} */ (tierCols[0])) + 1;

  /** @type {TaxonomyNode[]} */
  const nodes = [];
  /** @type {Map<string, TaxonomyNode>} */
  const byId = new Map();

  for (let r = headerAt + 1; r < records.length; r++) {
    const { line, cells } = /** @type {{ line: number, cells: string[] }} */ (records[r]);
    if (isBlank(cells)) continue;
    const at = `${source}:${line}:`;
    if (cells.length < minCells) {
      throw new Error(
        `${at} expected at least ${minCells} tab-separated cells (Unique ID, Parent, Name, Tier 1), found ${cells.length}`,
      );
    }
    for (let c = width; c < cells.length; c++) {
      if ((cells[c] ?? "").trim() !== "") {
        throw new Error(`${at} ${cells.length} cells but the header defines only ${width} columns`);
      }
    }
    const id = (cells[idCol] ?? "").trim();
    const parentRaw = (cells[parentCol] ?? "").trim();
    const name = (cells[nameCol] ?? "").trim();
    if (id === "") throw new Error(`${at} empty "Unique ID"`);
    if (name === "") throw new Error(`${at} empty "Name" for id ${id}`);
    const prior = byId.get(id);
    if (prior) throw new Error(`${at} duplicate "Unique ID" ${id} (first defined on line ${prior.line})`);

    /** @type {string[]} */
    const tiers = [];
    let gapAt = -1;
    for (let t = 0; t < tierCols.length; t++) {
      const v = (cells[/** @type {number} */ (tierCols[t])] ?? "").trim();
      if (v === "") {
        if (gapAt < 0) gapAt = t;
      } else {
        if (gapAt >= 0) throw new Error(`${at} "Tier ${t + 1}" is set but "Tier ${gapAt + 1}" is empty (id ${id})`);
        tiers.push(v);
      }
    }
    if (tiers.length === 0) throw new Error(`${at} no tier cells set (id ${id})`);
    if (tiers[tiers.length - 1] !== name) {
      throw new Error(`${at} "Name" ${JSON.stringify(name)} differs from its last tier ${JSON.stringify(tiers[tiers.length - 1])}`);
    }
    const parentId = parentRaw === "" ? null : parentRaw;
    const depth = tiers.length - 1;
    if ((parentId === null) !== (depth === 0)) {
      throw new Error(
        parentId === null
          ? `${at} id ${id} has no "Parent" but ${tiers.length} tiers`
          : `${at} id ${id} has a "Parent" (${parentId}) but only one tier`,
      );
    }
    if (parentId === id) throw new Error(`${at} id ${id} is its own parent`);
    const ext = extensionCol >= 0 ? (cells[extensionCol] ?? "").trim() : "";
    const node = { id, parentId, name, tiers, depth, extension: ext === "" ? null : ext, line };
    nodes.push(node);
    byId.set(id, node);
  }

  for (const node of nodes) {
    if (node.parentId !== null && !byId.has(node.parentId)) {
      throw new Error(`${source}:${node.line}: id ${node.id} has unknown "Parent" ${node.parentId}`);
    }
  }
  return nodes;
}

/**
 * Read and parse a taxonomy TSV file (default: the copy shipped in examples/).
 * @param {string | URL} [path]
 * @returns {TaxonomyNode[]}
 */
export function loadTaxonomy(path = DEFAULT_TAXONOMY_PATH) {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  return parseTaxonomyTsv(readFileSync(file, "utf8"), { source: file });
}

/**
 * The node whose tiers are `node.tiers` minus the last one, by id; null at roots.
 * Throws if a tier prefix names no node.
 * @param {TaxonomyNode[]} nodes
 * @returns {Map<string, string | null>} node id → id of its parent by tier path
 */
export function tierParents(nodes) {
  /** @type {Map<string, string>} */
  const byPath = new Map();
  for (const n of nodes) byPath.set(n.tiers.join("\u0000"), n.id);
  /** @type {Map<string, string | null>} */
  const out = new Map();
  for (const n of nodes) {
    if (n.depth === 0) {
      out.set(n.id, null);
      continue;
    }
    const key = n.tiers.slice(0, -1).join("\u0000");
    const pid = byPath.get(key);
    if (pid === undefined) {
      throw new Error(`line ${n.line}: id ${n.id}: no node has the tier path ${n.tiers.slice(0, -1).join(" > ")}`);
    }
    out.set(n.id, pid);
  }
  return out;
}

/**
 * Nodes whose "Parent" column disagrees with their tier path (the parent implied by Tier 1..N).
 * In IAB Content Taxonomy 3.1 there are two: 376 "Public Radio" (Parent column: SPSHQ5 "Genres",
 * tiers: Genres > Talk Radio > Public Radio) and 497 "Horse Racing" (Parent column: 483 "Sports",
 * tiers: Sports > Equine Sports > Horse Racing).
 * @param {TaxonomyNode[]} nodes
 * @returns {{ id: string, name: string, parentId: string | null, tierParentId: string | null }[]}
 */
export function parentMismatches(nodes) {
  const tp = tierParents(nodes);
  return nodes
    .filter((n) => tp.get(n.id) !== n.parentId)
    .map((n) => ({ id: n.id, name: n.name, parentId: n.parentId, tierParentId: tp.get(n.id) ?? null }));
}
