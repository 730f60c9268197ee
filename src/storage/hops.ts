import type { Database } from '../db/database.js';
import { decodePage, hopPagesQuery, type HopHit, type HopProjection } from './projection.js';
import { sliceOf, type Slice } from './window.js';

export type { HopHit, HopProjection } from './projection.js';

/**
 * Pages of one hop for many parents in one query (a DataLoader batch), with everything the projection
 * reads below the reached nodes; parents without hits get an empty page.
 */
export async function readHopPages(
  db: Database,
  parents: readonly string[],
  projection: HopProjection,
): Promise<Slice<HopHit>[]> {
  const query = hopPagesQuery(parents, projection);
  const rows = await db.queryText<{ parentUid: string; page: unknown }>(
    'hop-pages',
    query.text,
    query.params,
  );
  const byParent = new Map(rows.map((row) => [row.parentUid, row.page]));
  return parents.map((uid) => {
    const page = byParent.get(uid);
    return page === undefined ? sliceOf([], [], projection.window, 0) : decodePage(page, projection);
  });
}
