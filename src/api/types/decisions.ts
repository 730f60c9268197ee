import { randomUUID } from 'node:crypto';
import { normaliseName } from '../../text/names.js';
import {
  EDGE_CATALOGUE,
  edgeId,
  isNodeLabel,
  parseEdgeId,
  type EdgeIdentity,
  type NodeLabel,
} from '../../graph/index.js';
import type { Database } from '../../db/database.js';
import { splitReach } from '../../storage/decision-transforms.js';
import {
  DECISION_KINDS,
  decisionPage,
  existingNodes,
  findDecision,
  readRels,
  readSubgraph,
  recordDecision,
  undoDecision,
  type Decision,
  type DecisionLine,
  type DecisionParams,
} from '../../storage/decisions.js';
import { requireCurator } from '../auth.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { MAX_PAGE_SIZE } from '../pagination.js';

/**
 * Curators' decisions through the API: the mutations that record them (each refused before anything is
 * written unless the request carries a curator's key, and when its input is wrong), and the audit
 * (`decisions`), newest first. src/storage/decisions.ts applies them and keeps them applied across loads.
 */

export const MAX_NOTE = 2000;
const MAX_NAME = 300;
/** Kinds of entity a curator may merge, split or rename: those an Update names (not Updates and items). */
const CURATED: readonly NodeLabel[] = [
  'Person',
  'Organisation',
  'Network',
  'LocalAuthority',
  'Report',
  'Meeting',
];

/** A node's Relay global id ↔ its uid: the id is base64 of "<Type>:<key>", which is the uid. */
export const globalIdOf = (uid: string): string => Buffer.from(uid).toString('base64');

function uidOfGlobalId(id: string | number, field: string): { uid: string; label: NodeLabel } {
  const text = Buffer.from(String(id), 'base64').toString('utf8');
  const label = text.slice(0, text.indexOf(':'));
  if (!isNodeLabel(label) || globalIdOf(text) !== String(id))
    throw badInput(`${field}: ${String(id)} is not the id of an entity`, field);
  return { uid: text, label };
}

function checkedNote(note: string): string {
  const trimmed = note.trim();
  if (trimmed === '') throw badInput('note must say why (it is empty)', 'note');
  if (note.length > MAX_NOTE)
    throw badInput(`note must be at most ${MAX_NOTE} characters, got ${note.length}`, 'note');
  return trimmed;
}

function checkedName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed === '') throw badInput('name must not be empty', 'name');
  if (trimmed.length > MAX_NAME) throw badInput(`name must be at most ${MAX_NAME} characters`, 'name');
  return trimmed;
}

/** The entities the ids name, each checked to be in the graph; throws BAD_USER_INPUT for an unknown one. */
async function entities(db: Database, ids: readonly (string | number)[], field: string) {
  const parsed = ids.map((id) => uidOfGlobalId(id, field));
  const found = await existingNodes(
    db,
    parsed.map((p) => p.uid),
  );
  for (const [i, { uid }] of parsed.entries())
    if (!found.has(uid)) throw badInput(`${field}: no entity has the id ${String(ids[i])} (${uid})`, field);
  return parsed;
}

function sameKind(nodes: { uid: string; label: NodeLabel }[], verb: string): NodeLabel {
  const labels = new Set(nodes.map((n) => n.label));
  if (labels.size > 1)
    throw badInput(`cannot ${verb} entities of different kinds (${[...labels].join(', ')})`, 'ids');
  const [label] = labels;
  return label!;
}

function distinct(nodes: { uid: string }[], verb: string): void {
  if (nodes.length < 2) throw badInput(`${verb} needs at least two ids`, 'ids');
  if (new Set(nodes.map((n) => n.uid)).size < nodes.length)
    throw badInput(`cannot ${verb} an entity with itself (an id is given twice)`, 'ids');
}

function curatedKind(label: NodeLabel, verb: string): void {
  if (!CURATED.includes(label))
    throw badInput(
      `cannot ${verb} ${label} nodes (they are one Update's own); curate ${CURATED.join(', ')}`,
      'ids',
    );
}

