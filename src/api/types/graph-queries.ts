import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { edgeId, isNodeLabel, uidOf, type GraphNode } from '../../graph/index.js';
import {
  countGraph,
  readReportFeeds,
  searchEntities,
  shortestPath,
  type PathHop,
  type ReportFeed,
  type SearchHit,
} from '../../storage/graph-queries.js';
import { builder } from '../builder.js';
import { badInput } from '../errors.js';
import { luceneQuery, SEARCH_LIMITS } from '../lucene.js';
import { resolveFilter } from '../names.js';
import { connectionRef, evidenceFields, pagedComplexity, pagingArgs } from '../fields.js';
import { FEEDS } from '../edge-data.js';
import { pageOf } from '../pagination.js';
import { EntityKindEnum, narrowed, TARGETS } from '../refs.js';
import { evidenceAt, feedProjection, nodeProjection, propsAt, rootWindow } from '../selection.js';

/** Questions over the graph as a whole: full-text search, shortest connection, report feeds, counts. */

const NodeRef = builder.nodeInterfaceRef();

// ---- search ---------------------------------------------------------------------------------------

const SearchHitEdgeRef = builder.objectRef<SearchHit & { cursor: string }>('QuerySearchConnectionEdge');
const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'An entity found by full-text search, with its Lucene score.',
  fields: (t) => ({
    score: t.float({ resolve: (hit) => hit.score }),
    kind: t.field({ type: EntityKindEnum, resolve: (hit) => hit.node.label }),
    entity: t.field({ type: NodeRef, resolve: (hit) => hit.node }),
  }),
});
SearchHitEdgeRef.implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: SearchHitRef, resolve: (edge) => edge }),
  }),
});

// ---- path -----------------------------------------------------------------------------------------

/** The most hops a path question may ask for: longer searches are slow and rarely meaningful here. */
export const MAX_HOPS = 8;

const PathHopRef = builder.objectRef<PathHop>('PathHop').implement({
  description: 'One relationship along a path, in its own direction (from → to), with its evidence.',
  fields: (t) => ({
    type: t.string({ resolve: (hop) => hop.type }),
    id: t.id({
      description: 'The edge’s stable id (type, ends and key), as connection edges give it.',
      resolve: (hop) => edgeId({ type: hop.type, from: hop.from.uid, to: hop.to.uid, key: hop.key }),
    }),
    from: t.field({ type: NodeRef, resolve: (hop) => hop.from }),
    to: t.field({ type: NodeRef, resolve: (hop) => hop.to }),
    ...evidenceFields(t),
  }),
});

const PathRef = builder.objectRef<{ nodes: GraphNode[]; hops: PathHop[] }>('Path').implement({
  fields: (t) => ({
    length: t.int({ description: 'Number of hops.', resolve: (path) => path.hops.length }),
    nodes: t.field({ type: [NodeRef], resolve: (path) => path.nodes }),
    hops: t.field({ type: [PathHopRef], resolve: (path) => path.hops }),
  }),
});

/** A global id → the node uid ("<Label>:<key>") it names. */
function uidFromGlobalId(id: string, argument: string): string {
  try {
    const { typename, id: key } = decodeGlobalID(id);
    if (isNodeLabel(typename)) return uidOf(typename, key);
  } catch {
    // Not base64 of "<Type>:<key>": reported below like an unknown type.
  }
  throw badInput(`${argument} is not a global id from this API`, argument);
}

/** The properties a path's nodes need: those selected on `nodes`, `hops.from` and `hops.to`. */
const pathNodeProps = (info: GraphQLResolveInfo): string[] => [
  ...new Set([
    ...propsAt(info, ['nodes']),
    ...propsAt(info, ['hops', 'from']),
    ...propsAt(info, ['hops', 'to']),
  ]),
];

// ---- report feeds -----------------------------------------------------------------------------------

const ReportFeedRef = builder.objectRef<ReportFeed>('ReportFeed').implement({
  description:
    'A report feeding a network (derived), with the rule that fired, the matched terms and the evidence.',
  fields: (t) => ({
    id: t.id({
      description: 'The FEEDS edge’s stable id (type and ends), as connection edges give it.',
      resolve: (f) => edgeId({ type: 'FEEDS', from: f.report.uid, to: f.network.uid, key: '' }),
    }),
    report: t.field({ type: TARGETS.Report.ref, resolve: (f) => narrowed(f.report, ['Report']) }),
    network: t.field({ type: TARGETS.Network.ref, resolve: (f) => narrowed(f.network, ['Network']) }),
    rule: t.string(FEEDS.requiredText('rule')),
    rules: t.stringList(FEEDS.texts('rules')),
    terms: t.stringList(FEEDS.texts('terms')),
    ...evidenceFields(t),
  }),
});
const ReportFeedEdgeRef = builder.objectRef<{ cursor: string; node: ReportFeed }>(
  'QueryReportFeedsConnectionEdge',
);
ReportFeedEdgeRef.implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: ReportFeedRef, resolve: (edge) => edge.node }),
  }),
});

