import type { ArgBuilder, OutputRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import {
  decodeEvidence,
  edgeId,
  hopFieldsOf,
  uidOf,
  type GraphNode,
  type Hop,
  type HopField,
  type NodeLabel,
} from '../graph/index.js';
import {
  prefetchedPage,
  type HopHit,
  type HopProjection,
  type NodeProjection,
} from '../storage/projection.js';
import { mergedInto } from '../storage/decisions.js';
import type { RelData } from '../storage/rows.js';
import { FIRST_ROWS, type Slice } from '../storage/window.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { badInput } from './errors.js';
import { EDGE_DATA, requiredText } from './edge-data.js';
import { MAX_PAGE_SIZE, pageOf, windowOf, type Page, type PageArgs } from './pagination.js';
import { narrowed, targetOf } from './refs.js';
import { whenRead } from './when-read.js';
import {
  DEFAULT_EVIDENCE,
  HOP_FIELD,
  hopOrderName,
  hopProjection,
  MAX_EVIDENCE,
  nodeProjection,
  ONE_NODE,
  type HopFieldMark,
} from './selection.js';
import { EvidenceRef, type EvidenceView } from './types/evidence.js';

/**
 * Field helpers shared by the type modules, so that every relationship is exposed the same way: a Relay
 * connection (paged, ordered and counted in Cypher) whose edges carry the relationship's own data, a page
 * of its evidence and its first and last seen dates.
 */

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>;

/** What a field may point at: a GraphQL type and the node labels it stands for. */
export interface Target {
  ref: OutputRef<GraphNode>;
  labels: readonly NodeLabel[];
}

/** One edge of a relationship connection: the node reached and the relationship's data. */
export interface HopEdge {
  cursor: string;
  node: GraphNode;
  rel: RelData;
  /** The node the hop was walked from, and the hop: with the node reached and the key, the edge's stable id. */
  parentUid?: string;
  hop?: Hop;
}

/** The field builder of a relationship connection's edge type (for edge fields such as grade, rule). */
export type EdgeFieldBuilder = FieldBuilder<HopEdge>;
export type EdgeFields = (t: EdgeFieldBuilder) => Record<string, ReturnType<EdgeFieldBuilder['field']>>;

/** The fields every relationship-bearing object shares: its evidence, paged, and when it was seen. */
export function evidenceFields<P extends { rel: RelData }>(t: FieldBuilder<P>) {
  return {
    evidence: t.field({
      type: [EvidenceRef],
      description: `Where this relationship was read, oldest first: \`first\` entries (${DEFAULT_EVIDENCE} unless given, at most ${MAX_EVIDENCE}) from \`offset\`.`,
      args: {
        first: t.arg.int({ required: false, defaultValue: DEFAULT_EVIDENCE }),
        offset: t.arg.int({ required: false, defaultValue: 0 }),
      },
      complexity: (args) => ({ field: 1, multiplier: args.first ?? DEFAULT_EVIDENCE }),
      resolve: (parent, args) => {
        const first = args.first ?? DEFAULT_EVIDENCE;
        const offset = args.offset ?? 0;
        if (first < 0 || first > MAX_EVIDENCE)
          throw badInput(`evidence first must be between 0 and ${MAX_EVIDENCE}, got ${first}`, 'first');
        if (offset < 0) throw badInput(`evidence offset must be 0 or more, got ${offset}`, 'offset');
        const nodes = parent.rel.evidenceNodes;
        return decodeEvidence(parent.rel)
          .slice(offset, offset + first)
          .map((entry, i): EvidenceView => ({ ...entry, nodes: nodes?.[offset + i] }));
      },
    }),
    evidenceCount: t.int({
      description: 'How many places this relationship was read in all.',
      resolve: (parent) => parent.rel.evidenceCount,
    }),
    firstSeen: t.field({ type: 'Date', nullable: true, resolve: (parent) => parent.rel.firstSeen }),
    lastSeen: t.field({ type: 'Date', nullable: true, resolve: (parent) => parent.rel.lastSeen }),
  };
}

/** The Relay paging arguments. */
const pageArgs = (t: { arg: ArgBuilder<Types> }) => ({
  first: t.arg.int({ required: false }),
  after: t.arg.string({ required: false }),
  last: t.arg.int({ required: false }),
  before: t.arg.string({ required: false }),
});

/** A connection type over pages of E, named `<name>Connection`, with the total count. */
export function connectionRef<E extends { cursor: string }>(name: string, edge: OutputRef<E>) {
  return builder.objectRef<Page<Omit<E, 'cursor'>>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({ type: [edge], resolve: (page) => page.edges as E[] }),
      pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (page) => page.pageInfo }),
      totalCount: t.int({
        description: 'All matching items, across pages.',
        resolve: (page) => page.totalCount,
      }),
    }),
  });
}

