import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { silentLogger } from '../../src/log.js';
import { createApp, type App } from '../../src/server/app.js';
import { openEmptyTestDatabase, testConfig } from '../support/graph.js';
import { writeSyntheticUpdates } from '../support/synthetic-updates.js';

/**
 * The DataLoaders' promise: the number of Cypher queries a GraphQL request runs depends on the query's
 * depth, not on how much the graph holds. One nested query (networks → the reports that feed them → each
 * report's publisher and citing items) runs on the five seeds, then again after 200 synthetic Updates are
 * added to the same graph: the results grow, the query count must not. Its pages (20 × 50 × 20) keep it
 * under the query cost limit.
 */

const SYNTHETIC_UPDATES = 200;

const QUERY = `query NetworkReportsDeep {
  networks(first: 20) {
    totalCount
    edges {
      node {
        name
        reports(first: 50) {
          totalCount
          edges {
            rule
            node {
              title
              publishedOn
              publisher { name }
              citedIn(first: 20) {
                totalCount
                edges { node { title } }
              }
            }
          }
        }
      }
    }
  }
}`;

interface Connection<T> {
  totalCount: number;
  edges: { node: T }[];
}
interface ReportNode {
  title: string;
  publisher: { name: string } | null;
  citedIn: Connection<{ title: string }>;
}
interface NetworkNode {
  name: string;
  reports: Connection<ReportNode>;
}

interface Measure {
  cypherQueries: number;
  networks: number;
  /** Report edges returned under all networks (a report feeding two networks counts twice). */
  reports: number;
  distinctReports: number;
  withPublisher: number;
  /** Citing-item edges returned under all those reports. */
  items: number;
}

let opened: OpenDatabase;
let resolver: Resolver;
let app: App;
let syntheticDir: string;

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  resolver = await loadResolver();
  app = createApp({ config: testConfig(), db: opened.db, resolver, log: silentLogger });
  syntheticDir = await mkdtemp(join(tmpdir(), 'seslip-kg-synthetic-'));
  const seeds = await ingestFiles(opened.db, resolver, ['seed']);
  expect(seeds.counts).toMatchObject({ loaded: 5, failed: 0 });
});
afterAll(async () => {
  await opened?.close();
  if (syntheticDir !== undefined) await rm(syntheticDir, { recursive: true, force: true });
});

async function measure(): Promise<Measure> {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    data?: { networks: Connection<NetworkNode> };
    errors?: unknown[];
    extensions?: { cypherQueries?: number };
  };
  expect(body.errors).toBeUndefined();
  expect(body.extensions?.cypherQueries).toEqual(expect.any(Number));
  const reports = body.data!.networks.edges.flatMap((edge) => edge.node.reports.edges.map((r) => r.node));
  return {
    cypherQueries: body.extensions!.cypherQueries!,
    networks: body.data!.networks.edges.length,
    reports: reports.length,
    distinctReports: new Set(reports.map((report) => report.title)).size,
    withPublisher: reports.filter((report) => report.publisher !== null).length,
    items: reports.reduce((sum, report) => sum + report.citedIn.edges.length, 0),
  };
}

describe('N+1: Cypher queries per GraphQL request grow with depth, not with results', () => {
  let seeded: Measure;

  it('on the five seeds: networks → reports → publisher + citing items in a handful of queries', async () => {
    seeded = await measure();
    process.stderr.write(`n+1 on seeds: ${JSON.stringify(seeded)}\n`);
    expect(seeded.networks).toBeGreaterThan(0);
    expect(seeded.reports).toBeGreaterThan(0);
    expect(seeded.items).toBeGreaterThan(0);
    // One query per level: networks, their FEEDS, the reports' PUBLISHED_BY and CITES (+ small change).
    expect(seeded.cypherQueries).toBeLessThanOrEqual(8);
  });

  it(`after ${SYNTHETIC_UPDATES} synthetic Updates: more reports and items, the same number of queries`, async () => {
    const paths = await writeSyntheticUpdates(syntheticDir, SYNTHETIC_UPDATES);
    const started = performance.now();
    const summary = await ingestFiles(opened.db, resolver, paths);
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `n+1: ingested ${SYNTHETIC_UPDATES} synthetic Updates in ${seconds.toFixed(1)} s ` +
        `(${summary.updatesPerSecond.toFixed(1)} Updates/s, derive included)\n`,
    );
    expect(summary.counts).toMatchObject({ loaded: SYNTHETIC_UPDATES, failed: 0 });

    const grown = await measure();
    process.stderr.write(`n+1 after synthetic: ${JSON.stringify(grown)}\n`);
    expect(grown.reports).toBeGreaterThan(seeded.reports);
    expect(grown.distinctReports).toBeGreaterThan(seeded.distinctReports);
    expect(grown.withPublisher).toBeGreaterThan(seeded.withPublisher);
    expect(grown.items).toBeGreaterThan(seeded.items);
    expect(grown.cypherQueries).toBe(seeded.cypherQueries);
  }, 900_000);
});
