import type { Database } from '../db/database.js';
import type { GraphNode } from '../graph/index.js';
import { decodeProjectedNode, nodesQuery, type NodeProjection } from './projection.js';

/** Nodes by uid with what the projection reads, in the order asked, null where none has that uid. */
export async function readNodes(
  db: Database,
  uids: readonly string[],
  projection: NodeProjection,
): Promise<(GraphNode | null)[]> {
  const query = nodesQuery(uids, projection);
  const rows = await db.queryText<{ node: unknown }>('nodes-by-uid', query.text, query.params);
  const found = new Map(
    rows.map(({ node }) => decodeProjectedNode(node, projection)).map((node) => [node.uid, node]),
  );
  return uids.map((uid) => found.get(uid) ?? null);
}

/** A projection of stored properties only. */
export const propsOnly = (props: readonly string[]): NodeProjection => ({ props, hops: [] });
