import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { GraphNode } from '../graph/index.js';
import { readHopPages, type HopHit, type HopProjection } from '../storage/hops.js';
import { readNodes } from '../storage/nodes.js';
import type { NodeProjection } from '../storage/projection.js';
import type { Slice } from '../storage/window.js';

interface NodeKey {
  uid: string;
  projection: NodeProjection;
}

/**
 * Per-request DataLoaders: every page of a relationship hop and every node lookup in one GraphQL request
 * that its parent's query did not read already is batched into one Cypher query per distinct projection
 * (hop, window, filters, what is selected below) and tick, so the number of queries grows with the
 * query's depth at most, never with the number of results.
 */
export class Loaders {
  private readonly hopLoaders = new Map<string, DataLoader<string, Slice<HopHit>, string>>();
  /** Per shape of hops below: node lookups of one tick are one query, reading the union of their properties. */
  private readonly nodeLoaders = new Map<string, DataLoader<NodeKey, GraphNode | null, string>>();

  constructor(private readonly db: Database) {}

  /** One page of the nodes reached from the parent (by uid) through a hop, as the projection describes it. */
  hopPage(parentUid: string, projection: HopProjection): Promise<Slice<HopHit>> {
    return loaderFor(this.hopLoaders, projection, (parents: readonly string[]) =>
      readHopPages(this.db, parents, projection),
    ).load(parentUid);
  }

  /** A node by uid with what the projection reads (null when the graph has none). */
  node(uid: string, projection: NodeProjection): Promise<GraphNode | null> {
    const hops = projection.hops;
    const loader = loaderFor(
      this.nodeLoaders,
      hops,
      async (keys: readonly NodeKey[]) => {
        const uids = [...new Set(keys.map((key) => key.uid))];
        const props = [...new Set(keys.flatMap((key) => key.projection.props))].sort();
        const found = await readNodes(this.db, uids, { props, hops });
        const byUid = new Map(uids.map((one, i) => [one, found[i] ?? null]));
        return keys.map((key) => byUid.get(key.uid) ?? null);
      },
      (key) => `${key.uid}|${[...key.projection.props].sort().join(',')}`,
    );
    return loader.load({ uid, projection });
  }
}

/** Projections are worked out once per field and request (selection.ts), so their JSON is written once too. */
const shapes = new WeakMap<object, string>();

function shapeKey(shapeOf: object): string {
  let shape = shapes.get(shapeOf);
  if (shape === undefined) {
    shape = JSON.stringify(shapeOf);
    shapes.set(shapeOf, shape);
  }
  return shape;
}

function loaderFor<K, V>(
  loaders: Map<string, DataLoader<K, V, string>>,
  shapeOf: object,
  batch: (keys: readonly K[]) => Promise<V[]>,
  cacheKeyFn?: (key: K) => string,
): DataLoader<K, V, string> {
  const shape = shapeKey(shapeOf);
  let loader = loaders.get(shape);
  if (loader === undefined) {
    loader = new DataLoader<K, V, string>(batch, cacheKeyFn === undefined ? {} : { cacheKeyFn });
    loaders.set(shape, loader);
  }
  return loader;
}
