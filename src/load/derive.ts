import { z } from 'zod';
import type { Database } from '../db/database.js';
import { feedsEdges, possiblySameEdges, type DerivedEdge } from '../extract/derive.js';
import { possiblySamePerson } from '../extract/people.js';
import type { Resolver } from '../extract/resolve.js';
import { uidOf, type NodeLabel } from '../graph/index.js';

/**
 * Reads the candidates for the derived edges (FEEDS, POSSIBLY_SAME_AS) from the graph, lets the pure
 * rules of src/extract/derive.ts decide, and writes the difference with the derived edges as they stand in one
 * transaction: the edges no longer given are deleted, new or changed ones (re)created, the others left alone.
 *
 * After an ingest only what the loaded Updates changed is read again (a DeriveScope from the loader), so the
 * time does not grow with the archive: a report's FEEDS depend on its own edges, the items citing it, the
 * contacts those items name, and which networks exist; a person's POSSIBLY_SAME_AS on the names of people and
 * on the person's bodies and earliest evidence. `seslip-kg derive` (an edited lexicon) reads everything.
 */

/** What an ingest changed that derived edges depend on. */
export interface DeriveScope {
  /** Reports and people (uids) the Updates described, in their new and in their replaced versions. */
  touched: string[];
  /** People (uids) whose CONTACT_FOR edge to a network was created or taken away. */
  contacts: string[];
  /** A network appeared or went: every report is read again. */
  networksChanged: boolean;
}

/** The labels whose nodes derived edges start from: Reports (FEEDS) and people (POSSIBLY_SAME_AS). */
export const DERIVED_FROM_LABELS: readonly NodeLabel[] = ['Report', 'Person'];

export const emptyScope = (): DeriveScope => ({ touched: [], contacts: [], networksChanged: false });

export function addScope(total: DeriveScope, more: DeriveScope): void {
  total.touched.push(...more.touched);
  total.contacts.push(...more.contacts);
  total.networksChanged ||= more.networksChanged;
}

// The rows of derive's queries, checked where they leave Neo4j (RowReader).
const evidence = z.object({ source: z.string(), quote: z.string(), date: z.string() });
const feedsCandidate = z.object({
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
});
const personCandidate = z.object({
  key: z.string(),
  name: z.string(),
  bodies: z.array(z.string()),
  evidence: evidence.nullable(),
});

export interface DeriveSummary {
  feeds: number;
  possiblySameAs: number;
  /** One line per doubtful pair of people, for the ingest summary. */
  doubts: string[];
}

const keyRow = z.object({ key: z.string() });
const personName = z.object({ key: z.string(), name: z.string() });
const storedEdge = z.object({ from: z.string(), to: z.string(), props: z.record(z.string(), z.unknown()) });
const derivedCounts = z.object({ feeds: z.number(), possiblySameAs: z.number() });

/** Derives the edges of the whole graph, or (with a scope from an ingest) of what the ingest changed. */
export async function deriveEdges(
  database: Database,
  resolver: Resolver,
  scope?: DeriveScope,
): Promise<DeriveSummary> {
  // Derive's reads grow with what an ingest touched; they serve no request, so no request's limit cuts them.
  const db = database.forIngest();
  const [networkRows, people] = await Promise.all([
    db.query('network-keys', keyRow),
    db.query('people-names', personName),
  ]);
  const networks = new Set(networkRows.map((row) => row.key));
  const reports = await reportsToDerive(db, scope);
  const feeds = feedsEdges(
    await db.query('feeds-candidates', feedsCandidate, { reports }),
    networks,
    resolver,
  );
  const doubtful = await doubtsToDerive(db, people, scope);
  const changes = await Promise.all(
    (
      [
        ['FEEDS', feeds, reports.map((key) => uidOf('Report', key))],
        ['POSSIBLY_SAME_AS', doubtful.edges, doubtful.around],
      ] as const
    ).map(async ([type, rows, around]) => ({
      type,
      ...difference(await db.query('derived-edges', storedEdge, { type, uids: around }), rows),
    })),
  );
  if (changes.some(({ stale, fresh }) => stale.length > 0 || fresh.length > 0)) {
    await db.writeTransaction(async (tx) => {
      for (const { type, stale, fresh } of changes) {
        if (stale.length > 0) await tx.run('delete-derived', { type, rows: stale });
        if (fresh.length > 0) await tx.run('create-derived', { rows: fresh });
      }
    });
  }
  const [counts] = await db.query('derived-counts', derivedCounts);
  return {
    feeds: counts?.feeds ?? 0,
    possiblySameAs: counts?.possiblySameAs ?? 0,
    doubts: doubtful.edges.map(
      (edge) => `possibly the same person: ${(edge.props.terms as string[]).join(' / ')}`,
    ),
  };
}

/** The keys of the reports whose FEEDS are derived again: all, or those the scope reaches. */
async function reportsToDerive(db: Database, scope: DeriveScope | undefined): Promise<string[]> {
  if (scope === undefined || scope.networksChanged)
    return (await db.query('report-keys', keyRow)).map((row) => row.key);
  const keys = new Set(keysOf(scope.touched, 'Report'));
  if (scope.contacts.length > 0)
    for (const row of await db.query('reports-citing-people', keyRow, { uids: [...new Set(scope.contacts)] }))
      keys.add(row.key);
  return [...keys].sort();
}

/**
 * The doubtful pairs of people to derive again: every pair, or those with a person the scope touched (a pair of
 * two untouched people is as it was). `around` is the people whose stored pairs are compared with them.
 */
async function doubtsToDerive(
  db: Database,
  people: { key: string; name: string }[],
  scope: DeriveScope | undefined,
): Promise<{ edges: DerivedEdge[]; around: string[] }> {
  const touched = new Set(
    scope === undefined ? people.map((person) => person.key) : keysOf(scope.touched, 'Person'),
  );
  const named = people.filter((person) => touched.has(person.key));
  const read = people.filter(
    (person) => touched.has(person.key) || named.some((other) => possiblySamePerson(other.name, person.name)),
  );
  const candidates = await db.query('people-for-doubts', personCandidate, {
    keys: read.map((person) => person.key),
  });
  const around = new Set([...touched].map((key) => uidOf('Person', key)));
  const edges = possiblySameEdges(candidates).filter((edge) => around.has(edge.from) || around.has(edge.to));
  return { edges, around: [...around] };
}

/** The keys of those uids that are of `label` (a uid is `<Label>:<key>`: uidOf). */
function keysOf(uids: readonly string[], label: NodeLabel): string[] {
  const prefix = uidOf(label, '');
  return uids.filter((uid) => uid.startsWith(prefix)).map((uid) => uid.slice(prefix.length));
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
  stored: z.output<typeof storedEdge>[],
  derived: readonly DerivedEdge[],
): { stale: { from: string; to: string }[]; fresh: DerivedEdge[] } {
  const now = new Map(derived.map((edge) => [`${edge.from}\u0000${edge.to}`, edge]));
  const kept = new Set<string>();
  const stale: { from: string; to: string }[] = [];
  for (const row of stored) {
    const id = `${row.from}\u0000${row.to}`;
    const edge = now.get(id);
    if (edge !== undefined && !kept.has(id) && canonical(edge.props) === canonical(row.props)) kept.add(id);
    else stale.push({ from: row.from, to: row.to });
  }
  return { stale, fresh: derived.filter((edge) => !kept.has(`${edge.from}\u0000${edge.to}`)) };
}
