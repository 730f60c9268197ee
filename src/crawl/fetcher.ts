import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import { MAX_UPDATE_BYTES } from '../parse/index.js';

/**
 * Fetches pages of one site politely and keeps them: every response's raw bytes and headers are cached by
 * URL in a folder, so a second run reads them from there. Requests go one at a time, `delayMs` apart, with a
 * User-Agent naming the tool; 429 and 5xx are retried with exponential backoff (p-retry) and `Retry-After`
 * honoured; a request that takes longer than `timeoutMs` is abandoned. Redirects are followed by hand, on the
 * same host only and never in a loop; bodies over the size limit are refused while they stream in.
 *
 * Node's own `fetch` is undici: no other HTTP client is needed.
 */

export const USER_AGENT = 'seslip-kg-crawler/0.1 (reads the SESLIP weekly Updates into a knowledge graph)';

export interface FetchOptions {
  /** The cache folder. */
  cacheDir: string;
  /** Pause before each network request, in milliseconds (default 1000). */
  delayMs?: number;
  /** A request taking longer is abandoned (default 30 s). */
  timeoutMs?: number;
  /** Retries of a 429, a 5xx or a network failure (default 3). */
  retries?: number;
  /** The first backoff, doubled each retry (default 1000 ms). */
  retryBaseMs?: number;
  /** The longest `Retry-After` honoured (default 120 s); a longer one fails the page. */
  maxRetryAfterMs?: number;
  /** Revalidate cached pages (If-None-Match / If-Modified-Since) instead of trusting them. */
  refresh?: boolean;
  /** Largest body accepted (default the parser's limit). */
  maxBytes?: number;
  /** The only host followed (redirects elsewhere are refused). */
  host: string;
  userAgent?: string;
}

/** A response as cached: what the tool needs of it. */
export interface CachedPage {
  url: string;
  /** The URL the content came from (after same-host redirects). */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  fetchedAt: string;
}

export interface Page extends CachedPage {
  body: Buffer;
  /** `network`: fetched now; `cache`: read from the cache; `revalidated`: the server said 304. */
  source: 'network' | 'cache' | 'revalidated';
}

/** Why a page could not be had; `code` is stable, the message names the URL. */
export type FetchFailure =
  | 'NOT_HTTP'
  | 'OTHER_HOST'
  | 'REDIRECT_LOOP'
  | 'TOO_MANY_REDIRECTS'
  | 'TOO_LARGE'
  | 'HTTP_STATUS'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'ROBOTS';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly url: string,
    readonly code: FetchFailure,
    detail: string,
    readonly status: number | null = null,
  ) {
    super(`${url}: ${detail} [${code}]`);
  }
}

/** A failure worth another try: the server is busy or broken for now. */
class Retryable extends Error {
  constructor(
    readonly failure: FetchError,
    readonly retryAfterMs: number | null,
  ) {
    super(failure.message);
  }
}

const MAX_REDIRECTS = 5;

const cacheKey = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 32);

/** `Retry-After` as milliseconds: seconds, or an HTTP date. */
function retryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

export class Fetcher {
  private lastRequest = 0;
  /** Requests sent to the network (retries included). */
  requests = 0;
  private readonly options: Required<Omit<FetchOptions, 'userAgent'>> & { userAgent: string };

  constructor(options: FetchOptions) {
    this.options = {
      delayMs: 1000,
      timeoutMs: 30_000,
      retries: 3,
      retryBaseMs: 1000,
      maxRetryAfterMs: 120_000,
      refresh: false,
      maxBytes: MAX_UPDATE_BYTES,
      userAgent: USER_AGENT,
      ...options,
    };
  }

  get userAgent(): string {
    return this.options.userAgent;
  }

  /** The page at `url`, from the cache when it is there (revalidated under `refresh`), else from the site. */
  async get(url: string, { cache = true }: { cache?: boolean } = {}): Promise<Page> {
    checkHttp(url);
    const cached = cache ? await this.readCache(url) : null;
    if (cached !== null && !this.options.refresh) return { ...cached, source: 'cache' };
    const conditional: Record<string, string> = {};
    if (cached !== null) {
      if (cached.headers.etag !== undefined) conditional['if-none-match'] = cached.headers.etag;
      if (cached.headers['last-modified'] !== undefined)
        conditional['if-modified-since'] = cached.headers['last-modified'];
    }
    const page = await this.fetchWithRetries(url, conditional);
    if (page.status === 304 && cached !== null) return { ...cached, source: 'revalidated' };
    if (cache) await this.writeCache(page);
    return page;
  }

