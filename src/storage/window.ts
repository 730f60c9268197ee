/**
 * A slice of an ordered list, as the database cuts it: start at `skip`, take `limit`, or, with `fromEnd`,
 * take the last `limit` (not before `skip`). The API turns Relay arguments into a Window; Cypher applies it.
 */
export interface Window {
  skip: number;
  limit: number;
  fromEnd: boolean;
}

/** What a sliced query returns: the slice, where it starts, and how long the whole list is. */
export interface Slice<T> {
  items: T[];
  start: number;
  total: number;
}

export const windowParams = (window: Window) => ({
  skip: window.skip,
  limit: window.limit,
  fromEnd: window.fromEnd,
});
