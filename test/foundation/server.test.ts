import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/api/schema.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { loadResolver } from '../../src/load/reference.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { silentLogger } from '../../src/log.js';
import { createApp, QUERY_LIMITS, type App } from '../../src/server/app.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/exposure.js';
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

describe('HTTP exposure', () => {
  async function appWith(settings: Record<string, string>): Promise<App> {
    return createApp({
      config: testConfig(settings),
      db: opened.db,
      resolver: await loadResolver(),
      log: silentLogger,
    });
  }

  const post = (target: App, query: string, headers: Record<string, string> = {}) =>
    target.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('puts the security headers on pages, assets, answers and unknown paths alike', async () => {
    const responses = await Promise.all([
      app.fetch('http://test/'),
      app.fetch('http://test/explore'),
      app.fetch('http://test/assets/explore.js'),
      app.fetch('http://test/assets/relationships.js'),
      app.fetch('http://test/graphql', { headers: { accept: 'text/html' } }),
      post(app, '{ health { ok } }'),
      app.fetch('http://test/no-such-page'),
    ]);
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 404]);
  });

  it('serves GraphiQL with no reference to another host', async () => {
    const response = await app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    const page = await response.text();
    expect(page).not.toMatch(/(src|href)="?(https?:)?\/\//);
    for (const asset of page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
      const served = await app.fetch(`http://test${asset[1]}`);
      expect(served.status, asset[1]).toBe(200);
    }
    expect((await app.fetch('http://test/assets/graphiql/workers/json.worker.bundle.js')).status).toBe(200);
  });

  it('gives a cross-origin page no CORS headers unless its origin is allowed, and never credentials', async () => {
    const hostile = await post(app, '{ health { ok } }', { origin: 'https://evil.example' });
    expect(hostile.headers.get('access-control-allow-origin')).toBeNull();
    expect(hostile.headers.get('access-control-allow-credentials')).toBeNull();

    const allowing = await appWith({ CORS_ORIGINS: 'https://analyst.example.org, http://localhost:5173/' });
    const allowed = await post(allowing, '{ health { ok } }', { origin: 'https://analyst.example.org' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://analyst.example.org');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await allowing.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    const other = await post(allowing, '{ health { ok } }', { origin: 'https://analyst.example.org.evil' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    // `*`: any page may read answers, still without credentials (yoga names the origin it answers).
    const anyone = await appWith({ CORS_ORIGINS: '*' });
    const open = await post(anyone, '{ health { ok } }', { origin: 'https://elsewhere.example' });
    expect(open.headers.get('access-control-allow-origin')).toBe('https://elsewhere.example');
    expect(open.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('turns GraphiQL and introspection off in production unless asked for, and on when asked', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    const production = await appWith({ NODE_ENV: 'production' });
    const page = await production.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    expect((await production.fetch('http://test/assets/graphiql/yoga-graphiql.umd.js')).status).toBe(404);
    const refused = (await (await post(production, introspect)).json()) as { errors?: { message: string }[] };
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    expect(await (await production.fetch('http://test/')).text()).not.toContain('href="/graphql"');
    const answered = (await (await post(production, '{ health { ok } }')).json()) as { data?: unknown };
    expect(answered.data).toEqual({ health: { ok: true } });

    const opted = await appWith({ NODE_ENV: 'production', GRAPHIQL: 'true', INTROSPECTION: 'true' });
    const graphiql = await opted.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('/assets/graphiql/yoga-graphiql.umd.js');
    const schema = (await (await post(opted, introspect)).json()) as { data?: unknown };
    expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });

    const closed = await appWith({ INTROSPECTION: 'false', GRAPHIQL: 'no' });
    const errors = ((await (await post(closed, introspect)).json()) as { errors?: { message: string }[] })
      .errors;
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) expect(error.message).toMatch(/introspection/i);
    const html = await closed.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await html.text()).not.toMatch(/graphiql/i);
  });

  it('refuses a CORS origin that is not scheme://host[:port], naming the setting', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'HTTPS://Analyst.Example.org/, http://[::1]:4000' }).CORS_ORIGINS,
    ).toEqual(['https://analyst.example.org', 'http://[::1]:4000']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://analyst.example.org/graphql' })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: 'analyst.example.org' })).toThrow(
      /CORS_ORIGINS: each origin must be/,
    );
    expect(() => loadConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL: must be true or false/);
  });
});