/** What a mutation decided, once its arguments are checked against the graph. */
interface Decided {
  subjects: string[];
  params: DecisionParams;
}

/**
 * The resolver of a mutation that records one decision: refused without a curator's key or with an empty
 * or overlong note before anything is read, then `decided` checks the other arguments against the graph
 * (throwing BAD_USER_INPUT) and says what to record. The decision is recorded as the newest (applying it)
 * and returned.
 */
function recording<Args extends { note: string }>(
  decided: (args: Args, context: Context) => Promise<Decided>,
): (root: unknown, args: Args, context: Context) => Promise<Decision> {
  return async (_root, args, context) => {
    const by = requireCurator(context.curator);
    const note = checkedNote(args.note);
    const { subjects, params } = await decided(args, context);
    const line: Omit<DecisionLine, 'seq'> = {
      id: randomUUID(),
      kind: params.kind,
      subjects,
      params,
      note,
      by,
      at: new Date().toISOString(),
      undone: false,
      undoneBy: null,
      undoneAt: null,
    };
    const decision = await context.db.writeTransaction((tx) => recordDecision(tx, line));
    context.log.info('decision recorded', {
      decision: decision.id,
      kind: params.kind,
      by,
      stale: decision.stale,
    });
    return decision;
  };
}

const DecisionKindEnum = builder.enumType('DecisionKind', {
  description: 'What a curator decided.',
  values: DECISION_KINDS,
});

const DecisionRef = builder.objectRef<Decision>('Decision').implement({
  description:
    'A curator’s decision about the graph: applied after every load, in order, until undone. Stale when its subject is not in the graph now (applied again when a load brings it back).',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: DecisionKindEnum, resolve: (d) => d.kind }),
    subjects: t.idList({
      description:
        'The ids of the entities and edges it is about (entity ids as `node(id:)` takes them, edge ids as connection edges give them).',
      resolve: (d) => d.subjects,
    }),
    note: t.exposeString('note', { description: 'Why, as the curator wrote it.' }),
    by: t.exposeString('by', { description: 'The curator (their name in CURATOR_KEYS).' }),
    at: t.exposeString('at', { description: 'When, ISO 8601 date and time (UTC).' }),
    undone: t.exposeBoolean('undone'),
    undoneBy: t.string({ nullable: true, resolve: (d) => d.undoneBy }),
    undoneAt: t.string({ nullable: true, resolve: (d) => d.undoneAt }),
    stale: t.exposeBoolean('stale', {
      description: 'Its subject is not in the graph now (the reader no longer yields it): kept, not applied.',
    }),
    applied: t.exposeBoolean('applied', { description: 'It holds in the graph now.' }),
    name: t.string({
      nullable: true,
      description: 'The new name (renameEntity, splitEntity).',
      resolve: (d) => (d.params.kind === 'RENAME' || d.params.kind === 'SPLIT' ? d.params.name : null),
    }),
    updates: t.intList({
      nullable: true,
      description: 'The Updates whose statements splitEntity moved.',
      resolve: (d) => (d.params.kind === 'SPLIT' ? d.params.updates : null),
    }),
    edgeType: t.string({
      nullable: true,
      description: 'The type of the edge rejected or asserted.',
      resolve: (d) =>
        d.params.kind === 'REJECT_EDGE' || d.params.kind === 'ASSERT_EDGE' ? d.params.edge.type : null,
    }),
  }),
});

interface DecisionEdge {
  cursor: string;
  node: Decision;
}

const DecisionEdgeRef = builder.objectRef<DecisionEdge>('DecisionEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: DecisionRef, resolve: (e) => e.node }),
  }),
});

interface DecisionPage {
  edges: DecisionEdge[];
  totalCount: number;
  hasNextPage: boolean;
  after: boolean;
}

const DecisionConnectionRef = builder.objectRef<DecisionPage>('DecisionConnection').implement({
  description: 'The audit: decisions, newest first.',
  fields: (t) => ({
    edges: t.field({ type: [DecisionEdgeRef], resolve: (page) => page.edges }),
    totalCount: t.int({ resolve: (page) => page.totalCount }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      resolve: (page) => ({
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.after,
        startCursor: page.edges[0]?.cursor ?? null,
        endCursor: page.edges.at(-1)?.cursor ?? null,
      }),
    }),
  }),
});

