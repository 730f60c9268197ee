import { z } from 'zod';
import type { Database, RowReader, Transaction } from '../db/database.js';
import { edgeId, type EdgeIdentity } from '../graph/index.js';
import {
  assertedRel,
  mergeSubgraph,
  relIdentity,
  renameSubgraph,
  splitSubgraph,
  type SnapRel,
  type Subgraph,
} from './decision-transforms.js';
import { deleteEvidenceBeyond, storedForm, withWholeEvidence } from './edge-evidence.js';

/**
 * Curators' decisions (merge, keep apart, split, reject or assert an edge, rename), stored as `:Decision`
 * nodes and applied to the graph in their order. Applying one reads the part of the graph it touches, writes
 * what the decision makes of it (src/storage/decision-transforms.ts) and keeps both on the decision (`state`),
 * so that reverting it puts that part back exactly. Around every load the decisions are reverted (newest first)
 * and applied again (oldest first), so the loader always works on the graph as the reader gives it, and every
 * decision lasts across ingests, replacements, reloads and rebuilds. A decision whose subject is not in the
 * graph is `stale`: kept, not applied, and applied again once a load brings the subject back.
 */

export const DECISION_KINDS = [
  'MERGE',
  'KEEP_APART',
  'SPLIT',
  'REJECT_EDGE',
  'ASSERT_EDGE',
  'RENAME',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

const identity = z.object({ type: z.string(), from: z.string(), to: z.string(), key: z.string() });
export const decisionParams = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('MERGE'), keep: z.string(), others: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('KEEP_APART'), uids: z.array(z.string()).min(2) }),
  z.object({
    kind: z.literal('SPLIT'),
    uid: z.string(),
    newUid: z.string(),
    name: z.string(),
    updates: z.array(z.number().int()).min(1),
  }),
  z.object({ kind: z.literal('REJECT_EDGE'), edge: identity }),
  z.object({ kind: z.literal('ASSERT_EDGE'), edge: identity }),
  z.object({ kind: z.literal('RENAME'), uid: z.string(), name: z.string() }),
]);
export type DecisionParams = z.infer<typeof decisionParams>;

