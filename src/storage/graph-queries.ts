import type { Database } from '../db/database.js';
import { EDGE_CATALOGUE, type EdgeType, type GraphNode } from '../graph/index.js';
import { cypher } from '../db/cypher.js';
import { decodeFeeds, feedsQuery, type FeedProjection, type NodeTuple, type RelTuple } from './projection.js';
import { decodeNode, decodeRel, type NodeRow, type RelData, type RelRow } from './rows.js';
import { windowParams, type Slice, type Window } from './window.js';

/** Questions over the graph as a whole: full-text search, shortest path, report feeds, counts. */

export interface SearchHit {
  node: GraphNode;
  score: number;
}

export async function searchEntities(
  db: Database,
  query: { lucene: string; kinds: readonly string[] },
  window: Window,
  props: readonly string[],
): Promise<Slice<SearchHit>> {
  const [row] = await db.query<{ total: number; start: number; hits: { score: number; node: NodeRow }[] }>(
    'search',
    { query: query.lucene, kinds: query.kinds, ...windowParams(window), props },
  );
  if (row === undefined) return { items: [], start: 0, total: 0 };
  return {
    start: row.start,
    total: row.total,
    items: row.hits.map((hit) => ({ score: hit.score, node: decodeNode(hit.node, props) })),
  };
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

interface PathRow {
  nodes: NodeRow[];
  hops: { type: string; from: string; to: string; key: string; rel: RelRow }[];
}

const isEdgeType = (type: string): type is EdgeType => type in EDGE_CATALOGUE;

/** The shortest path (at most 8 hops) between two nodes by uid, or null when there is none. */
export async function shortestPath(
  db: Database,
  ends: { from: string; to: string },
  props: readonly string[],
  evidence: number,
): Promise<Path | null> {
  const [row] = await db.query<PathRow>('path', { ...ends, props, evidence });
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

/** A slice of the FEEDS pairs, optionally for one network (key) and a period, read as the projection says. */
export async function readReportFeeds(
  db: Database,
  filters: { network: string | null; from: string | null; to: string | null },
  window: Window,
  projection: FeedProjection,
): Promise<Slice<ReportFeed>> {
  const query = feedsQuery(cypher('report-feeds'), projection);
  const [row] = await db.queryText<{
    total: number;
    start: number;
    entries: [NodeTuple, NodeTuple, RelTuple][];
  }>('report-feeds', query.text, { ...filters, ...windowParams(window), ...query.params });
  if (row === undefined) return { items: [], start: 0, total: 0 };
  return {
    start: row.start,
    total: row.total,
    items: decodeFeeds(row.entries, projection),
  };
}

export interface Counts {
  nodes: { name: string; count: number }[];
  edges: { name: string; count: number }[];
}

export async function countGraph(db: Database): Promise<Counts> {
  const [nodes, edges] = await Promise.all([
    db.query<{ label: string; count: number }>('stats-nodes'),
    db.query<{ type: string; count: number }>('stats-edges'),
  ]);
  return {
    nodes: nodes.map((row) => ({ name: row.label, count: row.count })),
    edges: edges.map((row) => ({ name: row.type, count: row.count })),
  };
}
