import { GraphQLError } from 'graphql';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { normaliseName } from '../../extract/normalise.js';
import { builder } from '../builder.js';
import { withTotalCount } from '../fields.js';
import type { GraphNode, Hit } from '../loaders.js';
import { pageOf } from '../pagination.js';
import { EntityKindEnum, NetworkRef, ReportRef } from '../refs.js';
import { EvidenceRef, evidenceOf } from './evidence.js';

/** Questions over the graph as a whole: full-text search, shortest connection, report feeds, counts. */

const NodeRef = builder.nodeInterfaceRef();

// ---- search ---------------------------------------------------------------------------------------

const SearchHitRef = builder.objectRef<Hit>('SearchHit').implement({
  description: 'An entity found by full-text search, with its Lucene score.',
  fields: (t) => ({
    score: t.float({ resolve: (hit) => Number(hit.rel.score) }),
    kind: t.field({ type: EntityKindEnum, resolve: (hit) => hit.node.label }),
    entity: t.field({ type: NodeRef, resolve: (hit) => hit.node as never }),
  }),
});

/**
 * User words → a Lucene query: special characters escaped, every word required, prefixes match.
 * The words AND, OR and NOT are operators to Lucene's parser: they are searched for in lower case
 * (the index lowercases anyway).
 */
export function luceneQuery(text: string): string {
  const words = text
    .split(/\s+/)
    .map((word) => (/^(AND|OR|NOT)$/.test(word) ? word.toLowerCase() : word))
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .filter((word) => word !== '');
  if (words.length === 0)
    throw new GraphQLError('search text is empty', { extensions: { code: 'BAD_USER_INPUT' } });
  return words.map((word) => `(${word} OR ${word}*)`).join(' AND ');
}

// ---- path -----------------------------------------------------------------------------------------

/** The most hops a path question may ask for: longer searches are slow and rarely meaningful here. */
export const MAX_HOPS = 8;

interface PathHop {
  type: string;
  from: GraphNode;
  to: GraphNode;
  props: Record<string, unknown>;
}

const PathHopRef = builder.objectRef<PathHop>('PathHop').implement({
  description: 'One relationship along a path, in its own direction (from → to), with its evidence.',
  fields: (t) => ({
    type: t.string({ resolve: (hop) => hop.type }),
    from: t.field({ type: NodeRef, resolve: (hop) => hop.from as never }),
    to: t.field({ type: NodeRef, resolve: (hop) => hop.to as never }),
    evidence: t.field({ type: [EvidenceRef], resolve: (hop) => evidenceOf(hop.props) }),
  }),
});

const PathRef = builder.objectRef<{ nodes: GraphNode[]; hops: PathHop[] }>('Path').implement({
  fields: (t) => ({
    length: t.int({ description: 'Number of hops.', resolve: (path) => path.hops.length }),
    nodes: t.field({ type: [NodeRef], resolve: (path) => path.nodes as never }),
    hops: t.field({ type: [PathHopRef], resolve: (path) => path.hops }),
  }),
});

/** A global id → the node uid ("<Label>:<key>") it names. */
function uidFromGlobalId(id: string, argument: string): string {
  try {
    const { typename, id: key } = decodeGlobalID(id);
    return `${typename}:${key}`;
  } catch {
    throw new GraphQLError(`${argument} is not a global id from this API`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

// ---- report feeds -----------------------------------------------------------------------------------

interface FeedShape {
  report: GraphNode;
  network: GraphNode;
  feed: Record<string, unknown>;
}

const ReportFeedRef = builder.objectRef<FeedShape>('ReportFeed').implement({
  description:
    'A report feeding a network (derived), with the rule that fired, the matched terms and the evidence.',
  fields: (t) => ({
    report: t.field({ type: ReportRef, resolve: (f) => f.report }),
    network: t.field({ type: NetworkRef, resolve: (f) => f.network }),
    rule: t.string({ resolve: (f) => String(f.feed.rule) }),
    rules: t.stringList({ resolve: (f) => (f.feed.rules as string[] | undefined) ?? [] }),
    terms: t.stringList({ resolve: (f) => (f.feed.terms as string[] | undefined) ?? [] }),
    evidence: t.field({ type: [EvidenceRef], resolve: (f) => evidenceOf(f.feed) }),
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

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchHitRef,
      description:
        'Full-text search over every kind of entity (names, aliases, titles, item text), best first.',
      args: {
        text: t.arg.string({ required: true }),
        kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only these kinds.' }),
      },
      resolve: async (_root, args, { db }) => {
        const rows = await db.read('search', { query: luceneQuery(args.text), kinds: args.kinds ?? [] });
        return pageOf(
          rows.map((row) => ({ node: row.node as GraphNode, rel: { score: row.score } })),
          args,
        );
      },
    },
    withTotalCount,
  ),
  path: t.field({
    type: PathRef,
    nullable: true,
    description: `The shortest connection between two entities (either direction), at most maxHops (≤ ${MAX_HOPS}) long; null when there is none.`,
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxHops: t.arg.int({ required: false, defaultValue: 4 }),
    },
    resolve: async (_root, args, { db }) => {
      const maxHops = args.maxHops ?? 4;
      if (maxHops < 1 || maxHops > MAX_HOPS) {
        throw new GraphQLError(`maxHops must be between 1 and ${MAX_HOPS}, got ${maxHops}`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const from = uidFromGlobalId(String(args.from), 'from');
      const to = uidFromGlobalId(String(args.to), 'to');
      if (from === to)
        throw new GraphQLError('from and to are the same entity', { extensions: { code: 'BAD_USER_INPUT' } });
      const [row] = await db.read('path', { from, to, maxHops });
      if (row === undefined) return null;
      const nodes = row.nodes as GraphNode[];
      const byUid = new Map(nodes.map((node) => [node.uid, node]));
      const hops = (
        row.hops as { type: string; from: string; to: string; props: Record<string, unknown> }[]
      ).map((hop) => ({
        type: hop.type,
        from: byUid.get(hop.from)!,
        to: byUid.get(hop.to)!,
        props: hop.props,
      }));
      return { nodes, hops };
    },
  }),
  reportFeeds: t.connection(
    {
      type: ReportFeedRef,
      description: 'Which reports feed which networks: the derived FEEDS pairs with their rule and evidence.',
      args: {
        network: t.arg.string({ required: false, description: 'Network name or alias.' }),
        from: t.arg({ type: 'Date', required: false, description: 'Cited on or after.' }),
        to: t.arg({ type: 'Date', required: false, description: 'Cited on or before.' }),
      },
      resolve: async (_root, args, { db, resolver }) => {
        const network =
          args.network === null || args.network === undefined
            ? null
            : normaliseName(resolver.resolveNetwork(args.network)?.name ?? args.network);
        const rows = await db.read('report-feeds', { network, from: args.from ?? null, to: args.to ?? null });
        return pageOf(rows as unknown as FeedShape[], args);
      },
    },
    withTotalCount,
  ),
  stats: t.field({
    type: StatsRef,
    resolve: async (_root, _args, { db }) => {
      const [nodes, edges] = await Promise.all([db.read('stats-nodes'), db.read('stats-edges')]);
      return {
        nodes: nodes.map((row) => ({ name: String(row.label), count: Number(row.count) })),
        edges: edges.map((row) => ({ name: String(row.type), count: Number(row.count) })),
      };
    },
  }),
}));