/** A decision as it is exported (`seslip-kg decisions export`): what was decided, by whom, when and why. */
export const decisionLine = z.object({
  id: z.string().min(1),
  seq: z.number().int().min(1),
  kind: z.enum(DECISION_KINDS),
  subjects: z.array(z.string()),
  params: decisionParams,
  note: z.string(),
  by: z.string(),
  at: z.string(),
  undone: z.boolean(),
  undoneBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type DecisionLine = z.infer<typeof decisionLine>;

/** What applying a decision changed: the part of the graph before and after, and whether it was nodes or edges. */
interface AppliedState {
  scope: 'nodes' | 'rels';
  before: Subgraph;
  after: Subgraph;
}

export interface Decision extends DecisionLine {
  stale: boolean;
  applied: boolean;
  state: AppliedState | null;
}

/** The Decision node's properties (JSON for the nested values) ↔ a Decision. */
function toProps(decision: Decision): Record<string, unknown> {
  return {
    uid: `Decision:${decision.id}`,
    id: decision.id,
    seq: decision.seq,
    kind: decision.kind,
    subjects: decision.subjects,
    params: JSON.stringify(decision.params),
    note: decision.note,
    by: decision.by,
    at: decision.at,
    undone: decision.undone,
    ...(decision.undoneBy === null ? {} : { undoneBy: decision.undoneBy }),
    ...(decision.undoneAt === null ? {} : { undoneAt: decision.undoneAt }),
    stale: decision.stale,
    applied: decision.applied,
    ...(decision.state === null ? {} : { state: JSON.stringify(decision.state) }),
  };
}

export function fromProps(props: Record<string, unknown>): Decision {
  const line = decisionLine.parse({
    ...props,
    params: JSON.parse(String(props.params)),
    undoneBy: props.undoneBy ?? null,
    undoneAt: props.undoneAt ?? null,
  });
  return {
    ...line,
    stale: props.stale === true,
    applied: props.applied === true,
    state: typeof props.state === 'string' ? (JSON.parse(props.state) as AppliedState) : null,
  };
}

export const lineOf = (decision: Decision): DecisionLine => {
  const { stale: _stale, applied: _applied, state: _state, ...line } = decision;
  return line;
};

/** A decision's evidence source (assertEdge's edges): not an Update's, so it names no Issue or Item. */
export const decisionSource = (id: string): string => `decision:${id}`;

/** Rows of the decision queries, checked as they are read. */
const propsRow = z.record(z.string(), z.unknown());
const keyLists = { ints: z.array(z.string()), intLists: z.array(z.string()) };
const snapRel = z.object({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  props: propsRow,
  ...keyLists,
});
const snapNode = z.object({ labels: z.array(z.string()), props: propsRow, ...keyLists });
const decisionRow = z.object({ decision: propsRow });
const relRow = z.object({ rel: snapRel });

const save = (tx: Transaction, decision: Decision) => tx.run('decision-save', { props: toProps(decision) });

export async function listDecisions(reader: RowReader): Promise<Decision[]> {
  const rows = await reader.query('decision-list', decisionRow);
  return rows.map((row) => fromProps(row.decision));
}

export async function nextSeq(tx: Transaction): Promise<number> {
  const [row] = await tx.query('decision-next-seq', z.object({ seq: z.number() }));
  return row?.seq ?? 1;
}

/** The uids among these that name a node, with its label. */
export async function existingNodes(
  reader: RowReader,
  uids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await reader.query('decision-nodes-exist', z.object({ uid: z.string(), label: z.string() }), {
    uids,
  });
  return new Map(rows.map((row) => [row.uid, row.label]));
}

/** The nodes with every relationship touching them, each with its whole evidence (src/storage/edge-evidence.ts). */
export async function readSubgraph(reader: RowReader, uids: readonly string[]): Promise<Subgraph> {
  const [row] = await reader.query(
    'decision-read-subgraph',
    z.object({ nodes: z.array(snapNode), rels: z.array(snapRel) }),
    { uids },
  );
  return { nodes: row?.nodes ?? [], rels: await withWholeEvidence(reader, row?.rels ?? []) };
}

export async function readRels(reader: RowReader, edges: readonly EdgeIdentity[]): Promise<SnapRel[]> {
  const rows = await reader.query('decision-read-rels', relRow, { edges });
  return withWholeEvidence(
    reader,
    rows.map((row) => row.rel),
  );
}

/** Puts `to` where `from` is: whole nodes (with every relationship they have), or relationships alone. */
async function replace(tx: Transaction, scope: AppliedState['scope'], from: Subgraph, to: Subgraph) {
  await deleteEvidenceBeyond(tx, [...from.rels, ...to.rels]);
  if (scope === 'nodes') {
    const uids = [...new Set([...from.nodes, ...to.nodes].map((node) => String(node.props.uid)))];
    await tx.run('decision-delete-nodes', { uids });
    if (to.nodes.length > 0) await tx.run('decision-create-nodes', { rows: to.nodes });
  } else {
    await tx.run('decision-delete-rels', { edges: [...from.rels, ...to.rels].map(relIdentity) });
  }
  if (to.rels.length === 0) return;
  const stored = storedForm(to.rels);
  await tx.run('decision-create-rels', { rows: stored.rels });
  await stored.storeEvidenceBeyond(tx);
}

/** What applying a decision to the graph as it is now does: its state, or null when its subject is gone. */
async function planApply(
  tx: Transaction,
  decision: Decision,
): Promise<{ state: AppliedState | null; stale: boolean }> {
  const p = decision.params;
  switch (p.kind) {
    case 'MERGE': {
      const sub = await readSubgraph(tx, [p.keep, ...p.others]);
      const present = new Set(sub.nodes.map((node) => String(node.props.uid)));
      const others = p.others.filter((uid) => present.has(uid));
      const stale = !present.has(p.keep) || others.length < p.others.length;
      if (!present.has(p.keep) || others.length === 0) return { state: null, stale };
      return { state: { scope: 'nodes', before: sub, after: mergeSubgraph(sub, p.keep, others) }, stale };
    }
    case 'RENAME': {
      const sub = await readSubgraph(tx, [p.uid]);
      if (sub.nodes.length === 0) return { state: null, stale: true };
      return {
        state: { scope: 'nodes', before: sub, after: renameSubgraph(sub, p.uid, p.name) },
        stale: false,
      };
    }
    case 'SPLIT': {
      const sub = await readSubgraph(tx, [p.uid, p.newUid]);
      if (!sub.nodes.some((node) => node.props.uid === p.uid)) return { state: null, stale: true };
      const after = splitSubgraph(sub, p.uid, p.newUid, p.name, p.updates);
      return { state: { scope: 'nodes', before: sub, after }, stale: false };
    }
    case 'REJECT_EDGE': {
      const rels = await readRels(tx, [p.edge]);
      if (rels.length === 0) return { state: null, stale: true };
      return {
        state: { scope: 'rels', before: { nodes: [], rels }, after: { nodes: [], rels: [] } },
        stale: false,
      };
    }
    case 'ASSERT_EDGE': {
      const nodes = await existingNodes(tx, [p.edge.from, p.edge.to]);
      if (nodes.size < new Set([p.edge.from, p.edge.to]).size) return { state: null, stale: true };
      const [existing] = await readRels(tx, [p.edge]);
      const evidence = {
        source: decisionSource(decision.id),
        quote: decision.note,
        date: decision.at.slice(0, 10),
      };
      const rel = assertedRel(existing ?? null, p.edge, evidence);
      const before = { nodes: [], rels: existing ? [existing] : [] };
      return { state: { scope: 'rels', before, after: { nodes: [], rels: [rel] } }, stale: false };
    }
    case 'KEEP_APART': {
      const nodes = await existingNodes(tx, p.uids);
      const stale = nodes.size < p.uids.length;
      const rows = await tx.query('decision-read-between', relRow, {
        uids: p.uids,
        type: 'POSSIBLY_SAME_AS',
      });
      const rels = rows.map((row) => row.rel);
      if (rels.length === 0) return { state: null, stale };
      return { state: { scope: 'rels', before: { nodes: [], rels }, after: { nodes: [], rels: [] } }, stale };
    }
  }
}

/** Applies one decision to the graph as it is now and records what it did (or that its subject is gone). */
export async function applyDecision(tx: Transaction, decision: Decision): Promise<Decision> {
  const { state, stale } = await planApply(tx, decision);
  if (state !== null) await replace(tx, state.scope, state.before, state.after);
  const applied: Decision = { ...decision, state, stale, applied: state !== null };
  await save(tx, applied);
  return applied;
}

async function revertDecision(tx: Transaction, decision: Decision): Promise<void> {
  if (decision.applied && decision.state !== null) {
    const { scope, before, after } = decision.state;
    await replace(tx, scope, after, before);
  }
  await save(tx, { ...decision, applied: false, state: null });
}

/** Takes every applied decision off the graph, newest first: what is left is the graph as the reader gave it. */
export async function revertAll(tx: Transaction): Promise<number> {
  const applied = (await listDecisions(tx)).filter((d) => d.applied).reverse();
  for (const decision of applied) await revertDecision(tx, decision);
  return applied.length;
}

/** Reverts every applied decision, then applies every decision not undone, oldest first. */
export async function replayAll(tx: Transaction): Promise<Decision[]> {
  await revertAll(tx);
  const replayed: Decision[] = [];
  for (const decision of await listDecisions(tx)) {
    replayed.push(decision.undone ? decision : await applyDecision(tx, decision));
  }
  return replayed;
}

/** The load hooks (src/load/ingest.ts, derive, import): off before a load, on again after it. */
export async function revertDecisions(db: Database): Promise<number> {
  if (!(await hasDecisions(db))) return 0;
  return db.writeTransaction((tx) => revertAll(tx));
}

export async function replayDecisions(db: Database): Promise<{ applied: number; stale: number }> {
  if (!(await hasDecisions(db))) return { applied: 0, stale: 0 };
  const replayed = await db.writeTransaction((tx) => replayAll(tx));
  return {
    applied: replayed.filter((d) => d.applied).length,
    stale: replayed.filter((d) => d.stale && !d.undone).length,
  };
}

async function hasDecisions(db: Database): Promise<boolean> {
  const [row] = await db.query('decision-count', z.object({ decisions: z.number() }));
  return (row?.decisions ?? 0) > 0;
}

/** Records a new decision (the last in order) and applies it to the graph. */
export async function recordDecision(tx: Transaction, line: Omit<DecisionLine, 'seq'>): Promise<Decision> {
  const seq = await nextSeq(tx);
  return applyDecision(tx, { ...line, seq, stale: false, applied: false, state: null });
}

/** Marks a decision undone and replays the others, so the graph is as if it had never been taken. */
export async function undoDecision(
  tx: Transaction,
  decision: Decision,
  by: string,
  at: string,
): Promise<Decision> {
  await revertAll(tx);
  await save(tx, { ...decision, undone: true, undoneBy: by, undoneAt: at, applied: false, state: null });
  const replayed = await replayAll(tx);
  return replayed.find((d) => d.id === decision.id)!;
}

/** Adds decisions read from a file (those whose id is known already are left as they are) and replays all. */
export async function importDecisions(
  db: Database,
  lines: DecisionLine[],
): Promise<{ added: number; known: number }> {
  return db.writeTransaction(async (tx) => {
    await revertAll(tx);
    const known = new Set((await listDecisions(tx)).map((d) => d.id));
    const fresh = lines.filter((line) => !known.has(line.id));
    for (const line of fresh) await save(tx, { ...line, stale: false, applied: false, state: null });
    await replayAll(tx);
    return { added: fresh.length, known: lines.length - fresh.length };
  });
}

/** Decisions with every stored property, as the whole-graph export carries them (applied state included). */
export async function decisionNodeProps(db: Database): Promise<Record<string, unknown>[]> {
  const rows = await db.query('decision-list', decisionRow);
  return rows.map((row) => row.decision);
}

/** The audit: one page of decisions, newest first, optionally about one subject (a node's or an edge's id). */
export async function decisionPage(
  db: Database,
  args: { subject: string | null; before: number | null; limit: number },
): Promise<{ total: number; page: Decision[] }> {
  const [row] = await db.query(
    'decision-page',
    z.object({ total: z.number(), page: z.array(propsRow) }),
    args,
  );
  return { total: row?.total ?? 0, page: (row?.page ?? []).map(fromProps) };
}

export async function findDecision(db: Database, id: string): Promise<Decision | null> {
  const rows = await db.query('decision-list', decisionRow);
  const found = rows.map((row) => row.decision).find((props) => props.id === id);
  return found === undefined ? null : fromProps(found);
}

/** The node a merge folded `uid` into, or null. */
export async function mergedInto(db: Database, uid: string): Promise<string | null> {
  const [row] = await db.query('merged-into', z.object({ uid: z.string() }), {
    uid,
    gid: Buffer.from(uid).toString('base64'),
  });
  return row?.uid ?? null;
}

export { edgeId };
