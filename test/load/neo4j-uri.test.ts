import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { silentLogger } from '../../src/log.js';
import { createApp } from '../../src/server/app.js';
import { openEmptyTestDatabase, testConfig } from '../support/graph.js';

/**
 * The app through a `neo4j://` URI, as with a cluster or Aura: the driver routes READ sessions to readers and
 * WRITE sessions to the writer, so every read must go through a READ session and every write through a WRITE
 * one (src/db/database.ts). A single Neo4j answers routing too, so the whole path runs here.
 */
let opened: OpenDatabase;
const uri = () => inject('neo4jUri').replace(/^bolt:/, 'neo4j:');

beforeAll(async () => {
  opened = await openEmptyTestDatabase(testConfig({ NEO4J_URI: uri() }));
});
afterAll(async () => {
  await opened?.close();
});

describe('a neo4j:// URI', () => {
  it('loads Updates through WRITE sessions and answers GraphQL through READ sessions', async () => {
    expect(opened.uri).toMatch(/^neo4j:\/\//);
    const resolver = await loadResolver();
    const summary = await ingestFiles(opened.db, resolver, [
      'seed/update-515-2022-07-22.txt',
      'seed/update-518-2022-08-12.txt',
    ]);
    expect(summary.counts).toMatchObject({ loaded: 2, failed: 0 });
    const app = createApp({
      config: testConfig({ NEO4J_URI: uri() }),
      db: opened.db,
      resolver,
      log: silentLogger,
    });
    const response = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ issues { totalCount edges { node { number } } } }' }),
    });
    const body = (await response.json()) as { data?: { issues: { totalCount: number } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.issues.totalCount).toBe(2);
    const forced = await ingestFiles(opened.db, resolver, ['seed/update-518-2022-08-12.txt'], {
      force: true,
    });
    expect(forced.counts).toMatchObject({ replaced: 1, failed: 0 });
  }, 300_000);
});
