import { z } from 'zod';
import type { Slice, SortKey, Window } from '../storage/window.js';
import { badInput } from './errors.js';

/**
 * Relay paging over lists the database orders and pages by key (src/storage/window.ts): a cursor is the
 * sort key of the row it stands for (ending in the row's uid) and the name of the order it belongs to, as
 * opaque base64url JSON. The next page starts after that key, wherever the row now stands, so a page does
 * not shift when an ingest adds or removes rows between two requests. Page sizes are capped; `first` and
 * `last` together are refused.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page: edges carry the item's own fields beside the cursor (a node, or a node with its relationship). */
export interface Page<E> {
  edges: (E & { cursor: string })[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** What a cursor holds: the list's order (`o`) and the row's sort key (`k`). */
const CursorSchema = z.strictObject({
  o: z.string(),
  k: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).min(1),
});

const encodeCursor = (order: string, key: SortKey): string =>
  Buffer.from(JSON.stringify({ o: order, k: key })).toString('base64url');

/** The key a cursor holds, if it is one this API issued for this list in this order. */
function decodeCursor(cursor: string, order: string, name: string): SortKey {
  const refused = () => badInput(`${name} is not a cursor this API issued for this list and order`, name);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw refused();
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.o !== order) throw refused();
  return parsed.data.k;
}

function checkSize(value: number | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, name);
  }
  return value;
}

/**
 * The rows of a list the Relay arguments ask for. `order` names the list and its order (cursors of
 * another list or order are refused: their keys would mean something else).
 */
export function windowOf(args: PageArgs, order: string): Window {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  // Relay leaves first+last together undefined; answering one of them silently would mislead.
  if (first !== undefined && last !== undefined)
    throw badInput('give first (with after) or last (with before), not both', 'first');
  return {
    limit: last ?? first ?? DEFAULT_PAGE_SIZE,
    after: args.after ? decodeCursor(args.after, order, 'after') : null,
    before: args.before ? decodeCursor(args.before, order, 'before') : null,
    fromEnd: last !== undefined,
  };
}

/** The page of a slice, each edge's cursor its row's key in `order`. */
export function pageOf<E extends object>(slice: Slice<E>, order: string): Page<E> {
  // A cursor is encoded (JSON, then base64) when it is read: most requests select none, and a deep page
  // has thousands of edges.
  const edges = slice.items.map((item, index) => {
    const key = slice.keys[index] ?? [];
    return Object.defineProperty({ ...item }, 'cursor', {
      get: () => encodeCursor(order, key),
      enumerable: true,
    }) as E & { cursor: string };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: slice.hasNext,
      hasPreviousPage: slice.hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: slice.total,
  };
}
