/**
 * What the extractor hands the loader: the nodes and edges one Update yields, each edge with the
 * evidence it was read from. Plain data, no Neo4j types: the loader MERGEs nodes on (label, key)
 * and edges on (from, type, to, key), and accumulates each edge's evidence across Updates.
 */

export const NODE_LABELS = [
  'Issue',
  'Item',
  'Report',
  'Organisation',
  'Person',
  'Network',
  'Meeting',
  'LocalAuthority',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Edge types the extractor reads from the text. FEEDS and POSSIBLY_SAME_AS are derived later over the whole graph. */
export const EXTRACTED_EDGE_TYPES = [
  'HAS_ITEM',
  'CITES',
  'PUBLISHED_BY',
  'AUTHORED_BY',
  'MENTIONS',
  'LISTED_IN',
  'WORKS_FOR',
  'BASED_AT',
  'CONTACT_FOR',
  'HOLDS',
  'ANNOUNCED_IN',
  'CONTACT',
  'INVOLVES',
  'INSPECTED',
] as const;
export const DERIVED_EDGE_TYPES = ['FEEDS', 'POSSIBLY_SAME_AS'] as const;
export type ExtractedEdgeType = (typeof EXTRACTED_EDGE_TYPES)[number];
export type EdgeType = ExtractedEdgeType | (typeof DERIVED_EDGE_TYPES)[number];

/** Property values Neo4j stores natively. Dates are ISO strings (YYYY-MM-DD). */
export type PropertyValue = string | number | boolean | null | string[] | number[];
export type Properties = Record<string, PropertyValue>;

export interface NodeRef {
  label: NodeLabel;
  key: string;
}

export interface NodeRecord extends NodeRef {
  /** Set on the node; for a node shared by several Updates, the latest load's values win, except `listProps`. */
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

/** Node keys. Every key is a string, unique per label; see cypher/schema.cypher for the constraints. */
export const issueKey = (issueNumber: number): string => `issue:${issueNumber}`;
export const itemKey = (issueNumber: number, position: number): string => `${issueNumber}/${position}`;
/** The prefix of every Item key (and so every evidence source) an Update contributes. */
export const itemKeyPrefix = (issueNumber: number): string => `${issueNumber}/`;
