import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { HOP_FIELDS, type NodeLabel } from '../graph/index.js';
import { sourceAssetPath } from '../project.js';
import type { Exposure } from './exposure.js';

/**
 * The workbench pages and every file they load, served by the app itself from this folder and from
 * installed npm packages, so that they work on a machine without internet. Only the paths listed here
 * are served: no request path is ever joined onto a folder.
 */

const require = createRequire(import.meta.url);
const PAGES_DIR = sourceAssetPath('server', 'pages');
/** The built GraphiQL of graphql-yoga (React, Monaco and its workers in one bundle, no CDN needed). */
const GRAPHIQL_DIST = dirname(require.resolve('@graphql-yoga/graphiql'));
const CYTOSCAPE_DIST = dirname(require.resolve('cytoscape'));

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

interface StaticFile {
  file: string;
  type: string;
}

/**
 * A relationship field as the explorer draws it. `relation` is the edge type and `out` says whether the
 * entity is where the edge starts, so that one edge reached from either end is drawn once; an `undirected`
 * one is drawn once whichever end it is reached from. `single` and `list` fields hold entities without
 * evidence; `dated` ones take the period as from/to.
 */
export interface ExplorerLink {
  field: string;
  relation: string;
  out: boolean;
  undirected: boolean;
  single: boolean;
  list: boolean;
  dated: boolean;
}

/** Every relationship field of each kind of entity, as the edge catalogue declares them. */
export function explorerLinks(): Record<NodeLabel, ExplorerLink[]> {
  const links: Partial<Record<NodeLabel, ExplorerLink[]>> = {};
  for (const field of HOP_FIELDS) {
    (links[field.label] ??= []).push({
      field: field.name,
      relation: field.type,
      out: field.direction !== 'in',
      undirected: field.direction === 'both',
      single: field.shape === 'one',
      list: field.shape === 'list',
      dated: field.dated,
    });
  }
  return links as Record<NodeLabel, ExplorerLink[]>;
}

/** The module explore.js imports its relationship fields from, written once from the catalogue. */
const RELATIONSHIPS_MODULE = `// Written by the server from the edge catalogue (src/graph/edges.ts, src/server/pages.ts).
export const FIELDS = ${JSON.stringify(explorerLinks(), null, 2)};
`;

const WORKBENCH_FILES: Record<string, StaticFile> = {
  '/explore': { file: join(PAGES_DIR, 'explore.html'), type: HTML },
  '/assets/explore.js': { file: join(PAGES_DIR, 'explore.js'), type: JS },
  '/assets/curate.js': { file: join(PAGES_DIR, 'curate.js'), type: JS },
  '/assets/pages.css': { file: join(PAGES_DIR, 'pages.css'), type: CSS },
  '/assets/cytoscape.esm.min.mjs': { file: join(CYTOSCAPE_DIST, 'cytoscape.esm.min.mjs'), type: JS },
};

/** Monaco's workers by the label GraphiQL asks for; graphiql-start.js holds the same paths. */
const GRAPHIQL_FILES: Record<string, StaticFile> = {
  '/assets/graphiql-start.js': { file: join(PAGES_DIR, 'graphiql-start.js'), type: JS },
  '/assets/graphiql/graphiql.css': { file: join(GRAPHIQL_DIST, 'graphiql.css'), type: CSS },
  '/assets/graphiql/yoga-graphiql.umd.js': { file: join(GRAPHIQL_DIST, 'yoga-graphiql.umd.js'), type: JS },
  ...Object.fromEntries(
    ['editor.worker.bundle.js', 'json.worker.bundle.js', 'graphql.worker..bundle.js'].map((name) => [
      `/assets/graphiql/workers/${name}`,
      { file: join(GRAPHIQL_DIST, 'monacoeditorwork', name), type: JS },
    ]),
  ),
};

/** Serves the files of the pages that are switched on, and `/`, the page that leads to them. */
export function useWorkbenchPages(exposure: Exposure): Plugin {
  const files = exposure.graphiql ? { ...WORKBENCH_FILES, ...GRAPHIQL_FILES } : WORKBENCH_FILES;
  return {
    onRequest: async ({ request, url, endResponse, fetchAPI }) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/') {
        endResponse(new fetchAPI.Response(indexPage(exposure), { headers: pageHeaders(HTML) }));
        return;
      }
      if (url.pathname === '/assets/relationships.js') {
        const body = request.method === 'HEAD' ? null : RELATIONSHIPS_MODULE;
        endResponse(new fetchAPI.Response(body, { headers: pageHeaders(JS) }));
        return;
      }
      const found = files[url.pathname];
      if (found === undefined) return;
      const body = request.method === 'HEAD' ? null : await readFile(found.file);
      endResponse(new fetchAPI.Response(body, { headers: pageHeaders(found.type) }));
    },
  };
}

function pageHeaders(type: string): Record<string, string> {
  // Revalidate each time: a server update must never leave an old script beside a new page.
  return { 'content-type': type, 'cache-control': 'no-cache' };
}

function indexPage(exposure: Exposure): string {
  const links = [
    ...(exposure.graphiql
      ? [['/graphql', 'GraphiQL', 'write GraphQL queries; the tabs hold the analysts’ example questions']]
      : []),
    ['/explore', 'Explorer', 'find an entity and walk its neighbourhood, with the evidence for each link'],
  ];
  const items = links
    .map(([href, name, what]) => `<li><a href="${href}">${name}</a>: ${what}</li>`)
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>seslip-kg</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/assets/pages.css" />
  </head>
  <body class="index">
    <h1>seslip-kg</h1>
    <p>A knowledge graph of the SESLIP weekly Updates. The GraphQL API answers at <code>/graphql</code>.</p>
    <ul>
      ${items}
    </ul>
  </body>
</html>
`;
}

const GRAPHIQL_PAGE = readFileSync(join(PAGES_DIR, 'graphiql.html'), 'utf8');

/**
 * GraphiQL's page with local assets in place of yoga's CDN links. The options travel as JSON in a
 * non-executable script element, since the CSP allows no inline script. The editor opens on the first
 * tab's query (yoga's GraphiQL would otherwise show its welcome comment there).
 */
export function renderGraphiQL(options: GraphiQLOptions): string {
  const opening = { ...options, query: options.defaultTabs?.[0]?.query ?? options.defaultQuery };
  // Replacer functions: a `$&` in a query must not be read as a replacement pattern.
  return GRAPHIQL_PAGE.replace('__TITLE__', () => escapeHtml(options.title ?? 'GraphiQL')).replace(
    '__OPTIONS__',
    () => JSON.stringify(opening).replaceAll('<', '\\u003c'),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