// ---- stats -----------------------------------------------------------------------------------------

const CountRef = (name: string, key: 'label' | 'type') =>
  builder.objectRef<{ name: string; count: number }>(name).implement({
    fields: (t) => ({
      [key]: t.string({ resolve: (row) => row.name }),
      count: t.int({ resolve: (row) => row.count }),
    }),
  });
const LabelCountRef = CountRef('LabelCount', 'label');
const TypeCountRef = CountRef('TypeCount', 'type');

const StatsRef = builder
  .objectRef<{ nodes: { name: string; count: number }[]; edges: { name: string; count: number }[] }>('Stats')
  .implement({
    description: 'How big the graph is: nodes per label, edges per type.',
    fields: (t) => ({
      nodes: t.field({ type: [LabelCountRef], resolve: (s) => s.nodes }),
      edges: t.field({ type: [TypeCountRef], resolve: (s) => s.edges }),
    }),
  });

/** The most ids one `nodes` call may ask for. */
export const MAX_NODE_IDS = 100;

builder.queryFields((t) => ({
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description: `Several entities by global id (at most ${MAX_NODE_IDS}), in the order asked (null where not found).`,
    args: { ids: t.arg.idList({ required: true }) },
    complexity: (args) => ({ field: 1, multiplier: args.ids.length }),
    resolve: async (_root, args, { loaders }, info) => {
      if (args.ids.length > MAX_NODE_IDS)
        throw badInput(`nodes takes at most ${MAX_NODE_IDS} ids, got ${args.ids.length}`, 'ids');
      const uids = args.ids.map((id) => uidFromGlobalId(String(id), 'ids'));
      const projection = nodeProjection(info);
      return Promise.all(uids.map((uid) => loaders.node(uid, projection)));
    },
  }),
  search: t.field({
    type: connectionRef('QuerySearch', SearchHitEdgeRef),
    description:
      'Full-text search over every kind of entity (names, aliases, titles, item text), best first.',
    args: {
      ...pagingArgs(t),
      text: t.arg.string({
        required: true,
        description: `At most ${SEARCH_LIMITS.maxWords} words of at most ${SEARCH_LIMITS.maxWordLength} characters.`,
      }),
      kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only these kinds.' }),
    },
    complexity: pagedComplexity,
    resolve: async (_root, args, { db }, info) => {
      const query = { lucene: luceneQuery(args.text), kinds: args.kinds ?? [] };
      const props = propsAt(info, ['edges', 'node', 'entity']);
      return pageOf(await searchEntities(db, query, rootWindow(info, args, 'search'), props), 'search');
    },
  }),
  path: t.field({
    type: PathRef,
    nullable: true,
    description: `The shortest connection between two entities (either direction), at most maxHops (≤ ${MAX_HOPS}) long; null when there is none.`,
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxHops: t.arg.int({ required: false, defaultValue: 4 }),
    },
    resolve: async (_root, args, { db }, info) => {
      const maxHops = args.maxHops ?? 4;
      if (maxHops < 1 || maxHops > MAX_HOPS)
        throw badInput(`maxHops must be between 1 and ${MAX_HOPS}, got ${maxHops}`, 'maxHops');
      const from = uidFromGlobalId(String(args.from), 'from');
      const to = uidFromGlobalId(String(args.to), 'to');
      if (from === to) throw badInput('from and to are the same entity', 'to');
      const path = await shortestPath(db, { from, to }, pathNodeProps(info), evidenceAt(info, ['hops']));
      return path !== null && path.hops.length <= maxHops ? path : null;
    },
  }),
  reportFeeds: t.field({
    type: connectionRef('QueryReportFeeds', ReportFeedEdgeRef),
    description: 'Which reports feed which networks: the derived FEEDS pairs with their rule and evidence.',
    args: {
      ...pagingArgs(t),
      network: t.arg.string({ required: false, description: 'Network name or alias.' }),
      from: t.arg({ type: 'Date', required: false, description: 'Cited on or after.' }),
      to: t.arg({ type: 'Date', required: false, description: 'Cited on or before.' }),
    },
    complexity: pagedComplexity,
    resolve: async (_root, args, context, info) => {
      const filters = {
        network: await resolveFilter('Network', args.network, context),
        from: args.from ?? null,
        to: args.to ?? null,
      };
      const window = rootWindow(info, args, 'report-feeds');
      const slice = await readReportFeeds(context.db, filters, window, feedProjection(info));
      return pageOf({ ...slice, items: slice.items.map((feed) => ({ node: feed })) }, 'report-feeds');
    },
  }),
  stats: t.field({ type: StatsRef, resolve: (_root, _args, { db }) => countGraph(db) }),
}));
