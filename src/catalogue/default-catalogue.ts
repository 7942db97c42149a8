import type { CatalogueJson } from "./catalogue.js";
import { defineCatalogue } from "./define-catalogue.js";

/** A classification row of the list-classifications endpoint (LANGUAGE.md §4). */
export const classificationCatalogueJson: CatalogueJson = {
  fields: {
    classification_id: { type: "string", description: "The classification this match belongs to" },
    feature_id: { type: "string", description: "The classified feature" },
    taxonomy_id: { type: "string", description: "The taxonomy the node belongs to" },
    node_id: { type: "string", description: "The matched taxonomy node" },
    parent_node_id: { type: "string", description: "The node's parent; null on root nodes" },
    node_name: { type: "string", sortable: true, description: "Lower-case, words joined by _" },
    node_description: { type: "string", description: "The node's human-readable name" },
    path_tokens: { type: "string[]", description: "Node names from the root down" },
    depth: { type: "integer", min: 0, sortable: true, description: "0 at the roots" },
    score: { type: "number", min: 0, max: 1, sortable: true, description: "Match confidence" },
    created_at: { type: "datetime", sortable: true, description: "When the classification was made" },
  },
  freeText: { field: "node_name", operator: "contains" },
};

export const classificationCatalogue = defineCatalogue(classificationCatalogueJson);