  private async fetchWithRetries(url: string, conditional: Record<string, string>): Promise<Page> {
    try {
      return await pRetry(() => this.follow(url, conditional), {
        retries: this.options.retries,
        minTimeout: this.options.retryBaseMs,
        factor: 2,
        shouldRetry: ({ error }) => error instanceof Retryable,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          if (!(error instanceof Retryable) || retriesLeft === 0 || error.retryAfterMs === null) return;
          if (error.retryAfterMs > this.options.maxRetryAfterMs) throw error;
          // The server said when to come back: wait that long (the backoff adds its own pause after).
          await sleep(error.retryAfterMs);
        },
      });
    } catch (error) {
      if (error instanceof Retryable) throw error.failure;
      throw error;
    }
  }

  /** One attempt: the request and its redirects, by hand (same host only, no loop). */
  private async follow(url: string, conditional: Record<string, string>): Promise<Page> {
    const seen = new Set<string>([url]);
    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await this.request(current, conditional);
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null)
          throw new AbortError(
            new FetchError(url, 'HTTP_STATUS', `HTTP ${response.status} without a Location`),
          );
        const next = new URL(location, current).href;
        if (!/^https?:$/.test(new URL(next).protocol))
          throw new AbortError(new FetchError(url, 'NOT_HTTP', `redirects to ${next}, which is not http(s)`));
        if (new URL(next).host !== this.options.host)
          throw new AbortError(new FetchError(url, 'OTHER_HOST', `redirects to another host (${next})`));
        if (seen.has(next))
          throw new AbortError(new FetchError(url, 'REDIRECT_LOOP', `redirect loop back to ${next}`));
        if (hop + 1 >= MAX_REDIRECTS)
          throw new AbortError(
            new FetchError(url, 'TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`),
          );
        seen.add(next);
        current = next;
        continue;
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        throw new Retryable(
          new FetchError(url, 'HTTP_STATUS', `HTTP ${response.status}`, response.status),
          retryAfter(response.headers.get('retry-after')),
        );
      }
      const body = response.status === 304 ? Buffer.alloc(0) : await this.readBody(url, response);
      return {
        url,
        finalUrl: current,
        status: response.status,
        headers,
        fetchedAt: new Date().toISOString(),
        body,
        source: 'network',
      };
    }
  }

  private async request(url: string, conditional: Record<string, string>): Promise<Response> {
    const wait = this.lastRequest + this.options.delayMs - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastRequest = Date.now();
    this.requests += 1;
    try {
      return await fetch(url, {
        redirect: 'manual',
        headers: { 'user-agent': this.options.userAgent, accept: 'text/html,*/*;q=0.8', ...conditional },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new Retryable(
          new FetchError(url, 'TIMEOUT', `no answer within ${this.options.timeoutMs / 1000} s`),
          null,
        );
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Retryable(
        new FetchError(
          url,
          'NETWORK',
          `cannot reach it: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
        ),
        null,
      );
    } finally {
      this.lastRequest = Date.now();
    }
  }

  /** The body, refused as soon as it grows past the limit (a declared Content-Length is checked first). */
  private async readBody(url: string, response: Response): Promise<Buffer> {
    const limit = this.options.maxBytes;
    const tooLarge = (size: string) =>
      new AbortError(new FetchError(url, 'TOO_LARGE', `page is ${size} bytes, over the ${limit}-byte limit`));
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limit) {
      await response.body?.cancel();
      throw tooLarge(String(declared));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      const reader = response.body?.getReader();
      for (;;) {
        if (reader === undefined) break;
        const { done, value: chunk } = await reader.read();
        if (done) break;
        size += chunk.byteLength;
        if (size > limit) {
          await reader.cancel();
          throw tooLarge(`over ${size}`);
        }
        chunks.push(Buffer.from(chunk));
      }
    } catch (error) {
      if (error instanceof AbortError) throw error;
      const name = (error as Error).name;
      const failure =
        name === 'TimeoutError' || name === 'AbortError'
          ? new FetchError(
              url,
              'TIMEOUT',
              `the page did not arrive within ${this.options.timeoutMs / 1000} s`,
            )
          : new FetchError(url, 'NETWORK', `the connection broke: ${(error as Error).message}`);
      throw new Retryable(failure, null);
    }
    return Buffer.concat(chunks);
  }

  private paths(url: string): { meta: string; body: string } {
    const key = cacheKey(url);
    return {
      meta: join(this.options.cacheDir, `${key}.json`),
      body: join(this.options.cacheDir, `${key}.body`),
    };
  }

  private async readCache(url: string): Promise<Omit<Page, 'source'> | null> {
    const paths = this.paths(url);
    try {
      const meta = JSON.parse(await readFile(paths.meta, 'utf8')) as CachedPage;
      if (meta.url !== url) return null;
      return { ...meta, body: await readFile(paths.body) };
    } catch {
      return null;
    }
  }

  /** Body first, then the headers: a cache entry is complete once its `.json` exists (written by rename). */
  private async writeCache(page: Page): Promise<void> {
    await mkdir(this.options.cacheDir, { recursive: true });
    const paths = this.paths(page.url);
    const meta: CachedPage = {
      url: page.url,
      finalUrl: page.finalUrl,
      status: page.status,
      headers: page.headers,
      fetchedAt: page.fetchedAt,
    };
    await writeFile(paths.body, page.body);
    await writeFile(`${paths.meta}.tmp`, JSON.stringify(meta, null, 2));
    await rename(`${paths.meta}.tmp`, paths.meta);
  }
}

/** Only http(s) addresses are fetched. */
export function checkHttp(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError(url, 'NOT_HTTP', 'not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new FetchError(
      url,
      'NOT_HTTP',
      `only http and https addresses are read, not ${parsed.protocol.slice(0, -1)}`,
    );
  return parsed;
}
