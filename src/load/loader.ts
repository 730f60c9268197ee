import { basename } from 'node:path';
import type { Database, Row, Transaction } from '../db/database.js';
import {
  integerEdgePropertiesOf,
  integerPropertiesOf,
  isNodeLabel,
  listPropertiesOf,
  uidOf,
  UPDATE_OWNED_LABELS,
  type NodeLabel,
} from '../graph/index.js';
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
import { foldVersions, propertyChanges, withoutVersion, withVersion, type Versions } from './versions.js';

/**
 * Writes one Update's records to Neo4j in ONE write transaction: an Update loads completely or not at all.
 * A changed version replaces what that Update contributed before (its Items, its evidence on shared edges);
 * the same records again are recognised by their hash and left alone. A version that looks worse than the
 * loaded one (fewer items, truncated, another date) is refused unless forced: see `decideLoad`. Shared nodes
 * and edges take their properties from every Update's version of them (src/load/versions.ts), so the graph
 * does not depend on the order Updates are loaded in.
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
      await refoldWithout(tx, number);
      await tx.run('retract-nodes', { number });
    }
    const nodeRows = await foldNodeRows(tx, number, describedNodes(records, options.contentHash));
    const nodes = countChanges(await tx.run('merge-nodes', { number, rows: nodeRows }), 'label');
    const edgeRows = await foldEdgeRows(tx, number, describedEdges(records.edges));
    const edges = countChanges(await tx.run('merge-edges', { rows: edgeRows }), 'type');
    if (decision.action === 'replace') await tx.run('delete-orphans', { number });
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

/**
 * The file's name, not where it sat on the machine that ingested it (the API shows it to anyone); a page
 * read from the web keeps its whole public address.
 */
