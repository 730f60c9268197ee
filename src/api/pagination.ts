import { GraphQLError } from 'graphql';
import type { GraphNode, Hit } from './loaders.js';

/**
 * Relay pages over an ordered list: offset cursors (opaque base64), first/after and last/before,
 * a capped page size, and the total count. Lists come ordered from Cypher or the loaders, so pages are stable.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageEdge {
  cursor: string;
  node: GraphNode;
  rel: Hit['rel'];
}

export interface Page {
  edges: PageEdge[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string, name: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (match === null)
    throw new GraphQLError(`${name} is not a cursor this API issued`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  return Number(match[1]);
}

function checkSize(value: number | null | undefined, name: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new GraphQLError(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A page of any ordered list: its edges hold the items themselves. */
export interface ItemPage<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: Page['pageInfo'];
  totalCount: number;
}

export function pageOf<T>(items: T[], args: PageArgs): ItemPage<T> {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  if (first !== undefined && last !== undefined) {
    // Relay leaves first+last together undefined; answering one of them silently would mislead.
    throw new GraphQLError('give first (with after) or last (with before), not both', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  let start = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  let end = args.before ? decodeCursor(args.before, 'before') : items.length;
  start = Math.min(start, items.length);
  end = Math.max(start, Math.min(end, items.length));
  if (first !== undefined) end = Math.min(end, start + first);
  else if (last !== undefined) start = Math.max(start, end - last);
  else end = Math.min(end, start + DEFAULT_PAGE_SIZE);
  const edges = items.slice(start, end).map((node, index) => ({ cursor: encodeCursor(start + index), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

/** A page of relationship hits: each edge is the node reached, with the relationship's data beside it. */
export function paginate(hits: Hit[], args: PageArgs): Page {
  const page = pageOf(hits, args);
  return { ...page, edges: page.edges.map(({ cursor, node: hit }) => ({ cursor, ...hit })) };
}

/** Root lists come as nodes; a page edge carries no relationship then. */
export const asHits = (nodes: GraphNode[]): Hit[] => nodes.map((node) => ({ node, rel: {} }));
