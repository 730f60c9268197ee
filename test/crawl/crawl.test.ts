import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { Fetcher, FetchError, USER_AGENT } from '../../src/crawl/index.js';
import type { OpenDatabase } from '../../src/db/open.js';
import { captureCommands } from '../support/commands.js';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.js';
import { openEmptyTestDatabase, query } from '../support/graph.js';

/**
 * `seslip-kg ingest <URL>` against a WordPress-shaped site served from 127.0.0.1 (never the internet): 120
 * synthetic Updates over 13 index pages, a 404, a 503-then-200 post, a slow post, a robots.txt that
 * disallows one path, a blog post titled like an Update, and an old address that redirects.
 */

const UPDATES = 120;
/** The 120 posts and the six awkward ones, ten to an index page. */
const INDEX_PAGES = Math.ceil((UPDATES + 6) / 10);
let site: FixtureSite;
let opened: OpenDatabase;
const cache = mkdtempSync(join(tmpdir(), 'seslip-kg-crawl-cache-'));
const output = captureCommands();

interface Summary {
  counts: Record<string, number>;
  files: { file: string; status: string; error: string | null; note: string | null }[];
  crawl: { fetched: number; fromCache: number; revalidated: number; updates: number; disallowed: number };
}

const ingest = async (...extra: string[]): Promise<{ code: number; summary: Summary }> => {
  const code = await main([
    'ingest',
    site.indexUrl,
    '--cache',
    cache,
    '--delay',
    '0',
    '--timeout',
    '1',
    '--json',
    ...extra,
  ]);
  return { code, summary: JSON.parse(output.stdout) as Summary };
};

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  site = await startFixtureSite({ updates: UPDATES });
});
afterAll(async () => {
  await site?.close();
  await opened?.close();
  rmSync(cache, { recursive: true, force: true });
});

/** Loading 123 Updates into Neo4j takes a while on a shared machine: no tight limits. */
const LOADS = { timeout: 600_000 };

describe('seslip-kg ingest <index URL>', () => {
  it('crawls the site once, politely, and loads every Update page', LOADS, async () => {
    const { code, summary } = await ingest();
    // 120 synthetic + the flaky, slow and moved posts.
    expect(summary.counts).toMatchObject({
      loaded: UPDATES + 3,
      replaced: 0,
      failed: 1,
      refused: 1,
      skipped: 1,
    });
    expect(code).toBe(1); // a page failed and one was refused
    expect(await query('MATCH (i:Issue) RETURN count(i) AS n')).toEqual([{ n: UPDATES + 3 }]);

    const byStatus = (status: string) => summary.files.filter((f) => f.status === status);
    expect(byStatus('failed')[0]!.error).toMatch(/update-no-1-4-january-2008\/: HTTP 404 \[HTTP_STATUS\]$/);
    expect(byStatus('refused')[0]!.note).toMatch(
      /update-no-600-delayed\/: not an Update: .*\[NOT_AN_UPDATE\]$/,
    );
    expect(byStatus('skipped')[0]).toMatchObject({ note: 'robots.txt disallows it' });
    expect(byStatus('skipped')[0]!.file).toContain(site.special.disallowed);

    // robots.txt, the index pages, 120 + 5 posts (the disallowed one is never asked for).
    expect(summary.crawl).toMatchObject({
      fetched: 1 + INDEX_PAGES + UPDATES + 5,
      fromCache: 0,
      updates: UPDATES + 5,
    });
    expect(site.requests.some((r) => r.path.startsWith('/private/'))).toBe(false);
    expect(new Set(site.requests.map((r) => r.userAgent))).toEqual(new Set([USER_AGENT]));
    // The 503 was retried, the slow page timed out once and was asked again.
    expect(site.requests.filter((r) => r.path === site.special.flaky).map((r) => r.status)).toEqual([
      503, 200,
    ]);
    expect(site.requests.filter((r) => r.path === site.special.slow)).toHaveLength(2);
    // An Update's URL is its source, and its reports keep their links.
    expect(await query('MATCH (i:Issue {number: 2005}) RETURN i.sourceFile AS source')).toEqual([
      { source: site.postUrl(5) },
    ]);
    const [linked] = await query('MATCH (r:Report) WHERE r.url IS NOT NULL RETURN count(r) AS n');
    expect(linked!.n).toBeGreaterThan(0);
  });

  it('a second run fetches 0 pages and loads 0 Updates', LOADS, async () => {
    const before = site.requests.length;
    const { summary } = await ingest();
    expect(summary.crawl).toMatchObject({ fetched: 0, fromCache: 1 + INDEX_PAGES + UPDATES + 5 });
    expect(summary.counts).toMatchObject({ loaded: 0, replaced: 0, unchanged: UPDATES + 3 });
    expect(site.requests.length).toBe(before);
  });

  it('with --refresh, one changed page gives exactly one replaced Update', LOADS, async () => {
    // A correction to one sentence of one post: same number, date and items.
    const text = site.textOf(7);
    const corrected = text.replace(
      'Each session follows the regional framework',
      'Each session now follows the regional framework',
    );
    expect(corrected).not.toBe(text);
    site.change(7, corrected);
    const { summary } = await ingest('--refresh');
    expect(summary.crawl.fetched).toBeGreaterThanOrEqual(1);
    expect(summary.counts).toMatchObject({ loaded: 0, replaced: 1, unchanged: UPDATES + 2 });
    expect(summary.files.find((f) => f.status === 'replaced')!.file).toBe(site.postUrl(7));
  });
});

describe('the fetcher refuses', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/loop-a') res.writeHead(302, { location: '/loop-b' }).end();
      else if (path === '/loop-b') res.writeHead(302, { location: '/loop-a' }).end();
      else if (path === '/away') res.writeHead(301, { location: 'https://example.org/' }).end();
      else if (path === '/ftp') res.writeHead(301, { location: 'ftp://127.0.0.1/x' }).end();
      else if (path === '/big') res.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(2048));
      else if (path === '/busy') res.writeHead(429, { 'retry-after': '0' }).end();
      else res.writeHead(200).end('ok');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  const caches: string[] = [];
  afterAll(() => {
    server.close();
    for (const dir of caches) rmSync(dir, { recursive: true, force: true });
  });

  const fetcher = (): Fetcher =>
    new Fetcher({
      cacheDir: caches[caches.push(mkdtempSync(join(tmpdir(), 'seslip-kg-fetch-'))) - 1]!,
      host: new URL(base).host,
      delayMs: 0,
      retries: 2,
      retryBaseMs: 1,
      maxBytes: 1024,
    });
  const refusal = async (path: string): Promise<FetchError> => {
    const error = await fetcher()
      .get(`${base}${path}`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  };

  it('a redirect loop, a redirect to another host or to a non-http URL, an oversize page', async () => {
    expect((await refusal('/loop-a')).code).toBe('REDIRECT_LOOP');
    expect((await refusal('/away')).code).toBe('OTHER_HOST');
    expect((await refusal('/ftp')).code).toBe('NOT_HTTP');
    expect((await refusal('/big')).code).toBe('TOO_LARGE');
  });

  it('a URL that is not http(s)', async () => {
    await expect(fetcher().get('file:///etc/passwd')).rejects.toMatchObject({ code: 'NOT_HTTP' });
    expect(await main(['ingest', 'ftp://example.org/newsletters/'])).toBe(2);
    expect(output.stderr).toMatch(/only http and https addresses are read/);
  });

  it('429 after its retries, naming the status', async () => {
    const error = await refusal('/busy');
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 429 });
  });
});
