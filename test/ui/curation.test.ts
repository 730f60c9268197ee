import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { silentLogger } from '../../src/log.js';
import { createApp, type App } from '../../src/server/app.js';
import { listen, type RunningServer } from '../../src/server/http.js';
import { openEmptyTestDatabase, testConfig } from '../support/graph.js';
import { data, globalId } from '../api/helpers.js';
import { launchOfflineBrowser, type OfflineBrowser } from './browser.js';

/**
 * Curation in the explorer, in a real headless Chromium with the network cut off: "Wrong link" on a drawn
 * link, the review queue of possible duplicates (Keep apart, Same), the audit with Undo, and the curator's key
 * asked for once and kept in sessionStorage only.
 */

const BROWSER_TEST_TIMEOUT = 240_000;
const CURATOR_KEY = 'curator-key-0123456789';
const curator = { authorization: `Bearer ${CURATOR_KEY}` };

let opened: OpenDatabase;
let app: App;
let server: RunningServer;
let browser: OfflineBrowser;

interface CurationHandle {
  cy: {
    edges(): { id(): string; data(name: string): string; emit(event: string): void }[];
    getElementById(id: string): { empty(): boolean; emit(event: string): void };
  };
}
declare const window: { seslipExplorer: CurationHandle; sessionStorage: Storage; localStorage: Storage };

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 60_000, interval: 250 });

const NETWORKS = `query ($name: String!) { person(name: $name) { networks(first: 50) { totalCount } } }`;
const ASSERT = `mutation ($from: ID!, $to: ID!) { assertEdge(type: "POSSIBLY_SAME_AS", from: $from, to: $to, note: "test pair") { id } }`;

beforeAll(async () => {
  const config = testConfig({ CURATOR_KEYS: `ana:${CURATOR_KEY}` });
  opened = await openEmptyTestDatabase(config);
  await ingestFiles(opened.db, await loadResolver(), ['seed']);
  app = createApp({ config, db: opened.db, resolver: await loadResolver(), log: silentLogger });
  server = await listen(app, '127.0.0.1', 0);
  browser = await launchOfflineBrowser(server.url);
  // Two doubts for the review queue (the seeds give none): stated by a curator.
  for (const [a, b] of [
    ['alison rendle', 'chris owen'],
    ['alastair lee', 'luke ede'],
  ])
    await data(app, ASSERT, { from: globalId('Person', a!), to: globalId('Person', b!) }, curator);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await opened?.close();
});

describe('curation in the explorer, offline', () => {
  it(
    'Wrong link hides a link; the review queue keeps apart and merges; the audit undoes; the key is asked once',
    async () => {
      const networksBefore = (await data(app, NETWORKS, { name: 'Rebecca Eligon' })).person.networks
        .totalCount;
      const page = await browser.open(
        `${server.url}/explore?id=${encodeURIComponent(globalId('Person', 'rebecca eligon'))}`,
      );
      const { page: p } = page;
      const contactLinks = () =>
        p.evaluate(() =>
          window.seslipExplorer.cy
            .edges()
            .filter((e) => e.data('relation') === 'CONTACT_FOR')
            .map((e) => e.id()),
        );
      await eventually(async () => (await contactLinks()).length).toBeGreaterThan(0);
      const [link] = await contactLinks();
      const drawnBefore = (await contactLinks()).length;

      // Wrong link: tap the link, give a note, the key once in the dialog.
      await p.fill('#curation-note', 'not her network');
      await p.evaluate((id) => window.seslipExplorer.cy.getElementById(id).emit('tap'), link!);
      await p.locator('#details .wrong-link').click();
      await eventually(() => p.locator('#key-dialog').isVisible()).toBe(true);
      await p.fill('#curator-key', CURATOR_KEY);
      await p.locator('#key-dialog button[value="ok"]').click();
      await eventually(async () => (await contactLinks()).length).toBe(drawnBefore - 1);
      expect(await contactLinks()).not.toContain(link);
      expect((await data(app, NETWORKS, { name: 'Rebecca Eligon' })).person.networks.totalCount).toBe(
        networksBefore - 1,
      );
      const stored = await p.evaluate(() => ({
        session: window.sessionStorage.getItem('seslip-kg-curator-key'),
        local: Object.keys(window.localStorage),
      }));
      expect(stored).toEqual({ session: CURATOR_KEY, local: [] });
      await eventually(() => p.locator('#audit li').first().textContent()).toContain(
        'REJECT_EDGE CONTACT_FOR by ana',
      );
      console.log(`screenshot: ${await page.screenshot('curation-wrong-link')}`);

      // The review queue: both pairs side by side; keep the first apart, merge the second.
      await p.locator('#show-review').click();
      await eventually(() => p.locator('#review .pair').count()).toBe(2);
      console.log(`screenshot: ${await page.screenshot('curation-review-queue')}`);
      await p.fill('#curation-note', 'different people');
      await p.locator('#review .pair', { hasText: 'Alison Rendle' }).locator('.keep-apart').click();
      await eventually(() => p.locator('#review .pair').count()).toBe(1);
      await p.fill('#curation-note', 'one person');
      await p.locator('#review .pair', { hasText: 'Luke Ede' }).locator('.same').click();
      await eventually(() => p.locator('#review li').first().textContent()).toBe(
        'No possible duplicates left.',
      );
      expect(await p.locator('#key-dialog').isVisible()).toBe(false);
      const merged = await data(app, `{ person(name: "Luke Ede") { name variants } }`);
      expect(merged.person).toEqual({ name: 'Alastair Lee', variants: expect.arrayContaining(['Luke Ede']) });

      // The audit: undo the merge; Luke Ede is himself again.
      await eventually(() => p.locator('#audit li').first().textContent()).toContain('MERGE by ana');
      await p.locator('#audit li').first().locator('.undo').click();
      await eventually(() => p.locator('#audit li').first().textContent()).toContain('(undone)');
      expect((await data(app, `{ person(name: "Luke Ede") { name } }`)).person.name).toBe('Luke Ede');
      expect(page.foreignRequests).toEqual([]);
      expect(page.problems).toEqual([]);
    },
    BROWSER_TEST_TIMEOUT,
  );
});