/** The complexity of a paged field: its page size multiplies the cost of what it selects. */
export const pagedComplexity = (args: PageArgs) => ({
  field: 1,
  multiplier: args.first ?? args.last ?? 20,
});

export const DateOrderEnum = builder.enumType('DateOrder', {
  description: 'Which end of a dated list comes first.',
  values: ['NEWEST_FIRST', 'OLDEST_FIRST'] as const,
});

/**
 * A slice of the nodes a hop reaches from a parent, narrowed to the labels the field declares: the page the
 * parent's own query read with it when it did — at hand, so the field completes without a promise (graphql-js
 * completes a whole read subtree synchronously, much cheaper than a promise per field) — else one page of a
 * request's batch for the hop (its DataLoader), which reads everything the projection selects below.
 */
export function hopSlice(
  parent: GraphNode,
  target: Target,
  projection: HopProjection,
  { loaders }: Context,
): Slice<Omit<HopEdge, 'cursor'>> | Promise<Slice<Omit<HopEdge, 'cursor'>>> {
  const narrow = (slice: Slice<HopHit>) => ({
    ...slice,
    items: slice.items.map((hit) => ({
      node: narrowed(hit.node, target.labels),
      rel: hit.rel,
      parentUid: parent.uid,
      hop: projection.hop,
    })),
  });
  return whenRead(prefetchedPage(parent, projection.key) ?? loaders.hopPage(parent.uid, projection), narrow);
}

/** A hop read as a plain list (its first MAX_PAGE_SIZE hits) by fields that are not connections. */
export function listedHop(
  key: string,
  hop: Hop,
  read: { oldestFirst: boolean; node: NodeProjection; relProps?: readonly string[]; evidence?: number },
): HopProjection {
  return {
    key,
    hop,
    window: { ...FIRST_ROWS(MAX_PAGE_SIZE), pageInfoUnread: true },
    from: null,
    to: null,
    oldestFirst: read.oldestFirst,
    relProps: read.relProps ?? [],
    evidence: read.evidence ?? 0,
    evidenceLists: ['quotes', 'seenOn'],
    evidenceNodes: null,
    counted: false,
    listed: true,
    node: read.node,
  };
}

/** The stable id of the relationship a hop edge stands for. */
export function hopEdgeId(edge: Omit<HopEdge, 'cursor'>): string {
  if (edge.parentUid === undefined || edge.hop === undefined) throw new Error('hop edge without its parent');
  const out = edge.hop.direction === 'out';
  return edgeId({
    type: edge.hop.type,
    from: out ? edge.parentUid : edge.node.uid,
    to: out ? edge.node.uid : edge.parentUid,
    key: requiredText(edge, 'key'),
  });
}

