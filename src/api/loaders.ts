import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { GraphNode } from '../graph/index.js';
import { readHopPages, type HopHit, type HopPageRequest } from '../storage/hops.js';
import { readNodes } from '../storage/nodes.js';
import type { Slice } from '../storage/window.js';

/**
 * Per-request DataLoaders: every page of a relationship hop and every node lookup in one GraphQL request is
 * batched into one Cypher query per distinct request shape (hop, window, filters, selected properties) and
 * level, so the number of queries grows with the query's depth, not with the number of results.
 */
export class Loaders {
  private readonly hopLoaders = new Map<string, DataLoader<string, Slice<HopHit>>>();
  private readonly nodeLoaders = new Map<string, DataLoader<string, GraphNode | null>>();

  constructor(private readonly db: Database) {}

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
    const shape = [...props].sort().join(',');
    let loader = this.nodeLoaders.get(shape);
    if (loader === undefined) {
      loader = new DataLoader((uids) => readNodes(this.db, uids, props));
      this.nodeLoaders.set(shape, loader);
    }
    return loader.load(uid);
  }
}
