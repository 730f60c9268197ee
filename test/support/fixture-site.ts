import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderPage } from './render-formats.js';
import { syntheticUpdate, updateDate } from './synthetic-updates.js';
import { MONTH_NAMES } from '../../src/parse/dates.js';

/**
 * A WordPress-shaped SESLIP site served from 127.0.0.1 for the crawler's tests and the benchmark: the
 * newsletters index (`/newsletters/`, `/newsletters/page/<n>/`, ten posts a page, "Older posts" links), one
 * post page per synthetic Update (`/newsletters/update-no-<n>-<d>-<month>-<yyyy>/`, with header, navigation,
 * cookie notice, sidebar and footer), and the awkward cases of a real site:
 * - a post the index links that is gone (404);
 * - a post that answers 503 (Retry-After: 0) the first time and 200 after;
 * - a post that takes `slowMs` to answer the first time it is asked;
 * - a post under `/private/`, which robots.txt disallows;
 * - a blog post whose title says "Update no" but that is not an Update;
 * - an old address that redirects (301) to its post.
 * Pages carry an ETag and Last-Modified, and answer 304 to a matching conditional request.
 */

export interface FixtureSiteOptions {
  /** How many synthetic Updates the site holds (index 0 … count-1). */
  updates: number;
  /** Issue number of index 0. */
  firstNumber?: number;
  perPage?: number;
  /** How long the slow post takes the first time (default 1500 ms). */
  slowMs?: number;
  /** Leave out the awkward pages (the benchmark's plain site). */
  plain?: boolean;
}

export interface FixtureSite {
  url: string;
  /** The index's first page. */
  indexUrl: string;
  /** Every request the site answered, path and status, in order. */
  requests: { path: string; status: number; userAgent: string }[];
  /** Address of the post of Update index `i`. */
  postUrl: (index: number) => string;
  /** Replaces the text of Update index `i` (the page changes, so its ETag does). */
  change: (index: number, text: string) => void;
  textOf: (index: number) => string;
  /** Renders every post now, so that serving them later costs (almost) nothing: for timing a crawl. */
  prerender: () => void;
  close: () => Promise<void>;
  /** The special posts, by role. */
  special: {
    missing: string;
    flaky: string;
    slow: string;
    disallowed: string;
    blogPost: string;
    moved: string;
  };
}

interface Post {
  path: string;
  body: () => string;
}

