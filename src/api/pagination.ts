import type { Slice, Window } from '../storage/window.js';
import { badInput } from './errors.js';

/**
 * Relay paging over lists the database orders and slices: the arguments become a Window (offset cursors,
 * opaque base64), the storage function returns the slice with its start and the list's length, and the
 * page is assembled from that. Page sizes are capped; `first` and `last` together are refused.
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

const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string, name: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (match === null) throw badInput(`${name} is not a cursor this API issued`, name);
  return Number(match[1]);
}

function checkSize(value: number | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, name);
  }
  return value;
}

/** The slice of the ordered list that the Relay arguments ask for. */
export function windowOf(args: PageArgs): Window {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  // Relay leaves first+last together undefined; answering one of them silently would mislead.
  if (first !== undefined && last !== undefined)
    throw badInput('give first (with after) or last (with before), not both', 'first');
  const skip = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  const end = args.before ? decodeCursor(args.before, 'before') : undefined;
  if (last !== undefined) {
    if (end === undefined) return { skip, limit: last, fromEnd: true };
    const start = Math.max(skip, end - last);
    return { skip: start, limit: Math.max(0, end - start), fromEnd: false };
  }
  const size = first ?? DEFAULT_PAGE_SIZE;
  return { skip, limit: end === undefined ? size : Math.max(0, Math.min(size, end - skip)), fromEnd: false };
}

/** The page of a slice: cursors are absolute offsets, so pages stay stable across requests. */
export function pageOf<E extends object>(slice: Slice<E>): Page<E> {
  const edges = slice.items.map((item, index) => ({ ...item, cursor: encodeCursor(slice.start + index) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: slice.start + edges.length < slice.total,
      hasPreviousPage: slice.start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: slice.total,
  };
}
