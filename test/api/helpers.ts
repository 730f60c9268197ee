import { afterAll, beforeAll, expect } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { silentLogger } from '../../src/log.js';
import { createApp, type App } from '../../src/server/app.js';
import { openEmptyTestDatabase, testConfig } from '../support/graph.js';

/**
 * End-to-end API tests: the five seed Updates ingested into the real (test) Neo4j, the app built by
 * createApp, and GraphQL sent through `app.fetch` (no listener). Every expected answer in test/api was
 * confirmed by reading the seed text; the comments cite `<Update number>:<line>` of seed/update-<n>-*.txt.
 */

/** GraphQL answers are navigated freely in these tests; the assertions check their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** An API key long enough for API_KEYS (16+ characters). */
export const API_KEY = 'test-api-key-0123456789';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { cypherQueries?: number } & Record<string, unknown>;
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export interface SeededApi {
  app: App;
  opened: OpenDatabase;
}

/**
 * Registers beforeAll/afterAll hooks that empty the test database, ingest seed/ and build the app (with
 * API_KEYS set, so that an authorised request can be made). Returns a holder filled in by beforeAll.
 */
export function useSeededApi(): SeededApi {
  const holder = {} as SeededApi;
  beforeAll(async () => {
    const config = testConfig({ API_KEYS: API_KEY });
    holder.opened = await openEmptyTestDatabase(config);
    const resolver = await loadResolver();
    const summary = await ingestFiles(holder.opened.db, resolver, ['seed']);
    expect(summary.counts).toMatchObject({ loaded: 5, failed: 0 });
    holder.app = createApp({ config, db: holder.opened.db, resolver, log: silentLogger });
  });
  afterAll(async () => {
    await holder.opened?.close();
  });
  return holder;
}

/**
 * POSTs one GraphQL request to the app and checks the HTTP status: 200, GraphQL errors travelling in the
 * body, except for requests yoga refuses before executing them (bad variables: 400).
 */
export async function graphql<T = Json>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  status = 200,
): Promise<GraphQLResult<T>> {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResult<T>;
  expect(response.status, JSON.stringify(body.errors)).toBe(status);
  return body;
}

/** Like graphql, but the request must succeed without errors; returns its data. */
export async function data<T = Json>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await graphql<T>(app, query, variables, headers);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data).toBeTruthy();
  return result.data!;
}

/** The Relay global id of a node: base64 of "<Type>:<key>". */
export const globalId = (type: string, key: string): string =>
  Buffer.from(`${type}:${key}`).toString('base64');

export const names = <T extends { name: string }>(connection: { edges: { node: T }[] }): string[] =>
  connection.edges.map((edge) => edge.node.name);