/** Keyset cursors: a decision's place in the order (seq), so a page stays put when decisions are added. */
const cursorOf = (d: Decision): string => Buffer.from(`decision:${d.seq}`).toString('base64url');
function seqOfCursor(cursor: string): number {
  const match = /^decision:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (match === null) throw badInput('after is not a cursor of decisions', 'after');
  return Number(match[1]);
}

builder.queryFields((t) => ({
  decisions: t.field({
    type: DecisionConnectionRef,
    description:
      'Curators’ decisions, newest first (undone ones too), optionally about one entity or edge id.',
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      subject: t.arg.id({ required: false, description: 'An entity id or an edge id.' }),
    },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    resolve: async (_root, args, { db }) => {
      const first = args.first ?? 20;
      if (first < 0 || first > MAX_PAGE_SIZE)
        throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
      const before = args.after ? seqOfCursor(args.after) : null;
      const { total, page } = await decisionPage(db, {
        subject: args.subject === null || args.subject === undefined ? null : String(args.subject),
        before,
        limit: first + 1,
      });
      const edges = page.slice(0, first).map((node) => ({ cursor: cursorOf(node), node }));
      return { edges, totalCount: total, hasNextPage: page.length > first, after: before !== null };
    },
  }),
}));

builder.mutationType({
  description: 'Curators’ decisions: each needs `Authorization: Bearer <key>` with a key of CURATOR_KEYS.',
});

const NOTE_DESCRIPTION = `Why (1 to ${MAX_NOTE} characters).`;

