import type { Database, Transaction } from '../db/database.js';
import { integerEdgePropertiesOf, integerPropertiesOf, uidOf } from '../graph/index.js';
import {
  issueKey,
  itemKeyPrefix,
  type EdgeRecord,
  type Evidence,
  type GraphRecords,
  type NodeRecord,
  type NodeRef,
  type Properties,
} from '../extract/records.js';

/**
 * Writes one Update's records to Neo4j in ONE write transaction: an Update loads completely or not at all.
 * A changed text replaces what that Update contributed before (its Items, its evidence on shared edges);
 * the same text again is recognised by its hash and left alone.
 */

export type LoadStatus = 'loaded' | 'replaced' | 'unchanged';

/** Per node label or edge type: how many were created, and how many existing ones changed. */
export type ChangeCounts = Record<string, { created: number; updated: number }>;

export interface LoadOutcome {
  issueNumber: number;
  status: LoadStatus;
  nodes: ChangeCounts;
  edges: ChangeCounts;
}

export interface LoadOptions {
  /** sha256 of the source text, stored on the Issue to recognise an unchanged Update. */
  contentHash: string;
  /** Reload even when the text is unchanged. */
  force?: boolean;
  /** Test hook: runs inside the transaction after the writes, before commit. */
  beforeCommit?: (tx: Transaction) => Promise<void>;
}

const uid = (ref: NodeRef): string => uidOf(ref.label, ref.key);

export async function loadUpdate(
  db: Database,
  records: GraphRecords,
  options: LoadOptions,
): Promise<LoadOutcome> {
  const number = records.issueNumber;
  const key = issueKey(number);
  return db.writeTransaction(async (tx) => {
    const [status] = await tx.run('update-status', { issueKey: key });
    const present = status?.present === true;
    if (present && status?.contentHash === options.contentHash && options.force !== true) {
      return { issueNumber: number, status: 'unchanged', nodes: {}, edges: {} };
    }
    if (present) {
      await tx.run('retract-edges', { issueKey: key, itemPrefix: itemKeyPrefix(number) });
      await tx.run('retract-nodes', { number });
    }
    const nodes = countChanges(
      await tx.run('merge-nodes', { number, rows: nodeRows(records, options.contentHash) }),
      'label',
    );
    const edges = countChanges(await tx.run('merge-edges', { rows: edgeRows(records.edges) }), 'type');
    await options.beforeCommit?.(tx);
    return { issueNumber: number, status: present ? 'replaced' : 'loaded', nodes, edges };
  });
}

function nodeRows(records: GraphRecords, contentHash: string): Record<string, unknown>[] {
  return records.nodes.map((node: NodeRecord) => {
    const lists = Object.fromEntries((node.listProps ?? []).map((name) => [name, node.props[name] ?? []]));
    const props: Properties = Object.fromEntries(
      Object.entries(node.props).filter(([name]) => !(name in lists)),
    );
    if (node.label === 'Issue') props.contentHash = contentHash;
    // JS numbers reach Neo4j as floats; these are stored as integers (merge-nodes.cypher).
    const ints = integerPropertiesOf(node.label).filter((name) => typeof props[name] === 'number');
    return { uid: uid(node), label: node.label, key: node.key, props, lists, ints };
  });
}

/** One row per distinct edge, carrying all its evidence from this Update (see merge-edges.cypher for why). */
function edgeRows(edges: EdgeRecord[]): Record<string, unknown>[] {
  const rows = new Map<
    string,
    {
      from: string;
      to: string;
      type: string;
      key: string;
      props: Properties;
      ints: string[];
      evidence: Evidence[];
    }
  >();
  for (const edge of edges) {
    const id = `${uid(edge.from)}|${edge.type}|${uid(edge.to)}|${edge.key}`;
    const row = rows.get(id) ?? {
      from: uid(edge.from),
      to: uid(edge.to),
      type: edge.type,
      key: edge.key,
      props: edge.props,
      ints: integerEdgePropertiesOf(edge.type).filter((name) => typeof edge.props[name] === 'number'),
      evidence: [],
    };
    row.evidence.push(edge.evidence);
    rows.set(id, row);
  }
  return [...rows.values()];
}

function countChanges(rows: Record<string, unknown>[], by: 'label' | 'type'): ChangeCounts {
  return Object.fromEntries(
    rows.map((row) => [String(row[by]), { created: Number(row.created), updated: Number(row.updated) }]),
  );
}
