import * as cheerio from 'cheerio';
import robotsParserModule from 'robots-parser';
import { normaliseUrl } from '../parse/index.js';
import { checkHttp, FetchError, Fetcher, type FetchOptions, type Page } from './fetcher.js';

/**
 * The SESLIP site → its Update pages. Given the newsletters index, the crawler follows the index's
 * pagination ("Older posts", `rel=next`) and every link to an Update on the same host; given one Update's
 * page, it reads that page alone. robots.txt is honoured (robots-parser), every page comes through the
 * Fetcher (cache, delay, retries, limits), and nothing on a page is executed: cheerio only reads markup.
 */

export interface CrawlOptions extends Omit<FetchOptions, 'host'> {
  /** At most this many index pages are followed (a guard against a pagination that never ends). */
  maxIndexPages?: number;
  /** Called once per Update page, as it comes. */
  onPage?: (page: CrawledPage) => void | Promise<void>;
}

/** One Update page the crawl reached: its bytes (null when it could not be had) and how it was had. */
export interface CrawledPage {
  url: string;
  page: Page | null;
  /** Why it could not be had: a fetch failure or an HTTP status. */
  error: string | null;
}

export interface CrawlSummary {
  /** Pages asked of the site this run (index pages and robots.txt included), and those read from the cache. */
  fetched: number;
  fromCache: number;
  revalidated: number;
  /** Index pages read. */
  indexPages: number;
  /** Update pages found. */
  updates: number;
  /** Links robots.txt forbids, not fetched. */
  disallowed: string[];
  /** Links to other hosts, not followed. */
  otherHosts: number;
  failed: { url: string; reason: string }[];
}

// robots-parser is CommonJS (`module.exports = function`) but types itself as an ES default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** Link texts and addresses that name an Update: "UPDATE NO 518 12 August 2022", /update-no-518-…/. */
const UPDATE_TEXT = /\bupdate\s+no\.?\s*\d+/i;
const UPDATE_PATH = /\/update-no-?\d+/i;

export async function crawl(start: string, options: CrawlOptions): Promise<CrawlSummary> {
  const startUrl = checkHttp(start);
  const fetcher = new Fetcher({ ...options, host: startUrl.host });
  const summary: CrawlSummary = {
    fetched: 0,
    fromCache: 0,
    revalidated: 0,
    indexPages: 0,
    updates: 0,
    disallowed: [],
    otherHosts: 0,
    failed: [],
  };
  const count = (page: Page): void => {
    if (page.source === 'network') summary.fetched += 1;
    else if (page.source === 'cache') summary.fromCache += 1;
    else summary.revalidated += 1;
  };

  const allowed = await readRobots(fetcher, startUrl, count);
  const isAllowed = (url: string): boolean => {
    if (allowed(url)) return true;
    summary.disallowed.push(url);
    return false;
  };
  if (!isAllowed(startUrl.href)) {
    summary.failed.push({ url: startUrl.href, reason: 'robots.txt disallows it' });
    return summary;
  }

  const emitUpdate = async (url: string, page: Page | null, error: string | null): Promise<void> => {
    summary.updates += 1;
    if (error !== null) summary.failed.push({ url, reason: error });
    await options.onPage?.({ url, page, error });
  };

  const first = await getPage(fetcher, startUrl.href, count);
  if (first.page === null || first.error !== null) {
    await emitUpdate(startUrl.href, first.page, first.error);
    return summary;
  }
  const links = readLinks(first.page);
  if (links.updates.length === 0) {
    // Not an index: the page is one Update (or is refused as not one when it is read).
    await emitUpdate(startUrl.href, first.page, null);
    return summary;
  }

  const seenIndex = new Set<string>([startUrl.href]);
  const seenUpdates = new Set<string>();
  let index: { page: Page; links: PageLinks } | null = { page: first.page, links };
  const maxIndexPages = options.maxIndexPages ?? 200;
  while (index !== null) {
    summary.indexPages += 1;
    for (const url of index.links.updates) {
      if (seenUpdates.has(url)) continue;
      seenUpdates.add(url);
      if (new URL(url).host !== startUrl.host) {
        summary.otherHosts += 1;
        continue;
      }
      if (!isAllowed(url)) continue;
      const got = await getPage(fetcher, url, count);
      await emitUpdate(url, got.page, got.error);
    }
    const next = index.links.next;
    index = null;
    if (next === null || seenIndex.has(next) || seenIndex.size >= maxIndexPages) break;
    if (new URL(next).host !== startUrl.host) {
      summary.otherHosts += 1;
      break;
    }
    if (!isAllowed(next)) break;
    seenIndex.add(next);
    const got = await getPage(fetcher, next, count);
    if (got.page === null || got.error !== null) {
      summary.failed.push({ url: next, reason: `index page: ${got.error ?? 'no page'}` });
      break;
    }
    index = { page: got.page, links: readLinks(got.page) };
  }
  return summary;
}

