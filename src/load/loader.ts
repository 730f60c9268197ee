import { basename } from 'node:path';
import type { Database, Row, Transaction } from '../db/database.js';
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
 * A changed version replaces what that Update contributed before (its Items, its evidence on shared edges);
 * the same records again are recognised by their hash and left alone. A version that looks worse than the
 * loaded one (fewer items, truncated, another date) is refused unless forced: see `decideLoad`.
 */

export type LoadStatus = 'loaded' | 'replaced' | 'unchanged' | 'refused';

/** Per node label or edge type: how many were created, and how many existing ones changed. */
export type ChangeCounts = Record<string, { created: number; updated: number }>;

export interface LoadOutcome {
  issueNumber: number;
  status: LoadStatus;
  /** Why it was refused, or what a forced replacement overrode; null otherwise. */
  note: string | null;
  nodes: ChangeCounts;
  edges: ChangeCounts;
}

export interface LoadOptions {
  /** sha256 of the records (without the file name), stored on the Issue to recognise an unchanged Update. */
  contentHash: string;
  /** Reload an unchanged Update, and replace one the policy would refuse. */
  force?: boolean;
  /** Test hook: runs inside the transaction after the writes, before commit. */
  beforeCommit?: (tx: Transaction) => Promise<void>;
}

const uid = (ref: NodeRef): string => uidOf(ref.label, ref.key);

/** One version of an Update, as the replacement policy compares them. */
export interface UpdateVersion {
  contentHash: string;
  date: string;
  items: number;
  truncated: boolean;
  sourceFile: string;
}

export type LoadDecision =
  | { action: 'load' | 'unchanged'; note: null }
  | { action: 'replace'; note: string | null }
  | { action: 'refuse'; note: string };

/**
 * The replacement policy. A version with fewer items than the loaded one, or truncated where the loaded one
 * is complete, never replaces it; nor does one with another date for the same number (a conflict: two
 * different Updates, or a typo in one). Both are refused saying what differs, unless forced.
 */
export function decideLoad(
  number: number,
  loaded: UpdateVersion | null,
  incoming: UpdateVersion,
  force: boolean,
): LoadDecision {
  if (loaded === null) return { action: 'load', note: null };
  if (loaded.contentHash === incoming.contentHash) {
    return force ? { action: 'replace', note: null } : { action: 'unchanged', note: null };
  }
  const differences: string[] = [];
  if (loaded.date !== incoming.date) differences.push(`dates ${loaded.date} → ${incoming.date}`);
  if (incoming.items < loaded.items) differences.push(`items ${loaded.items} → ${incoming.items}`);
  if (incoming.truncated && !loaded.truncated)
    differences.push('this version is truncated, the loaded one is not');
  if (differences.length === 0) return { action: 'replace', note: null };
  const what = `Update ${number} from ${incoming.sourceFile} against the loaded ${loaded.sourceFile}: ${differences.join('; ')}`;
  if (force) return { action: 'replace', note: `forced (--force): ${what}` };
  const why =
    loaded.date !== incoming.date
      ? 'a different date for a known number is a conflict'
      : 'a less complete version never replaces a more complete one';
  return { action: 'refuse', note: `${what} — ${why}; check the file, or use --force to replace it` };
}

/** What `ingest --dry-run` reports: the decision `loadUpdate` would take now, without writing. */
export async function planLoad(
  db: Database,
  records: GraphRecords,
  options: LoadOptions,
): Promise<LoadDecision> {
  const [status] = await db.read('update-status', statusParams(records.issueNumber));
  return decideLoad(
    records.issueNumber,
    loadedVersion(status),
    incomingVersion(records, options),
    options.force === true,
  );
}

export async function loadUpdate(
  db: Database,
  records: GraphRecords,
  options: LoadOptions,
): Promise<LoadOutcome> {
  const number = records.issueNumber;
  const key = issueKey(number);
  return db.writeTransaction(async (tx) => {
    const [status] = await tx.run('update-status', statusParams(number));
    const decision = decideLoad(
      number,
      loadedVersion(status),
      incomingVersion(records, options),
      options.force === true,
    );
    if (decision.action === 'unchanged' || decision.action === 'refuse') {
      const status = decision.action === 'refuse' ? 'refused' : 'unchanged';
      return { issueNumber: number, status, note: decision.note, nodes: {}, edges: {} };
    }
    if (decision.action === 'replace') {
      await tx.run('retract-edges', { issueKey: key, itemPrefix: itemKeyPrefix(number) });
      await tx.run('retract-nodes', { number });
    }
    const nodes = countChanges(
      await tx.run('merge-nodes', { number, rows: nodeRows(records, options.contentHash) }),
      'label',
    );
    const edges = countChanges(await tx.run('merge-edges', { rows: edgeRows(records.edges) }), 'type');
    await options.beforeCommit?.(tx);
    const loadStatus = decision.action === 'replace' ? 'replaced' : 'loaded';
    return { issueNumber: number, status: loadStatus, note: decision.note, nodes, edges };
  });
}

const statusParams = (number: number) => ({ issueKey: issueKey(number), number });

function loadedVersion(status: Row | undefined): UpdateVersion | null {
  if (status?.present !== true) return null;
  return {
    contentHash: String(status.contentHash),
    date: String(status.date),
    items: Number(status.items),
    truncated: status.truncated === true,
    sourceFile: String(status.sourceFile),
  };
}

function incomingVersion(records: GraphRecords, options: LoadOptions): UpdateVersion {
  const issue = records.nodes.find((node) => node.label === 'Issue')!.props;
  return {
    contentHash: options.contentHash,
    date: String(issue.date),
    items: records.nodes.filter((node) => node.label === 'Item').length,
    truncated: issue.truncated === true,
    sourceFile: basename(String(issue.sourceFile)),
  };
}

function nodeRows(records: GraphRecords, contentHash: string): Record<string, unknown>[] {
  return records.nodes.map((node: NodeRecord) => {
    const lists = Object.fromEntries((node.listProps ?? []).map((name) => [name, node.props[name] ?? []]));
    const props: Properties = Object.fromEntries(
      Object.entries(node.props).filter(([name]) => !(name in lists)),
    );
    if (node.label === 'Issue') {
      props.contentHash = contentHash;
      // The file's name, not where it sat on the machine that ingested it: the API shows it to anyone.
      props.sourceFile = basename(String(props.sourceFile));
    }
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
