import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/api/schema.js';
import { loadResolver } from '../../src/extract/resolve.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { silentLogger } from '../../src/log.js';
import { createApp, QUERY_LIMITS, type App } from '../../src/server/app.js';
import { openEmptyTestDatabase, testConfig, unreachableDatabase } from '../support/graph.js';

let opened: OpenDatabase;
let app: App;

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  app = createApp({ config: testConfig(), db: opened.db, resolver: await loadResolver(), log: silentLogger });
});
afterAll(async () => {
  await opened?.close();
});

async function graphql(
  target: App,
  query: string,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await target.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data?: Record<string, unknown> };
}

describe('GraphQL server (yoga.fetch, no listener)', () => {
  it('answers the health query with the real Neo4j version and edition', async () => {
    const result = await graphql(app, '{ health { ok neo4jVersion neo4jEdition database error } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.health).toMatchObject({
      ok: true,
      neo4jEdition: 'community',
      database: 'neo4j',
      error: null,
    });
    expect((result.data?.health as { neo4jVersion: string }).neo4jVersion).toMatch(/^5\.26\./);
  });

  it('is live and ready while Neo4j answers', async () => {
    expect((await app.fetch('http://test/health')).status).toBe(200);
    expect((await app.fetch('http://test/ready')).status).toBe(200);
  });

  it('is live but not ready, and health says why, when Neo4j is unreachable', async () => {
    const dead = unreachableDatabase();
    try {
      const deadApp = createApp({
        config: testConfig(),
        db: dead,
        resolver: await loadResolver(),
        log: silentLogger,
      });
      expect((await deadApp.fetch('http://test/health')).status).toBe(200);
      expect((await deadApp.fetch('http://test/ready')).status).toBe(503);
      const result = await graphql(deadApp, '{ health { ok error } }');
      expect(result.data?.health).toMatchObject({ ok: false });
      expect((result.data?.health as { error: string }).error).toMatch(/unreachable/);
    } finally {
      await dead.close();
    }
  });

  it('refuses a query nested deeper than the limit, naming the limit', async () => {
    // person → networks → contacts, three times over: depth 20.
    const nested = [1, 2, 3].reduce(
      (inner) => `networks { edges { node { contacts { edges { node { ${inner} } } } } } }`,
      'name',
    );
    const result = await graphql(app, `{ person(name: "Amanda Meadows") { ${nested} } }`);
    expect(result.data).toBeUndefined();
    expect(JSON.stringify(result.errors)).toMatch(
      new RegExp(`Query depth limit of ${QUERY_LIMITS.maxDepth} exceeded`),
    );
  });

  it('refuses a flood of aliases, naming the limit', async () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `h${i}: health { ok }`,
    ).join(' ');
    const result = await graphql(app, `{ ${aliases} }`);
    expect(result.data).toBeUndefined();
    expect(JSON.stringify(result.errors)).toMatch(
      new RegExp(`Aliases limit of ${QUERY_LIMITS.maxAliases} exceeded`),
    );
  });

  it('serves GraphiQL to a browser', async () => {
    const response = await app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/graphiql/i);
  });

  it('keeps schema/schema.graphql in sync with the Pothos schema (run `npm run schema:print`)', () => {
    const checkedIn = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(printedSchema());
  });
});
