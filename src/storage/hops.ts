import type { Database } from '../db/database.js';
import { EDGE_CATALOGUE, type GraphNode, type Hop, type PropertyType } from '../graph/index.js';
import { decodeNode, decodeRel, type NodeRow, type RelData, type RelRow } from './rows.js';
import { windowParams, type Slice, type Window } from './window.js';

/** One hit of a hop: the node reached and the relationship's data. */
export interface HopHit {
  node: GraphNode;
  rel: RelData;
}

/** What one page of a hop asks for; the same for every parent of a batch. */
export interface HopPageRequest {
  hop: Hop;
  window: Window;
  /** Bounds on the reached node's `date`. */
  from: string | null;
  to: string | null;
  oldestFirst: boolean;
  /** Node properties to project (those the reached labels lack come back absent). */
  props: readonly string[];
  /** Relationship properties to project (the edge catalogue's, for this type). */
  relProps: readonly string[];
  /** How many evidence entries to bring per relationship. */
  evidence: number;
}

interface HopPageRow {
  parentUid: string;
  total: number;
  start: number;
  hits: { node: NodeRow; rel: RelRow }[];
}

/** Pages of one hop for many parents in one query (cypher/hop-page.cypher); parents without hits get an empty page. */
export async function readHopPages(
  db: Database,
  parents: readonly string[],
  request: HopPageRequest,
): Promise<Slice<HopHit>[]> {
  const types = EDGE_CATALOGUE[request.hop.type].props as Record<string, PropertyType>;
  const relProps = request.relProps.filter((name) => name in types);
  const rows = await db.query<HopPageRow>(
    'hop-page',
    {
      parents,
      out: request.hop.direction === 'out',
      from: request.from,
      to: request.to,
      oldestFirst: request.oldestFirst,
      ...windowParams(request.window),
      props: request.props,
      relProps,
      evidence: request.evidence,
    },
    { type: request.hop.type },
  );
  const byParent = new Map(rows.map((row) => [row.parentUid, row]));
  return parents.map((uid) => {
    const row = byParent.get(uid);
    if (row === undefined) return { items: [], start: 0, total: 0 };
    return {
      start: row.start,
      total: row.total,
      items: row.hits.map((hit) => ({
        node: decodeNode(hit.node, request.props),
        rel: decodeRel(hit.rel, relProps, types),
      })),
    };
  });
}
