// Types for iab-taxonomy.mjs.

export interface TaxonomyNode {
  /** IAB "Unique ID" (numeric-looking or alphanumeric; always a string). */
  id: string;
  /** IAB "Parent" column verbatim; null at roots. */
  parentId: string | null;
  /** IAB "Name". */
  name: string;
  /** Non-empty "Tier 1".."Tier N" cells, root first; the last equals name. */
  tiers: string[];
  /** tiers.length - 1: the 0-based index of the node's own tier (roots: 0). */
  depth: number;
  /** "Extension" cell (e.g. "SCD"), null when empty or absent. */
  extension: string | null;
  /** 1-based line of the record in the source text. */
  line: number;
}

export const DEFAULT_TAXONOMY_PATH: string;
export const IAB_CONTENT_3_1_NODE_COUNT: 704;
export function parseTaxonomyTsv(text: string, options?: { source?: string }): TaxonomyNode[];
export function loadTaxonomy(path?: string | URL): TaxonomyNode[];
export function tierParents(nodes: TaxonomyNode[]): Map<string, string | null>;
export function parentMismatches(
  nodes: TaxonomyNode[],
): { id: string; name: string; parentId: string | null; tierParentId: string | null }[];
