import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { crawl } from '../src/crawl/index.js';
import { Database } from '../src/db/database.js';
import type { Resolver } from '../src/extract/resolve.js';
import { ingestSources, type UpdateSource } from '../src/load/ingest.js';
import { loadParseOptions } from '../src/load/reference.js';
import { parseUpdateBytes } from '../src/parse/index.js';
import { startFixtureSite } from '../test/support/fixture-site.js';
import { rssMb, startBenchNeo4j } from './graphs.js';
import { ms, table } from './stats.js';

/**
 * Crawl + ingest of a WordPress-shaped site of synthetic Update pages served from 127.0.0.1 (the tests'
 * fixture site without its awkward pages), with `--delay 0`, into a fresh embedded Neo4j: how fast pages
 * are fetched and parsed (the crawler must not be the bottleneck: ≥ 20 pages/s), the wall time of the
 * whole crawl + ingest, Updates/s, and peak RSS of Node and the JVM.
 */

export interface CrawlFigures {
  pages: number;
  fetchSeconds: number;
  fetchedPerSecond: number;
  parsedPerSecond: number;
  wallSeconds: number;
  updatesPerSecond: number;
  loaded: number;
  failed: number;
  nodePeakRssMb: number;
  jvmRssMb: number | null;
}

export async function crawlBenchmark(
  pages: number,
  resolver: Resolver,
  progress: (message: string) => void,
): Promise<CrawlFigures> {
  const site = await startFixtureSite({ updates: pages, plain: true, firstNumber: 3000 });
  progress(`crawl: rendering ${pages} Update pages to serve`);
  site.prerender();
  const cacheDir = mkdtempSync(join(tmpdir(), 'seslip-kg-bench-crawl-cache-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'seslip-kg-bench-crawl-neo4j-'));
  const neo4j = await startBenchNeo4j(dataDir);
  const db = Database.connect({ uri: neo4j.uri, user: 'neo4j', password: undefined, database: 'neo4j' });
  let jvmPeak: number | null = null;
  const sampleJvm = setInterval(() => {
    const rss = rssMb(neo4j.pid);
    if (rss !== null) jvmPeak = Math.max(jvmPeak ?? 0, rss);
  }, 500);
  try {
    await db.verifyConnectivity();
    await db.applySchema();
    progress(`crawl: ${pages} Update pages from ${site.indexUrl}`);
    const parseOptions = await loadParseOptions();
    const started = performance.now();
    const sources: UpdateSource[] = [];
    let parseMs = 0;
    const summary = await crawl(site.indexUrl, {
      cacheDir,
      delayMs: 0,
      onPage: async ({ url, page }) => {
        if (page === null) return;
        // Parsed once here to time it, and again by ingest (which also extracts and loads).
        const hints = { name: url, contentType: page.headers['content-type'], base: page.finalUrl };
        const t = performance.now();
        await parseUpdateBytes(page.body, hints, parseOptions);
        parseMs += performance.now() - t;
        sources.push({ name: url, read: () => parseUpdateBytes(page.body, hints, parseOptions) });
      },
    });
    const fetched = performance.now();
    const fetchSeconds = (fetched - started) / 1000;
    progress(`crawl: ${summary.fetched} fetched in ${ms(fetchSeconds, 1)} s; loading`);
    const ingest = await ingestSources(db, resolver, sources, {
      onFile: (_outcome, done, total) => {
        if (done % 100 === 0 || done === total) progress(`  ${done}/${total} Updates loaded`);
      },
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const loaded = ingest.counts.loaded + ingest.counts.replaced;
    return {
      pages: summary.updates,
      fetchSeconds,
      fetchedPerSecond: summary.updates / Math.max(fetchSeconds, 1e-9),
      parsedPerSecond: sources.length / Math.max(parseMs / 1000, 1e-9),
      wallSeconds,
      updatesPerSecond: loaded / wallSeconds,
      loaded,
      failed: ingest.counts.failed + summary.failed.length,
      nodePeakRssMb: process.resourceUsage().maxRSS / 1024,
      jvmRssMb: jvmPeak,
    };
  } finally {
    clearInterval(sampleJvm);
    await db.close();
    await neo4j.stop();
    await site.close();
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printCrawl(f: CrawlFigures): void {
  console.log(
    `\n### Crawl + ingest of ${f.pages} Update pages served locally (--delay 0, fresh Neo4j)\n\n` +
      table([
        ['measure', 'value'],
        [
          'pages fetched (crawl alone, parse timed inside)',
          `${f.pages} in ${ms(f.fetchSeconds, 1)} s: ${ms(f.fetchedPerSecond, 1)} pages/s`,
        ],
        ['pages parsed (HTML → document)', `${ms(f.parsedPerSecond, 1)} pages/s`],
        ['crawl + ingest wall time', `${ms(f.wallSeconds, 1)} s`],
        ['Updates loaded', `${f.loaded} (${f.failed} failed): ${ms(f.updatesPerSecond, 2)} Updates/s`],
        ['peak RSS, Node', `${ms(f.nodePeakRssMb, 0)} MiB`],
        ['peak RSS, Neo4j JVM (sampled every 0.5 s)', f.jvmRssMb === null ? '—' : `${ms(f.jvmRssMb, 0)} MiB`],
      ]),
  );
}
