import { z } from 'zod';
import type { Database } from '../db/database.js';
import { EDGE_CATALOGUE, EVIDENCE_PREVIEW, type EdgeType, type GraphNode } from '../graph/index.js';
import { cypher } from '../db/cypher.js';
import { printQuery, verbatim } from './cypher-tree.js';
import { feedDecoder, feedsQuery, type FeedProjection } from './projection.js';
import { decodeNode, decodeRel, type NodeRow, type RelData } from './rows.js';
import {
  ascending,
  descending,
  pagedRows,
  sliceOfRows,
  type PagedRows,
  type Slice,
  type Window,
} from './window.js';

/** Questions over the graph as a whole: full-text search, shortest path, report feeds, counts. */

export interface SearchHit {
  node: GraphNode;
  score: number;
}

/** Search hits best first, then by key and uid. */
const SEARCH_ORDER = [descending('score'), ascending('node.key'), ascending('node.uid')];

export async function searchEntities(
  db: Database,
  query: { lucene: string; kinds: readonly string[] },
  window: Window,
  props: readonly string[],
): Promise<Slice<SearchHit>> {
  // The search file's own columns, read as it names them.
  const entry = verbatim(
    '{score: score, node: {uid: node.uid, key: node.key, label: label, values: [p IN $props | node[p]]}}',
  );
  const printed = printQuery(
    pagedRows(cypher('search'), ['node', 'score', 'label'], SEARCH_ORDER, window, entry),
  );
  const [row] = await db.queryText<PagedRows>('search', printed.text, {
    query: query.lucene,
    kinds: query.kinds,
    props,
    ...printed.params,
  });
  return sliceOfRows(row, window, (hit) => {
    const { score, node } = hit as { score: number; node: NodeRow };
    return { score, node: decodeNode(node, props) };
  });
}

export interface PathHop {
  type: EdgeType;
  /** The relationship's key (its role, for a role edge): with type and ends, its stable id. */
  key: string;
  from: GraphNode;
  to: GraphNode;
  rel: RelData;
}

export interface Path {
  nodes: GraphNode[];
  hops: PathHop[];
}

const nodeRow = z.object({
  uid: z.string(),
  key: z.string(),
  label: z.string(),
  values: z.array(z.unknown()),
});
const evidenceList = z.array(z.string());
const pathRow = z.object({
  nodes: z.array(nodeRow),
  hops: z.array(
    z.object({
      type: z.string(),
      from: z.string(),
      to: z.string(),
      key: z.string(),
      rel: z.object({
        values: z.array(z.unknown()),
        evidenceCount: z.number(),
        sources: evidenceList,
        quotes: evidenceList,
        seenOn: evidenceList,
        firstSeen: z.string().nullable(),
        lastSeen: z.string().nullable(),
      }),
    }),
  ),
});

const isEdgeType = (type: string): type is EdgeType => type in EDGE_CATALOGUE;

/** The shortest path (at most 8 hops) between two nodes by uid, or null when there is none. */
export async function shortestPath(
  db: Database,
  ends: { from: string; to: string },
  props: readonly string[],
  evidence: number,
): Promise<Path | null> {
  const params = { ...ends, props, evidence, preview: EVIDENCE_PREVIEW };
  const [row] = await db.query('path', pathRow, params);
  if (row === undefined) return null;
  const nodes = row.nodes.map((node) => decodeNode(node, props));
  const byUid = new Map(nodes.map((node) => [node.uid, node]));
  const hops = row.hops.map((hop) => {
    const from = byUid.get(hop.from);
    const to = byUid.get(hop.to);
    if (!isEdgeType(hop.type) || from === undefined || to === undefined)
      throw new Error(`path hop ${hop.type} ${hop.from}→${hop.to} is outside the graph model`);
    return { type: hop.type, key: hop.key, from, to, rel: decodeRel(hop.rel, [], {}) };
  });
  return { nodes, hops };
}

export interface ReportFeed {
  report: GraphNode;
  network: GraphNode;
  rel: RelData;
}

/** FEEDS pairs by network, then most recently cited first, then by report. */
const FEEDS_ORDER = [
  ascending('n.key'),
  descending('f.lastSeen'),
  ascending('r.key'),
  ascending('r.uid'),
  ascending('n.uid'),
];

/** A page of the FEEDS pairs, optionally for one network (key) and a period, read as the projection says. */
export async function readReportFeeds(
  db: Database,
  filters: { network: string | null; from: string | null; to: string | null },
  window: Window,
  projection: FeedProjection,
): Promise<Slice<ReportFeed>> {
  const query = feedsQuery(cypher('report-feeds'), FEEDS_ORDER, window, projection);
  const [row] = await db.queryText<PagedRows>('report-feeds', query.text, { ...filters, ...query.params });
  return sliceOfRows(row, window, feedDecoder(projection));
}

export interface Counts {
  nodes: { name: string; count: number }[];
  edges: { name: string; count: number }[];
}

export async function countGraph(db: Database): Promise<Counts> {
  const [nodes, edges] = await Promise.all([
    db.query('stats-nodes', z.object({ label: z.string(), count: z.number() })),
    db.query('stats-edges', z.object({ type: z.string(), count: z.number() })),
  ]);
  return {
    nodes: nodes.map((row) => ({ name: row.label, count: row.count })),
    edges: edges.map((row) => ({ name: row.type, count: row.count })),
  };
}
