import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { NodeLabel } from '../extract/records.js';
import { HOPS, type HopName } from './hops.js';

/** A node as the API sees it: its label, its key, and its stored properties. */
export type GraphNode = { label: NodeLabel; key: string; uid: string } & Record<string, unknown>;

/** One step along a relationship: the node reached and the relationship's properties (evidence included). */
export interface Hit {
  node: GraphNode;
  rel: Record<string, unknown>;
}

export const uidOf = (label: NodeLabel, key: string): string => `${label}:${key}`;

/**
 * Per-request DataLoaders: every relationship hop and node lookup in one GraphQL request is batched into
 * one Cypher query per hop and level, so the number of queries grows with the query's depth, not with
 * the number of results.
 */
export class Loaders {
  private readonly hops = new Map<HopName, DataLoader<string, Hit[]>>();
  readonly nodes: DataLoader<string, GraphNode | null>;

  constructor(private readonly db: Database) {
    this.nodes = new DataLoader(async (uids) => {
      const rows = await db.read('nodes-by-uid', { uids });
      const found = new Map(rows.map((row) => [String(row.uid), row.node as GraphNode]));
      return uids.map((uid) => found.get(uid) ?? null);
    });
  }

  /** The nodes reached from the parent (by uid) through the named hop, in a stable order. */
  hop(name: HopName, parentUid: string): Promise<Hit[]> {
    let loader = this.hops.get(name);
    if (loader === undefined) {
      const { type, direction, labels } = HOPS[name];
      loader = new DataLoader(async (keys) => {
        const rows = await this.db.read(direction === 'out' ? 'hop-out' : 'hop-in', { keys, type, labels });
        const byParent = new Map<string, Hit[]>(keys.map((key) => [key, []]));
        for (const row of rows)
          byParent.get(String(row.key))?.push({ node: row.node as GraphNode, rel: row.rel as Hit['rel'] });
        for (const hits of byParent.values()) hits.sort(byNodeOrder);
        return keys.map((key) => byParent.get(key)!);
      });
      this.hops.set(name, loader);
    }
    return loader.load(parentUid);
  }
}

/**
 * A stable order for pages: by the relationship's position where it has one (an Update's items),
 * otherwise newest first where nodes carry a date (Updates, Items, Meetings, Reports), then by key.
 */
function byNodeOrder(a: Hit, b: Hit): number {
  if (typeof a.rel.position === 'number' && typeof b.rel.position === 'number')
    return a.rel.position - b.rel.position;
  const dateOf = (hit: Hit) => String(hit.node.date ?? hit.node.publishedOn ?? '');
  // Numeric: Item keys are "<number>/<position>", and 330/2 comes before 330/10.
  return dateOf(b).localeCompare(dateOf(a)) || a.node.key.localeCompare(b.node.key, 'en', { numeric: true });
}
