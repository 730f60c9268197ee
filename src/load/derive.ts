import type { Database } from '../db/database.js';
import {
  feedsEdges,
  possiblySameEdges,
  type FeedsCandidate,
  type PersonCandidate,
} from '../extract/derive.js';
import type { Resolver } from '../extract/resolve.js';

/**
 * Reads the candidates for the derived edges (FEEDS, POSSIBLY_SAME_AS) from the graph, lets the pure
 * rules of src/extract/derive.ts decide, and replaces the derived edges in one transaction.
 */

export interface DeriveSummary {
  feeds: number;
  possiblySameAs: number;
  /** One line per doubtful pair of people, for the ingest summary. */
  doubts: string[];
}

export async function deriveEdges(db: Database, resolver: Resolver): Promise<DeriveSummary> {
  const [candidates, networkRows, people] = await Promise.all([
    db.read('feeds-candidates'),
    db.read('network-keys'),
    db.read('people-for-doubts'),
  ]);
  const networks = new Set(networkRows.map((row) => String(row.key)));
  const feeds = feedsEdges(candidates as unknown as FeedsCandidate[], networks, resolver);
  const doubtful = possiblySameEdges(people as unknown as PersonCandidate[]);
  await db.writeTransaction(async (tx) => {
    for (const [type, rows] of [
      ['FEEDS', feeds],
      ['POSSIBLY_SAME_AS', doubtful],
    ] as const) {
      await tx.run('delete-derived', { type });
      if (rows.length > 0) await tx.run('create-derived', { rows });
    }
  });
  return {
    feeds: feeds.length,
    possiblySameAs: doubtful.length,
    doubts: doubtful.map((edge) => `possibly the same person: ${(edge.props.terms as string[]).join(' / ')}`),
  };
}
