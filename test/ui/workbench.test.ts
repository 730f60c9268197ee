import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/api/examples.js';
import { listen, type RunningServer } from '../../src/server/http.js';
import { graphql, useSeededApi } from '../api/helpers.js';
import { launchOfflineBrowser, type OfflineBrowser, type OfflinePage } from './browser.js';

/**
 * The workbench pages in a real headless Chromium that cannot reach the internet, against the app
 * listening on loopback over the five seed Updates. Every wait is for a condition, never a fixed sleep.
 */

/** A page load of GraphiQL's 5 MB bundle and six queries, on a busy 2-core machine. */
const BROWSER_TEST_TIMEOUT = 240_000;

const seeded = useSeededApi();
let server: RunningServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  server = await listen(seeded.app, '127.0.0.1', 0);
  browser = await launchOfflineBrowser(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text of a Monaco editor as shown (Monaco renders spaces as non-breaking ones). */
async function editorText(page: Page, editor: string): Promise<string> {
  const text = await page.locator(`${editor} .view-lines`).first().textContent();
  return (text ?? '').replaceAll('\u00a0', ' ');
}

/** Waits for a condition with time to spare on a busy machine; the waiting ends as soon as it holds. */
function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 60_000, interval: 250 });
}

function expectOffline(opened: OfflinePage): void {
  expect(opened.foreignRequests, 'requests to other hosts').toEqual([]);
  expect(opened.problems, 'errors in the page').toEqual([]);
}

describe('GraphiQL, offline', () => {
  it(
    'renders from local assets, opens on the first example and runs every example tab as is',
    async () => {
      const opened = await browser.open(`${server.url}/graphql`);
      const { page } = opened;
      await eventually(() => editorText(page, '.graphiql-query-editor')).toContain(
        'query ReportsFeedingNetworks',
      );
      // Run only once GraphiQL has read the schema, as a person would once the page has settled.
      const answered = async () => opened.answers.map((a) => a.operation);
      await eventually(answered).toContain('IntrospectionQuery');

      for (const [index, example] of EXAMPLES.entries()) {
        const operation = /query (\w+)/.exec(example.query)?.[1] ?? '';
        if (index > 0) {
          await page.locator('.graphiql-tab-button', { hasText: operation }).click();
        }
        await eventually(() => editorText(page, '.graphiql-query-editor')).toContain(`query ${operation}`);
        // GraphiQL now and then drops a run asked for right after a tab switch (while it settles, its run
        // action stops instead); a person would press again, and so does the test, at most three times.
        for (let press = 1; !opened.asked.includes(operation); press++) {
          if (press > 1) console.log(`${operation}: Run pressed again (press ${press})`);
          await page.click('.graphiql-execute-button[aria-label^="Execute query"]');
          try {
            await expect.poll(() => opened.asked.includes(operation), { timeout: 10_000 }).toBe(true);
          } catch {
            if (press === 3)
              throw new Error(`${operation} never sent; the page sent: ${opened.asked.join(', ')}`);
          }
        }
        await eventually(answered).toContain(operation);
        const answer = opened.answers.find((a) => a.operation === operation)!;
        expect(answer.body.errors, operation).toBeUndefined();
        // The page shows the answer the API gives anyone for that query.
        expect(answer.body.data, operation).toEqual((await graphql(seeded.app, example.query)).data);
        await eventually(() => editorText(page, '.graphiql-response')).toContain('"data"');
        if (index === 0) {
          expect(await editorText(page, '.graphiql-response')).toContain('"reportFeeds"');
          console.log(`screenshot: ${await opened.screenshot('graphiql-first-tab')}`);
        }
      }
      expectOffline(opened);
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  // GraphiQL's tabs are draggable and framer-motion leaves them offset; graphiql.html cancels the offset,
  // without which a press moved the tab from under the pointer and the click was lost.
  it(
    'switches tabs by a mouse click',
    async () => {
      const opened = await browser.open(`${server.url}/graphql`);
      const { page } = opened;
      const [first, second] = EXAMPLES.map((example) => /query (\w+)/.exec(example.query)?.[1] ?? '');
      await eventually(() => editorText(page, '.graphiql-query-editor')).toContain(`query ${first}`);

      await page.locator('.graphiql-tab-button', { hasText: second }).click();
      await eventually(() => editorText(page, '.graphiql-query-editor')).toContain(`query ${second}`);
      expect(await page.locator('.graphiql-tab-active .graphiql-tab-button').textContent()).toBe(second);

      await page.locator('.graphiql-tab-button', { hasText: first }).click();
      await eventually(() => editorText(page, '.graphiql-query-editor')).toContain(`query ${first}`);
      expectOffline(opened);
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});

/** The drawn graph, read through the page's own Cytoscape instance. */
interface Drawn {
  nodes: { id: string; label: string; expanded: boolean }[];
  edges: { id: string; relation: string; dates: string[] }[];
}

function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const { cy, model } = window.seslipExplorer;
    return {
      nodes: cy.nodes().map((n) => ({
        id: n.id(),
        label: model.nodes.get(n.id())!.label,
        expanded: model.expanded.has(n.id()),
      })),
      edges: cy.edges().map((e) => {
        const edge = model.edges.get(e.id())!;
        return { id: e.id(), relation: edge.relation, dates: edge.evidence.map((said) => said.date) };
      }),
    };
  });
}

// The browser's globals, as far as the functions these tests run in the page (page.evaluate) use them.
declare const window: { seslipExplorer: ExplorerHandle };
declare const document: {
  getElementById(id: string): {
    getBoundingClientRect(): { left: number; top: number };
    dataset: Record<string, string | undefined>;
  } | null;
};

/** What explore.js puts on window, as far as these tests read it. */
interface ExplorerHandle {
  cy: {
    nodes(): CyElement[];
    edges(): CyElement[];
    getElementById(id: string): CyElement;
    nodes(selector: string): CyElement[];
    zoom(): number;
    pan(): { x: number; y: number };
  };
  model: {
    nodes: Map<string, { label: string }>;
    edges: Map<string, { relation: string; source: string; target: string; evidence: { date: string }[] }>;
    expanded: Set<string>;
  };
}
interface CyElement {
  id(): string;
  renderedPosition(): { x: number; y: number };
  sourceEndpoint(): { x: number; y: number };
  targetEndpoint(): { x: number; y: number };
  boundingBox(options: object): { x1: number; x2: number; y1: number; y2: number };
}

/** A point of the page on the node with this label. */
async function nodePoint(page: Page, label: string): Promise<{ x: number; y: number }> {
  return page.evaluate((wanted) => {
    const { cy, model } = window.seslipExplorer;
    const node = cy.nodes().find((n) => model.nodes.get(n.id())!.label === wanted)!;
    const box = document.getElementById('graph')!.getBoundingClientRect();
    const at = node.renderedPosition();
    return { x: box.left + at.x, y: box.top + at.y };
  }, label);
}

/** A point of the page on this edge that no node covers, so that hovering it hovers the edge. */
async function edgePoint(page: Page, edgeId: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const { cy } = window.seslipExplorer;
    const edge = cy.getElementById(id);
    const [from, to] = [edge.sourceEndpoint(), edge.targetEndpoint()];
    const boxes = cy.nodes().map((n) => n.boundingBox({ includeLabels: false }));
    const along = [0.5, 0.4, 0.6, 0.3, 0.7].map((t) => ({
      x: from.x + (to.x - from.x) * t,
      y: from.y + (to.y - from.y) * t,
    }));
    const free =
      along.find((p) => boxes.every((b) => p.x < b.x1 || p.x > b.x2 || p.y < b.y1 || p.y > b.y2)) ??
      along[0]!;
    const box = document.getElementById('graph')!.getBoundingClientRect();
    const [zoom, pan] = [cy.zoom(), cy.pan()];
    return { x: box.left + free.x * zoom + pan.x, y: box.top + free.y * zoom + pan.y };
  }, edgeId);
}

