import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { GraphNode } from '../graph/index.js';
import { readHopPages, type HopHit, type HopPageRequest } from '../storage/hops.js';
import { readNodes } from '../storage/nodes.js';
import type { Slice } from '../storage/window.js';

interface NodeKey {
  uid: string;
  props: readonly string[];
}

/**
 * Per-request DataLoaders: every page of a relationship hop and every node lookup in one GraphQL request is
 * batched into one Cypher query per distinct request shape (hop, window, filters, selected properties) and
 * level, so the number of queries grows with the query's depth, not with the number of results.
 */
export class Loaders {
  private readonly hopLoaders = new Map<string, DataLoader<string, Slice<HopHit>>>();
  /** Every node lookup of a tick is one query, projecting the union of the properties its callers asked for. */
  private readonly nodes: DataLoader<NodeKey, GraphNode | null, string>;

  constructor(private readonly db: Database) {
    this.nodes = new DataLoader(
      async (keys) => {
        const uids = [...new Set(keys.map((key) => key.uid))];
        const props = [...new Set(keys.flatMap((key) => key.props))].sort();
        const found = await readNodes(this.db, uids, props);
        const byUid = new Map(uids.map((uid, i) => [uid, found[i] ?? null]));
        return keys.map((key) => byUid.get(key.uid) ?? null);
      },
      { cacheKeyFn: (key) => `${key.uid}|${[...key.props].sort().join(',')}` },
    );
  }

  /** One page of the nodes reached from the parent (by uid) through a hop, as the request describes it. */
  hopPage(parentUid: string, request: HopPageRequest): Promise<Slice<HopHit>> {
    const shape = JSON.stringify(request);
    let loader = this.hopLoaders.get(shape);
    if (loader === undefined) {
      loader = new DataLoader((parents) => readHopPages(this.db, parents, request));
      this.hopLoaders.set(shape, loader);
    }
    return loader.load(parentUid);
  }

  /** A node by uid with the given properties (null when the graph has none). */
  node(uid: string, props: readonly string[]): Promise<GraphNode | null> {
    return this.nodes.load({ uid, props });
  }
}
