import {
  isNodeLabel,
  NODE_PROPERTIES,
  type EvidenceLists,
  type GraphNode,
  type NodeLabel,
  type PropertyType,
} from '../graph/index.js';

/**
 * Row decoding at the storage edge: Cypher projects nodes and relationships as small maps of the requested
 * properties (never `.*`), and these functions turn them into the graph model's types once, checking the
 * label and each value's stored type. The driver runs with disableLosslessIntegers, and dates are stored as
 * ISO strings, so every value is already a JS primitive: no deep conversion is needed.
 */

/** A node as Cypher projects it: identity plus the values of `$props`, in that order. */
export interface NodeRow {
  uid: string;
  key: string;
  label: string;
  values: unknown[];
}

export class StorageRowError extends Error {
  override name = 'StorageRowError';
}

function checked(type: PropertyType | undefined, value: unknown, where: string): unknown {
  if (value === null || value === undefined || type === undefined) return value ?? null;
  const ok =
    type === 'int'
      ? typeof value === 'number'
      : type === 'boolean'
        ? typeof value === 'boolean'
        : type === 'string[]'
          ? Array.isArray(value)
          : typeof value === 'string';
  if (!ok) throw new StorageRowError(`${where}: stored ${JSON.stringify(value)} is not a ${type}`);
  return value;
}

/** A node row → a GraphNode carrying exactly the requested properties that its label stores. */
export function decodeNode(row: NodeRow, props: readonly string[]): GraphNode {
  if (!isNodeLabel(row.label)) throw new StorageRowError(`node ${row.uid} has no known label (${row.label})`);
  const label: NodeLabel = row.label;
  const types = NODE_PROPERTIES[label] as Record<string, PropertyType>;
  const node: Record<string, unknown> = { label, uid: row.uid, key: row.key };
  props.forEach((name, i) => {
    if (name in types) node[name] = checked(types[name], row.values[i], `${row.uid}.${name}`);
  });
  // The label check above and the per-property type check make this the model's shape.
  return node as GraphNode;
}

/**
 * A relationship as the hop, path and feed queries project it: requested values, evidence slice and counts.
 * A projection (src/storage/projection.ts) reads only what the request selected: the evidence lists when
 * it asked for evidence, the count and dates when it asked for them, so those may be absent.
 */
export interface RelRow {
  values: unknown[];
  sources?: string[] | null;
  quotes?: string[] | null;
  seenOn?: string[] | null;
  evidenceCount?: number | null;
  firstSeen?: string | null;
  lastSeen?: string | null;
}

/** A relationship's own data, by property name, as the edge catalogue types it. */
export type RelValues = Record<string, string | number | boolean | string[] | null>;

/** The Update and the Item of one evidence entry, when the request read them with the relationship. */
export interface EvidenceNodes {
  issue: GraphNode | null;
  item: GraphNode | null;
}

export interface RelData extends EvidenceLists {
  values: RelValues;
  evidenceCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Aligned with `sources` when the request read the evidence's nodes with the relationship. */
  evidenceNodes?: EvidenceNodes[];
}

export function decodeRel(
  row: RelRow,
  props: readonly string[],
  types: Readonly<Record<string, PropertyType>>,
): RelData {
  const values: RelValues = {};
  props.forEach((name, i) => {
    values[name] = checked(types[name], row.values[i], `relationship.${name}`) as RelValues[string];
  });
  // What the query did not read, the request did not select: nothing reads these defaults.
  return {
    values,
    sources: row.sources ?? [],
    quotes: row.quotes ?? [],
    seenOn: row.seenOn ?? [],
    evidenceCount: row.evidenceCount ?? 0,
    firstSeen: row.firstSeen ?? null,
    lastSeen: row.lastSeen ?? null,
  };
}