export async function startFixtureSite(options: FixtureSiteOptions): Promise<FixtureSite> {
  const firstNumber = options.firstNumber ?? 2000;
  const perPage = options.perPage ?? 10;
  const slowMs = options.slowMs ?? 1500;
  const texts = new Map<number, string>();
  const textOf = (index: number): string => texts.get(index) ?? syntheticUpdate(index, { firstNumber });
  const pathOf = (index: number): string => {
    const date = updateDate(index);
    return `/newsletters/update-no-${firstNumber + index}-${date.getUTCDate()}-${MONTH_NAMES[date.getUTCMonth()]}-${date.getUTCFullYear()}/`;
  };
  const titleOf = (index: number): string => textOf(index).split('\n')[0]!.trim();

  // Newest first, as WordPress lists them.
  const posts: { path: string; title: string }[] = [];
  for (let index = options.updates - 1; index >= 0; index--)
    posts.push({ path: pathOf(index), title: titleOf(index) });
  const pages = new Map<string, Post>();
  for (let index = 0; index < options.updates; index++) {
    pages.set(pathOf(index), {
      path: pathOf(index),
      body: () => renderPage(textOf(index), { recent: recentTitles() }),
    });
  }
  const recentTitles = (): string[] => posts.slice(0, 5).map((p) => p.title);

  const special = {
    missing: '/newsletters/update-no-1-4-january-2008/',
    flaky: '/newsletters/update-no-1999-flaky/',
    slow: '/newsletters/update-no-1998-slow/',
    disallowed: '/private/update-no-1997-draft/',
    blogPost: '/newsletters/update-no-600-delayed/',
    moved: '/?p=1996',
  };
  if (options.plain !== true) {
    // Three extra Updates, served in awkward ways, numbered below the synthetic ones.
    const extra = (n: number, day: number): string =>
      syntheticUpdate(0, { firstNumber: n }).replace(
        /^UPDATE NO \d+ .*$/gm,
        `UPDATE NO ${n} ${day} January 2011`,
      );
    pages.set(special.flaky, { path: special.flaky, body: () => renderPage(extra(1999, 7)) });
    pages.set(special.slow, { path: special.slow, body: () => renderPage(extra(1998, 14)) });
    pages.set(special.disallowed, { path: special.disallowed, body: () => renderPage(extra(1997, 21)) });
    pages.set('/newsletters/update-no-1996-moved/', {
      path: '/newsletters/update-no-1996-moved/',
      body: () => renderPage(extra(1996, 28)),
    });
    pages.set(special.blogPost, {
      path: special.blogPost,
      body: () =>
        `<!DOCTYPE html><html><head><title>Update no 600 delayed – SESLIP</title></head><body class="single"><article><h1 class="entry-title">Update no 600 delayed</h1><div class="entry-content"><p>From September the Updates come every fortnight.</p></div></article><aside><h2>Recent posts</h2><ul><li><a href="/">${posts[0]?.title ?? ''}</a></li></ul></aside></body></html>`,
    });
    posts.splice(3, 0, { path: special.missing, title: 'UPDATE NO 1 4 January 2008' });
    posts.splice(5, 0, { path: special.flaky, title: 'UPDATE NO 1999 7 January 2011' });
    posts.splice(7, 0, { path: special.slow, title: 'UPDATE NO 1998 14 January 2011' });
    posts.splice(9, 0, { path: special.disallowed, title: 'UPDATE NO 1997 21 January 2011' });
    posts.splice(11, 0, { path: special.blogPost, title: 'Update no 600 delayed' });
    posts.splice(13, 0, { path: special.moved, title: 'UPDATE NO 1996 28 January 2011' });
  }
  const indexPages = Math.max(1, Math.ceil(posts.length / perPage));

  const requests: FixtureSite['requests'] = [];
  const rendered = new Map<string, string>();
  const asked = new Map<string, number>();
  const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  const modified = new Map<string, string>();
  const started = new Date(Date.UTC(2025, 0, 1)).toUTCString();

  const indexPage = (n: number): string => {
    const list = posts.slice((n - 1) * perPage, n * perPage);
    const articles = list
      .map(
        (p) =>
          `<article class="post type-post"><header class="entry-header"><h2 class="entry-title"><a href="${p.path}" rel="bookmark">${p.title}</a></h2></header><div class="entry-summary"><p>A brief summary of the main headlines […]</p></div></article>`,
      )
      .join('\n');
    const older =
      n < indexPages
        ? `<div class="nav-previous"><a href="/newsletters/page/${n + 1}/">Older posts</a></div>`
        : '';
    const newer =
      n > 1
        ? `<div class="nav-next"><a href="/newsletters/${n === 2 ? '' : `page/${n - 1}/`}">Newer posts</a></div>`
        : '';
    return `<!DOCTYPE html><html><head><title>Newsletters – SESLIP</title>${n < indexPages ? `<link rel="next" href="/newsletters/page/${n + 1}/">` : ''}</head>
<body class="archive category category-newsletters">
<header class="site-header"><nav><a href="/">Home</a> <a href="/newsletters/">Newsletters</a></nav></header>
<main id="main" class="site-main">${articles}
<nav class="navigation posts-navigation"><div class="nav-links">${older}${newer}</div></nav></main>
<aside class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul>${recentTitles()
      .map((t) => `<li><a href="/newsletters/recent/">${t}</a></li>`)
      .join('')}</ul></section></aside>
<footer class="site-footer">© SESLIP</footer></body></html>`;
  };

  const send = (req: IncomingMessage, res: ServerResponse, path: string, body: string): void => {
    const etag = etagOf(body);
    if (!modified.has(`${path} ${etag}`))
      modified.set(`${path} ${etag}`, modified.size === 0 ? started : new Date().toUTCString());
    const lastModified = modified.get(`${path} ${etag}`)!;
    res.setHeader('etag', etag);
    res.setHeader('last-modified', lastModified);
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=UTF-8');
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path =
      new URL(req.url ?? '/', 'http://site').pathname + new URL(req.url ?? '/', 'http://site').search;
    const times = (asked.get(path) ?? 0) + 1;
    asked.set(path, times);
    if (path === '/robots.txt') {
      res.setHeader('content-type', 'text/plain');
      res.end('User-agent: *\nDisallow: /private/\n');
      return;
    }
    const index = /^\/newsletters\/(?:page\/(\d+)\/)?$/.exec(path);
    if (index !== null) {
      const n = Number(index[1] ?? 1);
      if (n > indexPages) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      send(req, res, path, indexPage(n));
      return;
    }
    if (options.plain !== true) {
      if (path === special.moved) {
        res.statusCode = 301;
        res.setHeader('location', '/newsletters/update-no-1996-moved/');
        res.end();
        return;
      }
      if (path === special.flaky && times === 1) {
        res.statusCode = 503;
        res.setHeader('retry-after', '0');
        res.end('busy');
        return;
      }
      if (path === special.slow && times === 1) await new Promise((done) => setTimeout(done, slowMs));
    }
    const post = pages.get(path);
    if (post === undefined) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html');
      res.end('<html><body class="error404"><h1>Page not found</h1></body></html>');
      return;
    }
    // Rendered once (until the post changes), so the site's own work does not slow the crawl it serves.
    const body = rendered.get(path) ?? post.body();
    rendered.set(path, body);
    send(req, res, path, body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res)
      .catch(() => {
        res.statusCode = 500;
        res.end();
      })
      .finally(() => {
        const path = new URL(req.url ?? '/', 'http://site');
        requests.push({
          path: path.pathname + path.search,
          status: res.statusCode,
          userAgent: String(req.headers['user-agent'] ?? ''),
        });
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    indexUrl: `${url}/newsletters/`,
    requests,
    postUrl: (index) => `${url}${pathOf(index)}`,
    change: (index, text) => {
      texts.set(index, text);
      rendered.delete(pathOf(index));
    },
    textOf,
    prerender: () => {
      for (const [path, post] of pages) if (!rendered.has(path)) rendered.set(path, post.body());
    },
    special,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
