import { z } from 'zod';
import type { Database } from '../db/database.js';
import { feedsEdges, possiblySameEdges, type DerivedEdge } from '../extract/derive.js';
import type { Resolver } from '../extract/resolve.js';

/**
 * Reads the candidates for the derived edges (FEEDS, POSSIBLY_SAME_AS) from the graph, lets the pure
 * rules of src/extract/derive.ts decide, and writes the difference with the derived edges as they stand in one
 * transaction: the edges no longer given are deleted, new or changed ones (re)created, the others left alone.
 * After an ingest of a few Updates the write is a few edges, not every derived edge of the graph.
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
  const changes = await Promise.all(
    (
      [
        ['FEEDS', feeds],
        ['POSSIBLY_SAME_AS', doubtful],
      ] as const
    ).map(async ([type, rows]) => ({ type, ...difference(await db.read('derived-edges', { type }), rows) })),
  );
  if (changes.some(({ stale, fresh }) => stale.length > 0 || fresh.length > 0)) {
    await db.writeTransaction(async (tx) => {
      for (const { type, stale, fresh } of changes) {
        if (stale.length > 0) await tx.run('delete-derived', { type, rows: stale });
        if (fresh.length > 0) await tx.run('create-derived', { rows: fresh });
      }
    });
  }
  return {
    feeds: feeds.length,
    possiblySameAs: doubtful.length,
    doubts: doubtful.map((edge) => `possibly the same person: ${(edge.props.terms as string[]).join(' / ')}`),
  };
}

/** A derived edge's properties as Neo4j stores them (no nulls), keys sorted: equal edges give equal text. */
function canonical(props: Record<string, unknown>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(props)
        .filter(([, value]) => value !== null && value !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
  );
}

/** What to delete (stored, not derived now or derived otherwise) and to create (derived now, not stored alike). */
function difference(
  stored: Record<string, unknown>[],
  derived: DerivedEdge[],
): { stale: { from: string; to: string }[]; fresh: DerivedEdge[] } {
  const now = new Map(derived.map((edge) => [`${edge.from}\u0000${edge.to}`, edge]));
  const kept = new Set<string>();
  const stale: { from: string; to: string }[] = [];
  for (const row of stored) {
    const id = `${String(row.from)}\u0000${String(row.to)}`;
    const edge = now.get(id);
    if (
      edge !== undefined &&
      !kept.has(id) &&
      canonical(edge.props) === canonical(row.props as Record<string, unknown>)
    )
      kept.add(id);
    else stale.push({ from: String(row.from), to: String(row.to) });
  }
  return { stale, fresh: derived.filter((edge) => !kept.has(`${edge.from}\u0000${edge.to}`)) };
}