const statusCount = (page: Page, name: 'nodes' | 'edges') =>
  page.evaluate((key) => Number(document.getElementById('status')!.dataset[key] ?? 0), name);

describe('explorer, offline', () => {
  it(
    'finds an entity, draws its neighbourhood, shows evidence on hover, expands and narrows',
    async () => {
      const opened = await browser.open(`${server.url}/explore`);
      const { page } = opened;

      await page.fill('#text', 'fostering');
      await page.press('#text', 'Enter');
      await page.locator('#results button', { hasText: /^Fostering Network$/ }).click();
      await eventually(() => statusCount(page, 'nodes')).toBeGreaterThan(1);
      const first = await drawn(page);
      expect(first.nodes.find((n) => n.expanded)?.label).toBe('Fostering Network');
      // seed 451 and 515: "… More from Rebecca Eligon" on the Fostering Network's meeting lines.
      const contact = first.edges.find((e) => e.relation === 'CONTACT_FOR');
      expect(contact, 'Rebecca Eligon as the contact').toBeDefined();
      expect(first.nodes.map((n) => n.label)).toContain('Rebecca Eligon');
      console.log(`screenshot: ${await opened.screenshot('explorer-neighbourhood')}`);

      const point = await edgePoint(page, contact!.id);
      await page.mouse.move(point.x, point.y);
      const tooltip = page.locator('#evidence');
      await eventually(() => tooltip.isVisible()).toBe(true);
      const evidence = (await tooltip.textContent()) ?? '';
      expect(evidence).toContain('Rebecca Eligon — CONTACT_FOR → Fostering Network');
      expect(evidence).toMatch(/Update 451, 2021-04-30/);
      expect(evidence).toMatch(/More information from Rebecca Eligon/);
      console.log(`screenshot: ${await opened.screenshot('explorer-evidence')}`);
      await page.mouse.move(5, 5);

      const person = await nodePoint(page, 'Rebecca Eligon');
      await page.mouse.click(person.x, person.y);
      await eventually(async () => (await drawn(page)).nodes.filter((n) => n.expanded).length).toBe(2);
      const expanded = await drawn(page);
      expect(expanded.nodes.length).toBeGreaterThan(first.nodes.length);
      expect(expanded.nodes.map((n) => n.label)).toContain('Kinship Network');
      console.log(`screenshot: ${await opened.screenshot('explorer-expanded')}`);

      await page.fill('#from', '2022-01-01');
      await page.fill('#to', '2022-12-31');
      await page.click('#period button[type=submit]');
      await eventually(() => page.textContent('#status')).toContain('in 2022-01-01 to 2022-12-31');
      const narrowed = await drawn(page);
      expect(narrowed.edges.length).toBeLessThan(expanded.edges.length);
      for (const edge of narrowed.edges) {
        if (edge.dates.length > 0)
          expect(
            edge.dates.some((d) => d.startsWith('2022-')),
            edge.id,
          ).toBe(true);
      }
      console.log(`screenshot: ${await opened.screenshot('explorer-2022')}`);
      expectOffline(opened);
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it('leads from / to GraphiQL and the explorer', async () => {
    const opened = await browser.open(`${server.url}/`);
    const links = await opened.page
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/graphql', '/explore']));
    expectOffline(opened);
    await opened.page.close();
  });
});
