import { issueUid, uidOf } from './keys.js';

/**
 * Evidence: where an edge was read. Every edge stores its evidence as three aligned lists (`sources`,
 * `quotes`, `seenOn`), sorted by date then source, plus `firstSeen` and `lastSeen`; this module is the one
 * codec between those lists and evidence records.
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

export const EVIDENCE_PROPERTIES = ['sources', 'quotes', 'seenOn', 'firstSeen', 'lastSeen'] as const;

export function decodeEvidence(lists: EvidenceLists): Evidence[] {
  return lists.sources.map((source, i) => ({
    source,
    quote: lists.quotes[i] ?? '',
    date: lists.seenOn[i] ?? '',
  }));
}

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