const sourceName = (source: string): string => (/^https?:\/\//i.test(source) ? source : basename(source));

function incomingVersion(records: GraphRecords, options: LoadOptions): UpdateVersion {
  const issue = records.nodes.find((node) => node.label === 'Issue')!.props;
  return {
    contentHash: options.contentHash,
    date: String(issue.date),
    items: records.nodes.filter((node) => node.label === 'Item').length,
    truncated: issue.truncated === true,
    sourceFile: sourceName(String(issue.sourceFile)),
  };
}

/** A node as this Update describes it, before its versions are folded with the other Updates'. */
interface DescribedNode {
  uid: string;
  label: NodeLabel;
  key: string;
  props: Properties;
}

function describedNodes(records: GraphRecords, contentHash: string): DescribedNode[] {
  return records.nodes.map((node: NodeRecord) => {
    const props: Properties = { ...node.props };
    if (node.label === 'Issue') {
      props.contentHash = contentHash;
      props.sourceFile = sourceName(String(props.sourceFile));
    }
    return { uid: uid(node), label: node.label, key: node.key, props };
  });
}

/**
 * The merge-nodes rows: each shared node's properties folded from its stored versions and this Update's
 * (one query for the stored ones); an Update-owned node (Issue, Item) keeps this Update's as they are.
 */
async function foldNodeRows(tx: Transaction, number: number, nodes: DescribedNode[]) {
  const shared = nodes.filter((node) => !UPDATE_OWNED_LABELS.includes(node.label));
  const stored = await storedVersions(tx, 'node-versions', { uids: shared.map((node) => node.uid) }, 'uid');
  return nodes.map((node) => {
    if (UPDATE_OWNED_LABELS.includes(node.label))
      return { key: node.key, ...nodeRow(node, node.props, null) };
    const versions = withVersion(stored.get(node.uid) ?? [], number, node.props);
    return { key: node.key, owned: false, ...nodeRow(node, foldVersions(versions), versions) };
  });
}

/** What merge-nodes and refold-nodes set on a node (merge-nodes also takes its key). */
function nodeRow(node: Pick<DescribedNode, 'uid' | 'label'>, props: Properties, versions: Versions | null) {
  return {
    uid: node.uid,
    label: node.label,
    props,
    versions,
    lists: listPropertiesOf(node.label),
    // JS numbers reach Neo4j as floats; these are stored as integers (merge-nodes.cypher).
    ints: integerPropertiesOf(node.label).filter((name) => typeof props[name] === 'number'),
  };
}

/** One distinct edge as this Update describes it, with all its evidence from this Update. */
interface DescribedEdge {
  id: string;
  from: string;
  to: string;
  type: EdgeRecord['type'];
  key: string;
  props: Properties;
  evidence: Evidence[];
}

function describedEdges(edges: EdgeRecord[]): DescribedEdge[] {
  const described = new Map<string, DescribedEdge>();
  for (const edge of edges) {
    const id = `${uid(edge.from)}|${edge.type}|${uid(edge.to)}|${edge.key}`;
    const row = described.get(id) ?? {
      id,
      from: uid(edge.from),
      to: uid(edge.to),
      type: edge.type,
      key: edge.key,
      props: edge.props,
      evidence: [],
    };
    row.evidence.push(edge.evidence);
    described.set(id, row);
  }
  return [...described.values()];
}

/**
 * The merge-edges rows: an edge this Update gives properties to gets them folded with its stored versions
 * (one query for those edges); one it gives none to keeps what it has (props {}, versions null).
 */
async function foldEdgeRows(tx: Transaction, number: number, edges: DescribedEdge[]) {
  const saying = edges.filter((edge) => Object.keys(edge.props).length > 0);
  const stored = await storedVersions(
    tx,
    'edge-versions',
    { rows: saying.map(({ id, from, to, type, key }) => ({ id, from, to, type, key })) },
    'id',
  );
  return edges.map((edge) => {
    if (Object.keys(edge.props).length === 0) return edgeRow(edge, {}, null);
    const versions = withVersion(stored.get(edge.id) ?? [], number, edge.props);
    return edgeRow(edge, foldVersions(versions), versions);
  });
}

function edgeRow(edge: DescribedEdge, props: Properties, versions: Versions | null) {
  const { from, to, type, key, evidence } = edge;
  const ints = integerEdgePropertiesOf(type).filter((name) => typeof props[name] === 'number');
  return { from, to, type, key, evidence, props, versions, ints };
}

async function storedVersions(
  tx: Transaction,
  query: 'node-versions' | 'edge-versions',
  params: Record<string, unknown>,
  by: 'uid' | 'id',
): Promise<Map<string, Versions>> {
  const rows = await tx.run(query, params);
  return new Map(rows.map((row) => [String(row[by]), row.versions as Versions]));
}

/**
 * Takes Update `number`'s versions off the nodes and edges that hold one and sets what the other Updates'
 * versions give. A node left with no version is about to be deleted as an orphan, or described again by
 * the replacing version, so it keeps its properties until then.
 */
async function refoldWithout(tx: Transaction, number: number): Promise<void> {
  const [holders] = await tx.run('versions-of-update', { number });
  const nodes = (holders?.nodes ?? []) as { id: string; label: string[]; versions: Versions }[];
  const edges = (holders?.edges ?? []) as { id: string; type: EdgeRecord['type']; versions: Versions }[];
  const nodeRows = nodes.flatMap(({ id, label, versions }) => {
    const nodeLabel = label.find(isNodeLabel);
    const remaining = withoutVersion(versions, number);
    if (nodeLabel === undefined || remaining.length === 0) return [];
    const props = propertyChanges(foldVersions(versions), foldVersions(remaining));
    return [nodeRow({ uid: id, label: nodeLabel }, props, remaining)];
  });
  const edgeRows = edges.map(({ id, type, versions }) => {
    const remaining = withoutVersion(versions, number);
    const props = propertyChanges(foldVersions(versions), foldVersions(remaining));
    const ints = integerEdgePropertiesOf(type).filter((name) => typeof props[name] === 'number');
    return { id, props, versions: remaining.length > 0 ? remaining : null, ints };
  });
  if (nodeRows.length > 0) await tx.run('refold-nodes', { rows: nodeRows });
  if (edgeRows.length > 0) await tx.run('refold-edges', { rows: edgeRows });
}

function countChanges(rows: Record<string, unknown>[], by: 'label' | 'type'): ChangeCounts {
  return Object.fromEntries(
    rows.map((row) => [String(row[by]), { created: Number(row.created), updated: Number(row.updated) }]),
  );
}
