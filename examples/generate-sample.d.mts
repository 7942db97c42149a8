// Types for generate-sample.mjs.
import type { Writable } from "node:stream";
import type { TaxonomyNode } from "./iab-taxonomy.mjs";

export interface ClassificationRow {
  feature_id: string;
  classification_id: string;
  taxonomy_id: string;
  node_id: string;
  parent_node_id: string | null;
  node_name: string;
  node_description: string;
  path_tokens: string[];
  depth: number;
  score: number;
  created_at: string;
}

export interface GenerateOptions {
  /** Total rows, integer 1..5,000,000 (default 50,000). */
  rows?: number;
  /** PRNG seed, integer 0..2^32-1 (default 42). */
  seed?: number;
  /** Reference time; created_at falls in [now - 1 year, now). Default "2026-12-01T00:00:00.000Z". */
  now?: Date | string | number;
  /** Nodes to draw from (default: loadTaxonomy()). */
  taxonomy?: TaxonomyNode[];
  /** parent_node_id from the tier path (default) or verbatim from the IAB "Parent" column. */
  parentFrom?: "tiers" | "column";
}

export const TAXONOMY_ID: "tax_iab_content_3_1";
export const DEFAULT_ROWS: number;
export const DEFAULT_SEED: number;
export const DEFAULT_NOW: string;
export const MAX_ROWS: number;
export const MAX_SEED: number;
export const DEFAULT_OUT: string;
export const USAGE: string;

export function toNodeName(name: string): string;
export function createRng(seed: number): { u32(): number; float(): number };
export function generateRows(options?: GenerateOptions): Generator<ClassificationRow, void, undefined>;
export function writeNdjson(rows: Iterable<object>, stream: Writable): Promise<number>;
export function parseCliArgs(
  argv: string[],
): { help: true } | { help: false; rows: number; seed: number; now: string; out: string };
export function main(argv: string[]): Promise<number>;
