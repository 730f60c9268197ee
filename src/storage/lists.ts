import { shapedCypher } from '../db/cypher.js';
import type { Database } from '../db/database.js';
import type { GraphNode } from '../graph/index.js';
import { decodeListEntry, listQuery, type NodeProjection } from './projection.js';
import {
  ascending,
  descending,
  sliceOfRows,
  type PagedRows,
  type Slice,
  type SortTerm,
  type Window,
} from './window.js';

/** The root lists, one Cypher file each, with the filters each takes (null: not filtered). */
export interface ListFilters {
  'list-issues': { from: string | null; to: string | null; number: number | null };
  'list-items': { section: string | null; from: string | null; to: string | null; text: string | null };
  'list-reports': {
    publisher: string | null;
    from: string | null;
    to: string | null;
    text: string | null;
    orderBy: 'NEWEST_FIRST' | 'OLDEST_FIRST' | 'TITLE' | 'MOST_CITED';
  };
  'list-organisations': {
    orderBy: 'NAME' | 'MOST_REPORTS';
    from: string | null;
    to: string | null;
    /** A case-insensitive whole-word regular expression (see `wordPattern`). */
    topic: string | null;
    publishersOnly: boolean;
  };
  'list-named': { label: 'Organisation' | 'Network' | 'LocalAuthority'; seslip: boolean | null };
  'list-people': {
    organisation: string | null;
    authority: string | null;
    network: string | null;
    orderBy: 'NAME' | 'LAST_SEEN';
  };
  'list-meetings': { network: string | null; from: string | null; to: string | null };
}

/**
 * A list entry: the node, and the figure the list counted for it (null where it counts nothing): the figure
 * a list orders by, where it has one (an organisation's reports, a report's citations).
 */
export interface ListEntry {
  node: GraphNode;
  count: number | null;
}

/**
 * Each list's order, over the file's rows `n, count`; the uid last, so that every row has a key of its own.
 * A term that depends on `$orderBy` is null for every row under the other orders, so it orders nothing there.
 */
const LIST_ORDERS: Record<keyof ListFilters, readonly SortTerm[]> = {
  'list-issues': [descending('n.date'), descending('n.number')],
  'list-items': [descending('n.date'), descending('n.issueNumber'), ascending('n.position')],
  'list-reports': [
    ascending("CASE WHEN $orderBy = 'TITLE' THEN toLower(n.title) END"),
    descending('count'),
    ascending('n.publishedOn IS NULL'),
    ascending("CASE WHEN $orderBy = 'OLDEST_FIRST' THEN n.publishedOn END"),
    descending('n.publishedOn'),
    ascending('n.key'),
  ],
  'list-organisations': [
    descending("CASE WHEN $orderBy = 'MOST_REPORTS' THEN count END"),
    ascending('n.key'),
  ],
  'list-named': [ascending('n.key')],
  'list-people': [descending("CASE WHEN $orderBy = 'LAST_SEEN' THEN n.lastIssue END"), ascending('n.key')],
  'list-meetings': [ascending('n.date'), ascending('n.key')],
};

export const listOrder = (name: keyof ListFilters): readonly SortTerm[] => [
  ...LIST_ORDERS[name],
  ascending('n.uid'),
];

/** A list of one label writes it into the query: `MATCH (n:$($label))` would scan every node of the graph. */
const labelSlot = (filters: object): Record<string, string> =>
  'label' in filters && typeof filters.label === 'string' ? { label: filters.label } : {};

/**
 * One page of a root list, ordered, filtered and cut by key in Cypher, each node read with its projection
 * (and so every hop selected below it) in the same query.
 */
export async function readList<Name extends keyof ListFilters>(
  db: Database,
  name: Name,
  filters: ListFilters[Name],
  window: Window,
  projection: NodeProjection,
): Promise<Slice<ListEntry>> {
  const query = listQuery(shapedCypher(name, labelSlot(filters)), listOrder(name), window, projection);
  const [row] = await db.queryText<PagedRows>(name, query.text, { ...filters, ...query.params });
  return sliceOfRows(row, window, (entry) => decodeListEntry(entry, projection));
}

/** A whole-word, case-insensitive Cypher regular expression for a user's phrase (SEND matches "SEND", not "sending"). */
export const wordPattern = (phrase: string): string =>
  `(?is).*\\b${phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')}\\b.*`;
