import type { Database } from '../db/database.js';
import type { GraphNode } from '../graph/index.js';
import { decodeNode, type NodeRow } from './rows.js';

/** Nodes by uid with the requested properties, in the order asked, null where none has that uid. */
export async function readNodes(
  db: Database,
  uids: readonly string[],
  props: readonly string[],
): Promise<(GraphNode | null)[]> {
  const rows = await db.query<{ node: NodeRow }>('nodes-by-uid', { uids, props });
  const found = new Map(rows.map(({ node }) => [node.uid, decodeNode(node, props)]));
  return uids.map((uid) => found.get(uid) ?? null);
}
