/**
 * What the extractor hands the loader: the nodes and edges one Update yields, each edge with the
 * evidence it was read from. Plain data, no Neo4j types: the loader MERGEs nodes on (label, key)
 * and edges on (from, type, to, key), and accumulates each edge's evidence across Updates.
 */

// Labels, edge types and keys belong to the graph model (src/graph/); re-exported for the extractor's modules.
export {
  NODE_LABELS,
  EXTRACTED_EDGE_TYPES,
  DERIVED_EDGE_TYPES,
  issueKey,
  itemKey,
  itemKeyPrefix,
  type NodeLabel,
  type EdgeType,
  type ExtractedEdgeType,
} from '../graph/index.js';
import type { ExtractedEdgeType, NodeLabel } from '../graph/index.js';

/** Property values Neo4j stores natively. Dates are ISO strings (YYYY-MM-DD). */
export type PropertyValue = string | number | boolean | null | string[] | number[];
export type Properties = Record<string, PropertyValue>;

export interface NodeRef {
  label: NodeLabel;
  key: string;
}

export interface NodeRecord extends NodeRef {
  /**
   * Set on the node; for a node shared by several Updates, the highest-numbered Update's values win whatever
   * the loading order, and `listProps` are united (src/load/versions.ts).
   */
  props: Properties;
  /** Names of list properties whose values are united across Updates rather than replaced (aliases, variants). */
  listProps?: string[];
}

/** Where an edge was read: the Item's key (or the Issue's key for issue-level facts), the sentence, the Update's date. */
export interface Evidence {
  source: string;
  quote: string;
  date: string;
}

export interface EdgeRecord {
  type: ExtractedEdgeType;
  from: NodeRef;
  to: NodeRef;
  /** Tells apart several edges of one type between the same two nodes (e.g. two inspections); '' when there is one. */
  key: string;
  /** The relationship's own data (role, email, grade…). */
  props: Properties;
  evidence: Evidence;
}

export interface GraphRecords {
  issueNumber: number;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  /** Doubts the extractor wants a person to see (unresolved names, ambiguous matches), with the source line. */
  warnings: { line: number; message: string }[];
}
