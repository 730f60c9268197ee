import { z } from 'zod';
import type { Database } from '../db/database.js';
import { feedsEdges, possiblySameEdges } from '../extract/derive.js';
import type { Resolver } from '../extract/resolve.js';

/**
 * Reads the candidates for the derived edges (FEEDS, POSSIBLY_SAME_AS) from the graph, lets the pure
 * rules of src/extract/derive.ts decide, and replaces the derived edges in one transaction.
 */

// The rows of feeds-candidates.cypher and people-for-doubts.cypher, checked once where they leave Neo4j.
const evidence = z.object({ source: z.string(), quote: z.string(), date: z.string() });
const feedsCandidates = z.array(
  z.object({
    report: z.string(),
    title: z.string(),
    listing: evidence.nullable(),
    publishers: z.array(z.string()),
    citations: z.array(
      z.object({
        item: z.string(),
        date: z.string(),
        title: z.string(),
        text: z.string(),
        quotes: z.array(z.string()),
        otherQuotes: z.array(z.string()),
        namedContacts: z.array(z.object({ network: z.string(), person: z.string() })),
      }),
    ),
  }),
);
const peopleCandidates = z.array(
  z.object({ key: z.string(), name: z.string(), bodies: z.array(z.string()), evidence: evidence.nullable() }),
);

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
  const feeds = feedsEdges(feedsCandidates.parse(candidates), networks, resolver);
  const doubtful = possiblySameEdges(peopleCandidates.parse(people));
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