function hopEdgeRef(name: string, target: Target, edgeFields?: EdgeFields) {
  return builder.objectRef<HopEdge>(`${name}ConnectionEdge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      id: t.id({
        description:
          'The edge’s stable id (its type, ends and key, not a database id): the same after every reload; rejectEdge takes it.',
        resolve: (edge) => hopEdgeId(edge),
      }),
      node: t.field({ type: target.ref, resolve: (edge) => edge.node }),
      ...evidenceFields(t),
      ...(edgeFields?.(t) ?? {}),
    }),
  });
}

/**
 * A connection over one relationship hop (`<name>Connection`), resolved through the request's DataLoader
 * for that hop and page: ordered, sliced and counted in Cypher, only the selected properties projected.
 * With `dated` (Items, Meetings, Reports by publication date), `from`/`to` bound that date and `order`
 * chooses newest or oldest first.
 */
function hopConnection<P extends GraphNode>(t: FieldBuilder<P>, field: HopField, hop: Hop, target: Target) {
  const name = `${field.label}${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`;
  const connection = connectionRef(name, hopEdgeRef(name, target, EDGE_DATA[field.type]));
  const dateArgs = {
    from: t.arg({ type: 'Date', required: false, description: 'On or after this date.' }),
    to: t.arg({ type: 'Date', required: false, description: 'On or before this date.' }),
    order: t.arg({ type: DateOrderEnum, required: false, defaultValue: 'NEWEST_FIRST' }),
  };
  const mark: HopFieldMark = { hop, dated: field.dated, one: false };
  return t.field({
    type: connection,
    description: field.description,
    args: field.dated ? { ...pageArgs(t), ...dateArgs } : pageArgs(t),
    extensions: { [HOP_FIELD]: mark },
    complexity: pagedComplexity,
    resolve: (parent, args, context, info) => {
      const order = hopOrderName(hop, args);
      const projection = hopProjection(info, mark, windowOf(args, order));
      return whenRead(hopSlice(parent, target, projection, context), (slice) => pageOf(slice, order));
    },
  });
}

/** The first node a hop reaches (publisher, network, contact…), or null when the graph has none. */
function hopOne<P extends GraphNode>(t: FieldBuilder<P>, field: HopField, hop: Hop, target: Target) {
  const mark: HopFieldMark = { hop, dated: false, one: true };
  return t.field({
    type: target.ref,
    nullable: true,
    description: field.description,
    extensions: { [HOP_FIELD]: mark },
    resolve: (parent, _args, context, info) => {
      const projection = hopProjection(info, mark, ONE_NODE);
      return whenRead(hopSlice(parent, target, projection, context), (slice) => slice.items[0]?.node ?? null);
    },
  });
}

/** The nodes a field reaches (the first MAX_PAGE_SIZE each way), without the relationships' data. */
function hopList<P extends GraphNode>(t: FieldBuilder<P>, field: HopField, hops: Hop[], target: Target) {
  return t.field({
    type: [target.ref],
    description: field.description,
    resolve: async (parent, _args, context, info) => {
      const node = nodeProjection(info);
      const slices = await Promise.all(
        hops.map((hop) =>
          hopSlice(
            parent,
            target,
            listedHop(`${hop.type}:${hop.direction}`, hop, { oldestFirst: false, node }),
            context,
          ),
        ),
      );
      return slices.flatMap((slice) => slice.items.map((hit) => hit.node));
    },
  });
}

/**
 * The hop fields of one label, as the edge catalogue declares them (src/graph/edges.ts): each reaches the
 * GraphQL type of the labels at the other end, and a connection's edges show the relationship's data.
 */
export function hopFields<P extends GraphNode>(t: FieldBuilder<P>, label: P['label']) {
  return Object.fromEntries(
    hopFieldsOf(label).map((field) => {
      const target = targetOf(field.reaches);
      const hops: Hop[] = (field.direction === 'both' ? (['out', 'in'] as const) : [field.direction]).map(
        (direction) => ({ type: field.type, direction }),
      );
      if (field.shape === 'list') return [field.name, hopList(t, field, hops, target)];
      const [hop] = hops;
      if (hop === undefined || hops.length > 1)
        throw new Error(`${field.label}.${field.name}: only a list walks an edge both ways`);
      return [
        field.name,
        field.shape === 'one' ? hopOne(t, field, hop, target) : hopConnection(t, field, hop, target),
      ];
    }),
  );
}

/** Relay node options shared by every entity type: the global id is the label + the node's key. */
export function nodeOptions<L extends NodeLabel>(label: L) {
  return {
    id: { resolve: (node: GraphNode<L>) => node.key },
    isTypeOf: (value: unknown) =>
      typeof value === 'object' && value !== null && 'label' in value && value.label === label,
    // Batched by the request's node loader all the same; this form hands over the selection.
    loadWithoutCache: async (key: string, { loaders, db }: Context, info: GraphQLResolveInfo) => {
      let node = await loaders.node(uidOf(label, key), nodeProjection(info));
      // An id a curator merged into another entity finds the entity it was merged into.
      if (node === null) {
        const kept = await mergedInto(db, uidOf(label, key));
        if (kept !== null) node = await loaders.node(kept, nodeProjection(info));
      }
      return node === null ? null : narrowed(node, [label]);
    },
  };
}

/** An edge of a root list: the node alone. */
export interface NodeEdge {
  cursor: string;
  node: GraphNode;
}

/** The connection type of a root list (`<name>Connection`) over nodes of one target. */
export function nodeConnectionRef(name: string, target: Target) {
  const edge = builder.objectRef<NodeEdge>(`${name}ConnectionEdge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: target.ref, resolve: (e) => narrowed(e.node, target.labels) }),
    }),
  });
  return connectionRef(name, edge);
}

/** The Relay paging arguments, for root lists. */
export const pagingArgs = pageArgs;
