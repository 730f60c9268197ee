import type { Database } from '../db/database.js';
import type { GraphNode } from '../graph/index.js';
import { decodeNode, type NodeRow } from './rows.js';
import { windowParams, type Slice, type Window } from './window.js';

/** The root lists, one Cypher file each, with the filters each takes (null: not filtered). */
export interface ListFilters {
  'list-issues': { from: string | null; to: string | null; number: number | null };
  'list-items': { section: string | null; from: string | null; to: string | null; text: string | null };
  'list-reports': { publisher: string | null; from: string | null; to: string | null; text: string | null };
  'list-named': { label: 'Organisation' | 'Network' | 'LocalAuthority'; seslip: boolean | null };
  'list-people': { organisation: string | null; authority: string | null; network: string | null };
  'list-meetings': { network: string | null; from: string | null; to: string | null };
}

interface ListRow {
  total: number;
  start: number;
  nodes: NodeRow[];
}

/** One slice of a root list, ordered, filtered and cut in Cypher, each node with the requested properties. */
export async function readList<Name extends keyof ListFilters>(
  db: Database,
  name: Name,
  filters: ListFilters[Name],
  window: Window,
  props: readonly string[],
): Promise<Slice<{ node: GraphNode }>> {
  const [row] = await db.query<ListRow>(name, { ...filters, ...windowParams(window), props });
  if (row === undefined) return { items: [], start: 0, total: 0 };
  return {
    start: row.start,
    total: row.total,
    items: row.nodes.map((node) => ({ node: decodeNode(node, props) })),
  };
}