/** A page, or why not: a fetch failure, or a status other than 200. */
async function getPage(
  fetcher: Fetcher,
  url: string,
  count: (page: Page) => void,
): Promise<{ page: Page | null; error: string | null }> {
  try {
    const page = await fetcher.get(url);
    count(page);
    if (page.status !== 200) return { page, error: `${url}: HTTP ${page.status} [HTTP_STATUS]` };
    return { page, error: null };
  } catch (error) {
    if (error instanceof FetchError) return { page: null, error: error.message };
    throw error;
  }
}

/** robots.txt of the site (cached like any page); when there is none, everything is allowed. */
async function readRobots(
  fetcher: Fetcher,
  start: URL,
  count: (page: Page) => void,
): Promise<(url: string) => boolean> {
  const robotsUrl = new URL('/robots.txt', start).href;
  try {
    const page = await fetcher.get(robotsUrl);
    count(page);
    if (page.status !== 200) return () => true;
    const robots = robotsParser(robotsUrl, page.body.toString('utf8'));
    return (url) => robots.isAllowed(url, fetcher.userAgent) !== false;
  } catch (error) {
    if (error instanceof FetchError) return () => true;
    throw error;
  }
}

interface PageLinks {
  /** Links to Update pages, absolute and normalised, in page order. */
  updates: string[];
  /** The next (older) page of the index, if any. */
  next: string | null;
}

/**
 * Reads an index page's links with cheerio. An Update link is one whose text names an Update
 * ("UPDATE NO 518 …") or whose address does (/update-no-518-…/), outside the sidebar and the footer (their
 * "Recent posts" are on every page). The next page is `rel=next` or WordPress's "Older posts" / `.next` link.
 */
export function readLinks(page: Page): PageLinks {
  const $ = cheerio.loadBuffer(page.body, {
    encoding: {
      transportLayerEncodingLabel: charsetOf(page.headers['content-type']),
      defaultEncoding: 'utf-8',
    },
  });
  const base = page.finalUrl;
  const next =
    [
      $('link[rel=next]').attr('href'),
      $('a[rel=next]').attr('href'),
      $('.nav-links a.next, a.next, .nav-previous a').first().attr('href'),
    ]
      .map((href) => (href === undefined ? null : normaliseUrl(href, base)))
      .find((url) => url !== null) ?? null;
  $('aside, nav, footer, header.site-header, .widget, .widget-area, #secondary, script, style').remove();
  const updates: string[] = [];
  $('a[href]').each((_, element) => {
    const a = $(element);
    const href = a.attr('href')!;
    if (!UPDATE_TEXT.test(a.text()) && !UPDATE_PATH.test(href)) return;
    const url = normaliseUrl(href, base);
    if (url !== null && url !== base && !updates.includes(url)) updates.push(url);
  });
  return { updates, next };
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType === undefined ? undefined : /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}
