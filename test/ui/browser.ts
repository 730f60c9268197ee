import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it when missing. Playwright never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the tests leave their screenshots, for a person to look at. */
export const SCREENSHOTS = join(tmpdir(), 'seslip-kg-ui-screenshots');

export interface OfflinePage {
  page: Page;
  /** Every request the page made to a host other than the test server (each one was refused). */
  foreignRequests: string[];
  /** Uncaught page errors, console errors and requests to the test server that failed. */
  problems: string[];
  /** The GraphQL operations the page sent, by name, in order. */
  asked: string[];
  /** The GraphQL answers the page received, by operation name, in order of arrival. */
  answers: { operation: string; body: { data?: unknown; errors?: unknown } }[];
  screenshot(name: string): Promise<string>;
}

export interface OfflineBrowser {
  open(url: string): Promise<OfflinePage>;
  close(): Promise<void>;
}

/**
 * A headless Chromium with no way out: its proxy is a closed port (127.0.0.1:9; loopback bypasses it)
 * and a request interceptor refuses whatever is not for the test server's host, recording it, so that
 * a page that would need the internet shows it in `foreignRequests` instead of quietly loading it.
 */
export async function launchOfflineBrowser(serverUrl: string): Promise<OfflineBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--proxy-server=127.0.0.1:9', '--disable-gpu'],
  });
  const serverHost = new URL(serverUrl).host;
  return {
    open: async (url) => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.setDefaultTimeout(60_000);
      const foreignRequests: string[] = [];
      const problems: string[] = [];
      const asked: string[] = [];
      const answers: OfflinePage['answers'] = [];
      const operationOf = (request: Request) =>
        /^\s*(?:query|mutation)\s+(\w+)/.exec(request.postDataJSON()?.query ?? '')?.[1] ?? '';
      const isGraphQL = (request: Request) =>
        request.method() === 'POST' && new URL(request.url()).pathname === '/graphql';
      page.on('request', (request) => {
        if (isGraphQL(request)) asked.push(operationOf(request));
      });
      await page.route('**/*', async (route) => {
        const requested = route.request().url();
        if (new URL(requested).host === serverHost) return route.continue();
        foreignRequests.push(requested);
        return route.abort('internetdisconnected');
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('requestfailed', (request) => {
        if (new URL(request.url()).host === serverHost) problems.push(`failed: ${request.url()}`);
      });
      page.on('response', async (response) => {
        if (!isGraphQL(response.request())) return;
        answers.push({ operation: operationOf(response.request()), body: await response.json() });
      });
      await page.goto(url);
      return {
        page,
        foreignRequests,
        problems,
        asked,
        answers,
        screenshot: async (name) => {
          const path = join(SCREENSHOTS, `${name}.png`);
          await page.screenshot({ path });
          return path;
        },
      };
    },
    close: () => browser.close(),
  };
}
