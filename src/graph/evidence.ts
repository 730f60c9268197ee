import { issueUid, uidOf } from './keys.js';

/**
 * Evidence: where an edge was read, in order of date, then source, then quote. An edge keeps its first
 * EVIDENCE_PREVIEW entries itself as three aligned lists (`sources`, `quotes`, `seenOn`), with `firstSeen` and
 * `lastSeen` over all of them; the entries after those are `:Evidence` nodes named by the edge's
 * `evidenceEdgeId`, and the edge counts them in `overflow` (absent: none). So an edge that every Update repeats
 * (a contact's network, a publisher's reports) costs the same to write in the thousandth Update as in the
 * first, while the usual read (the first entries) still comes with the edge. Derived edges (FEEDS,
 * POSSIBLY_SAME_AS) are rewritten whole by derive and keep every entry in their lists. This module is the one
 * codec between the stored form and evidence records.
 */

/** The Item's key (or the Issue's key for Update-level facts such as the contact list), the words, the date. */
export interface Evidence {
  source: string;
  quote: string;
  date: string;
}

/** The stored lists of one edge (or a slice of them). */
export interface EvidenceLists {
  sources: string[];
  quotes: string[];
  seenOn: string[];
}

/** The evidence properties an edge stores itself (besides `overflow`, the count of its `:Evidence` nodes). */
export const EVIDENCE_PROPERTIES = ['sources', 'quotes', 'seenOn', 'firstSeen', 'lastSeen'] as const;

/** How many evidence entries an edge written by the loader keeps in its own lists. */
export const EVIDENCE_PREVIEW = 10;

/** The order of evidence entries: date, then source, then quote (code points, as Cypher's ORDER BY). */
export function compareEvidence(a: Evidence, b: Evidence): number {
  for (const field of ['date', 'source', 'quote'] as const) {
    if (a[field] < b[field]) return -1;
    if (a[field] > b[field]) return 1;
  }
  return 0;
}

/** The id an `:Evidence` node names its edge by: the edge's ends (uids), its type and its key. */
export const evidenceEdgeId = (from: string, type: string, to: string, key: string): string =>
  `${from}\t${type}\t${to}\t${key}`;

/** An edge's entries (in order) as stored: its own lists, and the `:Evidence` entries beyond them. */
export function splitEvidence(entries: Evidence[]): { preview: EvidenceLists; overflow: Evidence[] } {
  const kept = entries.slice(0, EVIDENCE_PREVIEW);
  return {
    preview: {
      sources: kept.map((e) => e.source),
      quotes: kept.map((e) => e.quote),
      seenOn: kept.map((e) => e.date),
    },
    overflow: entries.slice(EVIDENCE_PREVIEW),
  };
}

export function decodeEvidence(lists: EvidenceLists): Evidence[] {
  return lists.sources.map((source, i) => ({
    source,
    quote: lists.quotes[i] ?? '',
    date: lists.seenOn[i] ?? '',
  }));
}

/** The Update an entry's source names (null for a decision): what an `:Evidence` node is found by when its
 * Update is replaced. */
export const sourceIssueNumber = (source: string): number | null =>
  isDecisionSource(source) ? null : issueNumberOfSource(source);

/** Evidence sources are Item keys ("518/3") or Issue keys ("issue:518"). */
export const isUpdateLevel = (source: string): boolean => source.startsWith('issue:');

export function issueNumberOfSource(source: string): number {
  const match = /^(?:issue:)?(\d+)/.exec(source);
  if (match === null) throw new Error(`evidence source ${JSON.stringify(source)} names no Update`);
  return Number(match[1]);
}

/** A curator's decision as evidence (an edge a curator asserted): "decision:<id>", naming no Update. */
export const isDecisionSource = (source: string): boolean => source.startsWith('decision:');

/**
 * The uid of the Update an evidence source belongs to, and of its Item (null for Update-level facts); both
 * null for a decision.
 */
export const sourceIssueUid = (source: string): string | null =>
  isDecisionSource(source) ? null : issueUid(issueNumberOfSource(source));
export const sourceItemUid = (source: string): string | null =>
  isUpdateLevel(source) || isDecisionSource(source) ? null : uidOf('Item', source);
