/**
 * Keyset paging: a page is the rows that come after (or before) a row's sort key in the list's order,
 * not an offset into it, so a page does not shift when rows are added to or removed from the list between
 * two requests. A list's order is a list of sort terms ending in the row's uid, so that every row has a
 * key of its own; the database orders, filters by key and cuts the page (reading one row more than asked
 * for, which says whether the list goes on). Nulls sort as Neo4j sorts them: last ascending, first
 * descending, so a term read in reverse gives exactly the reverse order.
 */

/** One value of a sort key, as Neo4j returns it and a cursor carries it. */
export type SortValue = string | number | boolean | null;
export type SortKey = readonly SortValue[];

/** A term of a list's order: a Cypher expression over the row's variables, and its direction. */
export interface SortTerm {
  expression: string;
  descending: boolean;
}

export const ascending = (expression: string): SortTerm => ({ expression, descending: false });
export const descending = (expression: string): SortTerm => ({ expression, descending: true });

/**
 * The rows a page asks for: at most `limit`, strictly after the key `after` and before `before` (either
 * null: unbounded), read from the end of that range with `fromEnd` (Relay's `last`).
 */
export interface Window {
  limit: number;
  after: SortKey | null;
  before: SortKey | null;
  fromEnd: boolean;
}

export const FIRST_ROWS = (limit: number): Window => ({ limit, after: null, before: null, fromEnd: false });

/** A page as the database cut it: the items in the list's order with their keys, and the list's length. */
export interface Slice<T> {
  items: T[];
  keys: SortKey[];
  total: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

export const emptySlice = <T>(): Slice<T> => ({
  items: [],
  keys: [],
  total: 0,
  hasNext: false,
  hasPrevious: false,
});

/** Writes a value as a query parameter and returns its `$name`. */
export type Param = (value: unknown) => string;

const flipped = (terms: readonly SortTerm[]): SortTerm[] =>
  terms.map((term) => ({ ...term, descending: !term.descending }));

/** The key of a row as one Cypher list, evaluated once and compared term by term. */
export const keyExpression = (terms: readonly SortTerm[]): string =>
  `[${terms.map((term) => term.expression).join(', ')}]`;

/** `ORDER BY` text: the terms in the order the page is read. */
export function orderByTerms(terms: readonly SortTerm[], window: Window): string {
  const reading = window.fromEnd ? flipped(terms) : terms;
  return reading.map((term) => `${term.expression}${term.descending ? ' DESC' : ''}`).join(', ');
}

/**
 * Whether the row's terms come strictly after the cursor's key (a list parameter) in the terms' order:
 * equal on the first i terms and after on term i, for some i. Null is the largest value, as in Neo4j's
 * ORDER BY.
 */
function comesAfter(cursor: string, terms: readonly SortTerm[]): string {
  // Bracketed, so that a term such as `d IS NULL` stays one operand.
  const value = ({ expression }: SortTerm) => `(${expression})`;
  const equal = (term: SortTerm, i: number, v = value(term)) =>
    `coalesce(${v} = ${cursor}[${i}], ${v} IS NULL AND ${cursor}[${i}] IS NULL)`;
  const after = (term: SortTerm, i: number, v = value(term)) =>
    term.descending
      ? `(${v} IS NOT NULL AND (${cursor}[${i}] IS NULL OR ${v} < ${cursor}[${i}]))`
      : `(${cursor}[${i}] IS NOT NULL AND (${v} IS NULL OR ${v} > ${cursor}[${i}]))`;
  const cases = terms.map((term, i) =>
    [...terms.slice(0, i).map((earlier, j) => equal(earlier, j)), after(term, i)].join(' AND '),
  );
  return `(${cases.join(' OR ')})`;
}

/** `WHERE` text keeping the rows between the window's cursors ('' when it has none). */
export function keysetWhere(terms: readonly SortTerm[], window: Window, param: Param): string {
  const bounds = [
    ...(window.after === null ? [] : [comesAfter(param(window.after), terms)]),
    ...(window.before === null ? [] : [comesAfter(param(window.before), flipped(terms))]),
  ];
  return bounds.length === 0 ? '' : `WHERE ${bounds.join(' AND ')} `;
}

/** `LIMIT` text: one row more than the page, to learn whether the list goes on. */
export const overflowLimit = (window: Window, param: Param): string =>
  // Parameters arrive as floats (the driver sends JS numbers so); LIMIT wants an integer.
  `LIMIT toInteger(${param(window.limit + 1)})`;

/** The page from the rows read (in reading order, one more than the page when the list goes on). */
export function sliceOf<T>(
  read: readonly T[],
  keys: readonly SortKey[],
  window: Window,
  total: number,
): Slice<T> {
  const overflow = read.length > window.limit;
  const items = read.slice(0, window.limit);
  const itemKeys = keys.slice(0, window.limit);
  if (window.fromEnd) {
    items.reverse();
    itemKeys.reverse();
  }
  return {
    items,
    keys: itemKeys,
    total,
    // Relay: with first/after, a previous page is reported when a cursor was given; with last/before, a
    // next page likewise (cheap, and what the spec allows).
    hasNext: window.fromEnd ? window.before !== null : overflow,
    hasPrevious: window.fromEnd ? overflow : window.after !== null,
  };
}

/**
 * A page of the rows a Cypher text returns (`RETURN` of `columns`, in no order): each row's key from the
 * terms (over the columns), the rows in the window ordered and cut in the database, each written as
 * `entry` (over the columns). Rows: `{total, entries}`, each entry `[entry, key]`.
 */
export function pagedRows(
  source: string,
  columns: readonly string[],
  terms: readonly SortTerm[],
  window: Window,
  entry: string,
  param: Param,
): string {
  const carried = columns.join(', ');
  // The key is worked out once per row; the page is filtered and ordered by its elements.
  const byKey = terms.map((term, i) => ({ ...term, expression: `key[${i}]` }));
  return (
    `CALL () {\n${source}\n}\n` +
    `WITH ${carried}, ${keyExpression(terms)} AS key\n` +
    `WITH collect({${columns.map((c) => `${c}: ${c}`).join(', ')}, key: key}) AS rows\n` +
    `CALL (rows) {\n` +
    `  UNWIND rows AS row WITH ${columns.map((c) => `row.${c} AS ${c}`).join(', ')}, row.key AS key ` +
    keysetWhere(byKey, window, param) +
    `\n  WITH ${carried}, key ORDER BY ${orderByTerms(byKey, window)} ${overflowLimit(window, param)}\n` +
    `  RETURN collect([${entry}, key]) AS entries\n` +
    `}\n` +
    `RETURN size(rows) AS total, entries`
  );
}
