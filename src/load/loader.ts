import { basename } from 'node:path';
import { z } from 'zod';
import type { Database, RowReader, Transaction } from '../db/database.js';
import {
  compareEvidence,
  EVIDENCE_PREVIEW,
  evidenceEdgeId,
  integerEdgePropertiesOf,
  integerPropertiesOf,
  isNodeLabel,
  listPropertiesOf,
  uidOf,
  UPDATE_OWNED_LABELS,
  type EdgeType,
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
import { reportMoves, reportUrls, withReportsMoved, type ReportMoves } from './same-url.js';
import {
  foldVersions,
  needsPrevious,
  propertyChanges,
  said,
  withoutVersion,
  withVersion,
  type Versions,
} from './versions.js';
import { DERIVED_FROM_LABELS, emptyScope, type DeriveScope } from './derive.js';

/**
 * Writes Updates' records to Neo4j, a batch of them in ONE write transaction (`loadUpdates`; `loadUpdate` for
 * one): a batch commits completely or not at all, so each Update in it loads completely or not at all.
 * A changed version replaces what that Update contributed before (its Items, its evidence on shared edges);
 * the same records again are recognised by their hash and left alone. A version that looks worse than the
 * loaded one (fewer items, truncated, another date) is refused unless forced: see `decideLoad`. Shared nodes
 * and edges take their properties from every Update's description of them (src/load/versions.ts), so the graph
 * does not depend on the order Updates are loaded in (but for the key a Report linked under two titles keeps:
 * src/load/same-url.ts).
 *
 * The cost of an Update does not grow with the archive. Every node and edge is reached by its uid (an index),
 * edges by expanding only their own type, a linked Report by its url (an index); what a shared node keeps of
 * the Updates is bounded (`versions`, a count and the newest number); and each Update records on its own Issue
 * node what it described (`describedNodes`: "<uid>\t<JSON>", `describedEdges`:
 * "<from>\t<type>\t<to>\t<key>\t<JSON>", the JSON '' when it said nothing of the thing's properties), so a
 * replacement finds what to take back through the Update itself, never by searching the graph.
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

// The rows of the loader's queries, checked where they leave Neo4j (RowReader).
const updateStatusRow = z.discriminatedUnion('present', [
  z.object({ number: z.number(), present: z.literal(false) }),
  z.object({
    number: z.number(),
    present: z.literal(true),
    contentHash: z.string(),
    date: z.string(),
    truncated: z.boolean(),
    sourceFile: z.string(),
    items: z.number(),
    describedNodes: z.array(z.string()),
    describedEdges: z.array(z.string()),
  }),
]);
type LoadedStatus = Extract<z.output<typeof updateStatusRow>, { present: true }>;
const reportByUrlRow = z.object({ url: z.string(), key: z.string() });
const nodeVersionsRow = z.object({
  uid: z.string(),
  versions: z.array(z.string()),
  issueCount: z.number(),
  lastIssue: z.number().nullable(),
});
const edgeVersionsRow = z.object({ id: z.string(), versions: z.array(z.string()) });
const changeCounts = { created: z.number(), updated: z.number() };
const nodeChangesRow = z.object({ label: z.string(), ...changeCounts });
const edgeChangesRow = z.object({ type: z.string(), ...changeCounts, createdFrom: z.array(z.string()) });
const previousDescriberRow = z.object({ id: z.string(), number: z.number().nullable() });

/** The loaded versions of these Updates, by number (none for an Update not loaded). */
async function updateStatuses(reader: RowReader, numbers: number[]): Promise<Map<number, LoadedStatus>> {
  const rows = await reader.query('update-status', updateStatusRow, { numbers });
  return new Map(rows.flatMap((row) => (row.present ? [[row.number, row] as const] : [])));
}

/** What `ingest --dry-run` reports: the decision `loadUpdate` would take now, without writing. */
export async function planLoad(
  db: Database,
  records: GraphRecords,
  options: LoadOptions,
): Promise<LoadDecision> {
  const statuses = await updateStatuses(db, [records.issueNumber]);
  return decideLoad(
    records.issueNumber,
    loadedVersion(statuses.get(records.issueNumber)),
    incomingVersion(records, options),
    options.force === true,
  );
}

/** One Update of a batch: its records and how to load them. */
export interface UpdateToLoad {
  records: GraphRecords;
  options: LoadOptions;
}

/**
 * What a batch did. `deferred` lists the Updates of a batch of several that turned out to replace a loaded
 * version: a replacement runs in a transaction of its own (`loadUpdate`), after the batch, because taking a
 * version back reads the other Updates' records, which must not be half-written by the same batch.
 */
export interface BatchOutcome {
  outcomes: LoadOutcome[];
  deferred: UpdateToLoad[];
  nodes: ChangeCounts;
  edges: ChangeCounts;
  /** What the batch changed that derived edges depend on (src/load/derive.ts). */
  scope: DeriveScope;
}

export async function loadUpdate(
  db: Database,
  records: GraphRecords,
  options: LoadOptions,
): Promise<LoadOutcome & { scope: DeriveScope }> {
  const { outcomes, nodes, edges, scope } = await loadUpdates(db, [{ records, options }]);
  return { ...outcomes[0]!, nodes, edges, scope };
}

/** Loads a batch of Updates with distinct numbers in one write transaction (see the module comment). */
export async function loadUpdates(db: Database, batch: UpdateToLoad[]): Promise<BatchOutcome> {
  const numbers = batch.map((update) => update.records.issueNumber);
  if (new Set(numbers).size !== numbers.length)
    throw new Error(`loadUpdates: a batch holds one version of each Update, got ${numbers.join(', ')}`);
  return db.writeTransaction(async (tx) => {
    const statuses = await updateStatuses(tx, numbers);
    const outcomes: LoadOutcome[] = [];
    const deferred: UpdateToLoad[] = [];
    const toWrite: { records: GraphRecords; contentHash: string; replaced: LoadedStatus | null }[] = [];
    for (const update of batch) {
      const { records, options } = update;
      const number = records.issueNumber;
      const status = statuses.get(number);
      const decision = decideLoad(
        number,
        loadedVersion(status),
        incomingVersion(records, options),
        options.force === true,
      );
      if (decision.action === 'unchanged' || decision.action === 'refuse') {
        const loadStatus = decision.action === 'refuse' ? 'refused' : 'unchanged';
        outcomes.push({ issueNumber: number, status: loadStatus, note: decision.note, nodes: {}, edges: {} });
        continue;
      }
      if (decision.action === 'replace' && batch.length > 1) {
        deferred.push(update);
        continue;
      }
      toWrite.push({
        records,
        contentHash: options.contentHash,
        replaced: decision.action === 'replace' ? status! : null,
      });
      const loadStatus = decision.action === 'replace' ? 'replaced' : 'loaded';
      outcomes.push({ issueNumber: number, status: loadStatus, note: decision.note, nodes: {}, edges: {} });
    }
    const moves = await reportMovesOf(
      tx,
      toWrite.map((update) => update.records),
    );
    const plans = toWrite.map(({ records, contentHash, replaced }) =>
      planOf(withReportsMoved(records, moves), contentHash, replaced),
    );
    const { nodes, edges, scope } = plans.length === 0 ? nothingWritten() : await write(tx, plans);
    for (const update of batch) await update.options.beforeCommit?.(tx);
    return { outcomes, deferred, nodes, edges, scope };
  });
}

/** Where the batch's linked Reports load (src/load/same-url.ts): one index lookup per address. */
async function reportMovesOf(tx: Transaction, batch: GraphRecords[]): Promise<ReportMoves> {
  const urls = reportUrls(batch);
  if (urls.length === 0) return new Map();
  const rows = await tx.query('reports-by-url', reportByUrlRow, { urls });
  return reportMoves(batch, new Map(rows.map((row) => [row.url, row.key])));
}

function loadedVersion(status: LoadedStatus | undefined): UpdateVersion | null {
  if (status === undefined) return null;
  const { contentHash, date, items, truncated, sourceFile } = status;
  return { contentHash, date, items, truncated, sourceFile };
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

/** A node as this Update describes it, with what it says of the node's properties ('' for nothing). */
interface DescribedNode {
  uid: string;
  label: NodeLabel;
  key: string;
  owned: boolean;
  props: Properties;
  json: string;
}

/** One distinct edge as this Update describes it, with all its evidence from this Update. */
interface DescribedEdge {
  id: string;
  from: string;
  to: string;
  type: EdgeType;
  key: string;
  props: Properties;
  json: string;
  evidence: Evidence[];
}

/** What a replaced version described, read back from its Issue node: refs → JSON. */
interface Described {
  nodes: Map<string, string>;
  edges: Map<string, { from: string; type: EdgeType; to: string; key: string; json: string }>;
}

/** One Update to write: what it describes now, and what its replaced version described (null for a new one). */
interface Plan {
  number: number;
  nodes: DescribedNode[];
  edges: DescribedEdge[];
  old: Described | null;
}

function planOf(records: GraphRecords, contentHash: string, replaced: LoadedStatus | null): Plan {
  const edges = describedEdges(records.edges);
  const nodes = records.nodes.map((node: NodeRecord): DescribedNode => {
    const owned = UPDATE_OWNED_LABELS.includes(node.label);
    const props: Properties = { ...node.props };
    if (node.label === 'Issue') {
      props.contentHash = contentHash;
      props.sourceFile = sourceName(String(props.sourceFile));
    }
    return { uid: uid(node), label: node.label, key: node.key, owned, props, json: owned ? '' : said(props) };
  });
  // The Update's own record of what it described, on its Issue node (sorted: the same records, the same lists).
  const issue = nodes.find((node) => node.label === 'Issue')!;
  issue.props.describedNodes = nodes.map((node) => `${node.uid}\t${node.json}`).sort();
  issue.props.describedEdges = edges.map((edge) => `${edge.id}\t${edge.json}`).sort();
  return { number: records.issueNumber, nodes, edges, old: replaced === null ? null : describedBy(replaced) };
}

function describedBy(status: LoadedStatus): Described {
  const nodes = new Map<string, string>();
  for (const entry of status.describedNodes) {
    const tab = entry.indexOf('\t');
    nodes.set(entry.slice(0, tab), entry.slice(tab + 1));
  }
  const edges: Described['edges'] = new Map();
  for (const entry of status.describedEdges) {
    const [from, type, to, key, json] = entry.split('\t') as [string, EdgeType, string, string, string];
    edges.set(evidenceEdgeId(from, type, to, key), { from, type, to, key, json });
  }
  return { nodes, edges };
}

function describedEdges(edges: EdgeRecord[]): DescribedEdge[] {
  const described = new Map<string, DescribedEdge>();
  for (const edge of edges) {
    const id = evidenceEdgeId(uid(edge.from), edge.type, uid(edge.to), edge.key);
    const row = described.get(id) ?? {
      id,
      from: uid(edge.from),
      to: uid(edge.to),
      type: edge.type,
      key: edge.key,
      props: edge.props,
      json: said(edge.props),
      evidence: [],
    };
    row.evidence.push(edge.evidence);
    described.set(id, row);
  }
  return [...described.values()];
}

/** A shared node's bookkeeping while a batch is worked out: as stored, and as it will be. */
interface NodeState {
  existed: boolean;
  before: Versions;
  versions: Versions;
  issueCount: number;
  lastIssue: number | null;
  changed: boolean;
}

interface EdgeState {
  ref: { from: string; type: EdgeType; to: string; key: string };
  before: Versions;
  versions: Versions;
  changed: boolean;
}

/** A lookup of the newest Update below `below` that described `ref` (with exactly `json`, when not null). */
interface PreviousLookup {
  id: string;
  ref: string;
  json: string | null;
  below: number;
  edge: boolean;
}

const labelOfUid = (nodeUid: string): NodeLabel => {
  const label = nodeUid.slice(0, nodeUid.indexOf(':'));
  if (!isNodeLabel(label)) throw new Error(`loader: ${nodeUid} is not a node uid`);
  return label;
};

/**
 * Runs an edge query over `rows` (each naming its edge's type, so one query serves every type) and checks the
 * rows it returns against `shape`, or runs nothing when there are none: a round trip costs more than most of
 * these queries' work. `runEdges` is the same for a query whose rows are not read.
 */
async function queryEdges<Shape extends z.ZodType>(
  tx: Transaction,
  query: string,
  shape: Shape,
  rows: readonly { type: EdgeType }[],
  params: Record<string, unknown> = {},
): Promise<z.output<Shape>[]> {
  return rows.length === 0 ? [] : tx.query(query, shape, { ...params, rows });
}

async function runEdges(
  tx: Transaction,
  query: string,
  rows: readonly { type: EdgeType }[],
  params: Record<string, unknown> = {},
): Promise<void> {
  if (rows.length > 0) await tx.run(query, { ...params, rows });
}

interface Written {
  nodes: ChangeCounts;
  edges: ChangeCounts;
  scope: DeriveScope;
}

const nothingWritten = (): Written => ({ nodes: {}, edges: {}, scope: emptyScope() });

/** Writes the plans (new Updates, or one replacement) in the transaction; returns what changed. */
async function write(tx: Transaction, plans: Plan[]): Promise<Written> {
  // 1. The stored bookkeeping of every shared node and described edge the batch touches (index lookups).
  const sharedUids = new Set<string>();
  const edgeRefs = new Map<string, EdgeState['ref']>();
  for (const plan of plans) {
    for (const node of plan.nodes) if (!node.owned) sharedUids.add(node.uid);
    for (const edge of plan.edges) if (edge.json !== '') edgeRefs.set(edge.id, edge);
    for (const [nodeUid] of plan.old?.nodes ?? []) {
      if (!UPDATE_OWNED_LABELS.includes(labelOfUid(nodeUid))) sharedUids.add(nodeUid);
    }
    for (const [id, old] of plan.old?.edges ?? []) if (old.json !== '') edgeRefs.set(id, old);
  }
  const nodeStates = new Map<string, NodeState>();
  for (const nodeUid of sharedUids)
    nodeStates.set(nodeUid, {
      existed: false,
      before: [],
      versions: [],
      issueCount: 0,
      lastIssue: null,
      changed: false,
    });
  for (const row of await tx.query('node-versions', nodeVersionsRow, { uids: [...sharedUids] })) {
    const { versions, issueCount, lastIssue } = row;
    Object.assign(nodeStates.get(row.uid)!, {
      existed: true,
      before: versions,
      versions,
      issueCount,
      lastIssue,
    });
  }
  const edgeStates = new Map<string, EdgeState>();
  for (const [id, ref] of edgeRefs) edgeStates.set(id, { ref, before: [], versions: [], changed: false });
  const refRows = [...edgeRefs].map(([id, ref]) => ({ id, ...ref }));
  for (const row of await queryEdges(tx, 'edge-versions', edgeVersionsRow, refRows)) {
    const state = edgeStates.get(row.id)!;
    state.before = row.versions;
    state.versions = row.versions;
  }

  // 2. Take replaced versions back (a replacement is alone in its batch), then add what each Update says.
  for (const plan of plans) if (plan.old !== null) await takeBack(tx, plan, plan.old, nodeStates, edgeStates);
  for (const plan of plans) {
    for (const node of plan.nodes) {
      if (node.owned) continue;
      const state = nodeStates.get(node.uid)!;
      const before = plan.old?.nodes.get(node.uid);
      if (before === node.json) continue;
      state.versions = withVersion(state.versions, plan.number, node.json);
      if (before === undefined) {
        state.issueCount += 1;
        state.lastIssue = Math.max(state.lastIssue ?? plan.number, plan.number);
      }
      state.changed = true;
    }
    for (const edge of plan.edges) {
      if (edge.json === '' || plan.old?.edges.get(edge.id)?.json === edge.json) continue;
      const state = edgeStates.get(edge.id)!;
      state.versions = withVersion(state.versions, plan.number, edge.json);
      state.changed = true;
    }
  }

  // 3. Evidence of replaced versions off their edges.
  const retracted = plans.flatMap((plan) =>
    [...(plan.old?.edges.entries() ?? [])].map(([id, ref]) => ({
      ...ref,
      id,
      number: plan.number,
      issueKey: issueKey(plan.number),
      itemPrefix: itemKeyPrefix(plan.number),
    })),
  );
  await runEdges(tx, 'retract-evidence', retracted, { preview: EVIDENCE_PREVIEW });

  // 4. Nodes: each once, owned ones as this version has them, shared ones as their descriptions fold.
  const nodeRows: Record<string, unknown>[] = [];
  const written = new Set<string>();
  for (const plan of plans) {
    for (const node of plan.nodes) {
      if (node.owned) {
        nodeRows.push(nodeRow(node.uid, node.label, node.key, true, node.props, null, null));
        continue;
      }
      // A node named again: MERGEd even when nothing changed, so that an edge can reach it.
      if (written.has(node.uid)) continue;
      written.add(node.uid);
      nodeRows.push(sharedNodeRow(node.uid, nodeStates.get(node.uid)!));
    }
  }
  for (const [nodeUid, state] of nodeStates) {
    if (!written.has(nodeUid) && state.changed) nodeRows.push(sharedNodeRow(nodeUid, state));
  }
  const nodes = countChanges(
    (await tx.query('merge-nodes', nodeChangesRow, { rows: nodeRows })).map((row) => [row.label, row]),
  );

  // 5. Edges: each once per batch with all the batch's evidence for it.
  const merged = new Map<string, DescribedEdge>();
  for (const plan of plans) {
    for (const edge of plan.edges) {
      const seen = merged.get(edge.id);
      if (seen === undefined) merged.set(edge.id, { ...edge, evidence: [...edge.evidence] });
      else seen.evidence.push(...edge.evidence);
    }
  }
  const edgeRows = [...merged.values()].map((edge) => {
    const state = edgeStates.get(edge.id);
    const changed = state?.changed === true;
    const props = changed ? propertyChanges(foldVersions(state.before), foldVersions(state.versions)) : {};
    const evidence = distinctEvidence(edge.evidence);
    const ints = integerEdgePropertiesOf(edge.type).filter((name) => typeof props[name] === 'number');
    const { id, from, to, type, key } = edge;
    return {
      id,
      from,
      to,
      type,
      key,
      evidence,
      props,
      ints,
      setVersions: changed,
      versions: stored(state?.versions),
    };
  });
  const edgeChanges = await queryEdges(tx, 'merge-edges', edgeChangesRow, edgeRows, {
    preview: EVIDENCE_PREVIEW,
  });
  const edges = countChanges(edgeChanges.map((row) => [row.type, row]));
  const scope = scopeOf(plans, nodes);
  for (const row of edgeChanges) if (row.type === 'CONTACT_FOR') scope.contacts.push(...row.createdFrom);

  // 6. A replacement: refold the edges only the old version described, delete what nothing supports any more.
  for (const plan of plans) {
    if (plan.old === null) continue;
    const dropped = [...plan.old.edges].filter(([id]) => !merged.has(id)).map(([, ref]) => ref);
    const refolded = dropped.flatMap((ref) => {
      const state = edgeStates.get(evidenceEdgeId(ref.from, ref.type, ref.to, ref.key));
      if (state === undefined || !state.changed) return [];
      const props = propertyChanges(foldVersions(state.before), foldVersions(state.versions));
      const ints = integerEdgePropertiesOf(ref.type).filter((name) => typeof props[name] === 'number');
      return [{ ...ref, props, ints, versions: stored(state.versions) }];
    });
    await runEdges(tx, 'refold-edges', refolded);
    await runEdges(tx, 'delete-emptied-edges', dropped);
    scope.contacts.push(...dropped.filter((ref) => ref.type === 'CONTACT_FOR').map((ref) => ref.from));
    const now = new Set(plan.nodes.map((node) => node.uid));
    const gone = [...plan.old.nodes.keys()].filter((nodeUid) => !now.has(nodeUid));
    await tx.run('delete-orphans', {
      items: gone.filter((nodeUid) => labelOfUid(nodeUid) === 'Item').map((nodeUid) => nodeUid.slice(5)),
      uids: gone.filter((nodeUid) => !UPDATE_OWNED_LABELS.includes(labelOfUid(nodeUid))),
    });
  }
  return { nodes, edges, scope };
}

/**
 * The nodes derived edges hang on that the plans describe, now or in a replaced version, and whether the set
 * of networks may have changed (a network created, or one a replaced version named and the new one does not).
 */
function scopeOf(plans: Plan[], nodes: ChangeCounts): DeriveScope {
  const scope = emptyScope();
  const derivedFrom = (nodeUid: string) => DERIVED_FROM_LABELS.includes(labelOfUid(nodeUid));
  for (const plan of plans) {
    const now = plan.nodes.map((node) => node.uid);
    const before = [...(plan.old?.nodes.keys() ?? [])];
    scope.touched.push(...now.filter(derivedFrom), ...before.filter(derivedFrom));
    const named = new Set(now);
    if (before.some((nodeUid) => labelOfUid(nodeUid) === 'Network' && !named.has(nodeUid)))
      scope.networksChanged = true;
  }
  if ((nodes.Network?.created ?? 0) > 0) scope.networksChanged = true;
  return scope;
}

/**
 * Takes a replaced version's descriptions off the nodes and edges it described and the new one describes
 * otherwise or not at all (what both describe alike stays as it is). Where it was the newest Update to give a
 * description that others gave too, or the newest to name a node others name too, the next newest is looked
 * up in the Updates' own records (one query for all).
 */
async function takeBack(
  tx: Transaction,
  plan: Plan,
  old: Described,
  nodeStates: Map<string, NodeState>,
  edgeStates: Map<string, EdgeState>,
): Promise<void> {
  const now = new Map(plan.nodes.map((node) => [node.uid, node.json]));
  const nowEdges = new Map(plan.edges.map((edge) => [edge.id, edge.json]));
  const lookups: PreviousLookup[] = [];
  const nodeChanges: { state: NodeState; json: string; named: boolean; descId: string; lastId: string }[] =
    [];
  for (const [nodeUid, json] of old.nodes) {
    const state = nodeStates.get(nodeUid);
    if (state === undefined || now.get(nodeUid) === json) continue;
    const named = now.has(nodeUid);
    const change = { state, json, named, descId: `d:${nodeUid}`, lastId: `n:${nodeUid}` };
    if (needsPrevious(state.versions, plan.number, json))
      lookups.push({ id: change.descId, ref: nodeUid, json, below: plan.number, edge: false });
    if (!named && state.lastIssue === plan.number && state.issueCount > 1)
      lookups.push({ id: change.lastId, ref: nodeUid, json: null, below: plan.number, edge: false });
    nodeChanges.push(change);
  }
  const edgeChanges: { state: EdgeState; json: string; descId: string }[] = [];
  for (const [id, ref] of old.edges) {
    const state = edgeStates.get(id);
    if (state === undefined || nowEdges.get(id) === ref.json) continue;
    const change = { state, json: ref.json, descId: `e:${id}` };
    if (needsPrevious(state.versions, plan.number, ref.json))
      lookups.push({ id: change.descId, ref: id, json: ref.json, below: plan.number, edge: true });
    edgeChanges.push(change);
  }
  const previous = new Map<string, number | null>();
  if (lookups.length > 0) {
    for (const row of await tx.query('previous-describers', previousDescriberRow, { rows: lookups }))
      previous.set(row.id, row.number);
  }
  for (const { state, json, named, descId, lastId } of nodeChanges) {
    state.versions = withoutVersion(state.versions, plan.number, json, previous.get(descId) ?? null);
    if (!named) {
      state.issueCount -= 1;
      if (state.lastIssue === plan.number) state.lastIssue = previous.get(lastId) ?? null;
    }
    state.changed = true;
  }
  for (const { state, json, descId } of edgeChanges) {
    state.versions = withoutVersion(state.versions, plan.number, json, previous.get(descId) ?? null);
    state.changed = true;
  }
}

/** Versions as stored: none is no property at all, whatever the history. */
const stored = (versions: Versions | undefined): Versions | null =>
  versions === undefined || versions.length === 0 ? null : versions;

function sharedNodeRow(nodeUid: string, state: NodeState) {
  const label = labelOfUid(nodeUid);
  const key = nodeUid.slice(label.length + 1);
  // A node no description is left on is about to be deleted as an orphan: it keeps its properties until then.
  const props = state.existed
    ? state.changed && state.versions.length > 0
      ? propertyChanges(foldVersions(state.before), foldVersions(state.versions))
      : {}
    : foldVersions(state.versions);
  return nodeRow(nodeUid, label, key, false, props, stored(state.versions), state);
}

/** What merge-nodes sets on a node. */
function nodeRow(
  nodeUid: string,
  label: NodeLabel,
  key: string,
  owned: boolean,
  props: Properties,
  versions: Versions | null,
  state: NodeState | null,
) {
  return {
    uid: nodeUid,
    label,
    key,
    owned,
    props,
    versions,
    issueCount: state === null || state.issueCount === 0 ? null : state.issueCount,
    lastIssue: state?.lastIssue ?? null,
    lists: listPropertiesOf(label),
    // JS numbers reach Neo4j as floats; these are stored as integers (merge-nodes.cypher).
    ints: integerPropertiesOf(label).filter((name) => typeof props[name] === 'number'),
  };
}

/** One Update's evidence for an edge, each (source, quote, date) once, in evidence order. */
function distinctEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of evidence)
    seen.set(JSON.stringify([e.date, e.source, e.quote]), { source: e.source, quote: e.quote, date: e.date });
  return [...seen.values()].sort(compareEvidence);
}

/** The changes merge-nodes or merge-edges reported, each under its label or type, summed by it. */
function countChanges(rows: [name: string, changes: { created: number; updated: number }][]): ChangeCounts {
  const counts: ChangeCounts = {};
  for (const [name, { created, updated }] of rows) {
    const sum = counts[name] ?? { created: 0, updated: 0 };
    counts[name] = { created: sum.created + created, updated: sum.updated + updated };
  }
  return counts;
}
