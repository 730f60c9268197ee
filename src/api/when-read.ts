/**
 * Applies `next` now to a value at hand, or when a promised one comes: a field whose data its parent's query
 * read already then completes without a promise, and graphql-js completes such a subtree synchronously.
 */
export const whenRead = <T, U>(value: T | Promise<T>, next: (value: T) => U): U | Promise<U> =>
  value instanceof Promise ? value.then(next) : next(value);