builder.mutationFields((t) => {
  const noteArg = () => t.arg.string({ required: true, description: NOTE_DESCRIPTION });
  return {
    mergeEntities: t.field({
      type: DecisionRef,
      description:
        'Merges entities of one kind into the first: the others’ names become its aliases, every edge (with its evidence) moves to it, and their ids and names find it.',
      args: {
        ids: t.arg.idList({ required: true }),
        note: noteArg(),
      },
      resolve: recording(async (args, context) => {
        const nodes = await entities(context.db, args.ids, 'ids');
        distinct(nodes, 'merge');
        curatedKind(sameKind(nodes, 'merge'), 'merge');
        const [keep, ...others] = nodes.map((n) => n.uid);
        return {
          subjects: nodes.map((n) => globalIdOf(n.uid)),
          params: { kind: 'MERGE', keep: keep!, others },
        };
      }),
    }),
    keepApart: t.field({
      type: DecisionRef,
      description: 'Dismisses possiblySameAs between entities: they stay apart.',
      args: {
        ids: t.arg.idList({ required: true }),
        note: noteArg(),
      },
      resolve: recording(async (args, context) => {
        const nodes = await entities(context.db, args.ids, 'ids');
        distinct(nodes, 'keep apart');
        sameKind(nodes, 'keep apart');
        const uids = nodes.map((n) => n.uid);
        return { subjects: uids.map(globalIdOf), params: { kind: 'KEEP_APART', uids } };
      }),
    }),
    splitEntity: t.field({
      type: DecisionRef,
      description:
        'Moves what the listed Updates say about an entity to a new entity named `name` (one name standing for two people).',
      args: {
        id: t.arg.id({ required: true }),
        name: t.arg.string({ required: true }),
        updates: t.arg.intList({ required: true }),
        note: noteArg(),
      },
      resolve: recording(async (args, context) => {
        const name = checkedName(args.name);
        const [node] = await entities(context.db, [args.id], 'id');
        curatedKind(node!.label, 'split');
        const updates = [...new Set(args.updates)].sort((a, b) => a - b);
        if (updates.length === 0) throw badInput('updates must list at least one Update number', 'updates');
        const newUid = `${node!.label}:${normaliseName(name)}`;
        if (newUid === node!.uid)
          throw badInput('the new name is the entity’s own: give another name', 'name');
        const sub = await readSubgraph(context.db, [node!.uid]);
        if (splitReach(sub, node!.uid, updates) === 0)
          throw badInput(`Updates ${updates.join(', ')} say nothing about this entity`, 'updates');
        return {
          subjects: [globalIdOf(node!.uid), globalIdOf(newUid)],
          params: { kind: 'SPLIT', uid: node!.uid, newUid, name, updates },
        };
      }),
    }),
    rejectEdge: t.field({
      type: DecisionRef,
      description:
        'Hides an edge (its id from a connection edge) from every answer, count, path, search and export; it stays listed in the audit.',
      args: {
        id: t.arg.id({ required: true }),
        note: noteArg(),
      },
      resolve: recording(async (args, context) => {
        const edge = parseEdgeId(String(args.id));
        if (edge === null) throw badInput(`id: ${String(args.id)} is not an edge id`, 'id');
        if ((await readRels(context.db, [edge])).length === 0)
          throw badInput(`id: no edge has the id ${String(args.id)}`, 'id');
        const subjects = [String(args.id), globalIdOf(edge.from), globalIdOf(edge.to)];
        return { subjects, params: { kind: 'REJECT_EDGE', edge } };
      }),
    }),
    assertEdge: t.field({
      type: DecisionRef,
      description:
        'Adds an edge the curator states, of a type the edge catalogue allows between those kinds; its evidence is the decision.',
      args: {
        type: t.arg.string({ required: true }),
        from: t.arg.id({ required: true }),
        to: t.arg.id({ required: true }),
        note: noteArg(),
      },
      resolve: recording(async (args, context) => {
        if (!Object.hasOwn(EDGE_CATALOGUE, args.type))
          throw badInput(
            `type: ${args.type} is not an edge type (${Object.keys(EDGE_CATALOGUE).join(', ')})`,
            'type',
          );
        const spec = EDGE_CATALOGUE[args.type as keyof typeof EDGE_CATALOGUE];
        const [from] = await entities(context.db, [args.from], 'from');
        const [to] = await entities(context.db, [args.to], 'to');
        if (
          !(spec.from as readonly string[]).includes(from!.label) ||
          !(spec.to as readonly string[]).includes(to!.label)
        )
          throw badInput(
            `type: ${args.type} goes from ${spec.from.join('|')} to ${spec.to.join('|')}, not from ${from!.label} to ${to!.label}`,
            'type',
          );
        if (from!.uid === to!.uid) throw badInput('an edge needs two different entities', 'to');
        const edge: EdgeIdentity = { type: args.type, from: from!.uid, to: to!.uid, key: '' };
        const subjects = [edgeId(edge), globalIdOf(edge.from), globalIdOf(edge.to)];
        return { subjects, params: { kind: 'ASSERT_EDGE', edge } };
      }),
    }),
    renameEntity: t.field({
      type: DecisionRef,
      description: 'Gives an entity another name; the old one stays as an alias.',
      args: {
        id: t.arg.id({ required: true }),
        name: t.arg.string({ required: true }),
        note: noteArg(),
      },
      resolve: recording(async (args, context) => {
        const name = checkedName(args.name);
        const [node] = await entities(context.db, [args.id], 'id');
        curatedKind(node!.label, 'rename');
        return { subjects: [globalIdOf(node!.uid)], params: { kind: 'RENAME', uid: node!.uid, name } };
      }),
    }),
    undoDecision: t.field({
      type: DecisionRef,
      description:
        'Undoes a decision: the graph is as if it had never been taken (the decision stays in the audit).',
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        const by = requireCurator(context.curator);
        const decision = await findDecision(context.db, String(args.id));
        if (decision === null) throw badInput(`id: no decision has the id ${String(args.id)}`, 'id');
        if (decision.undone)
          throw badInput(`decision ${decision.id} was undone already (${decision.undoneAt})`, 'id');
        const undone = await context.db.writeTransaction((tx) =>
          undoDecision(tx, decision, by, new Date().toISOString()),
        );
        context.log.info('decision undone', { decision: decision.id, by });
        return undone;
      },
    }),
  };
});
