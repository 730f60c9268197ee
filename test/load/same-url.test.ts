import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { extractGraph } from '../../src/extract/extract.js';
import type { GraphRecords } from '../../src/extract/records.js';
import type { Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { recordsHash } from '../../src/load/ingest.js';
import { loadUpdate, loadUpdates } from '../../src/load/loader.js';
import { reportMoves, withReportsMoved } from '../../src/load/same-url.js';
import { silentLogger } from '../../src/log.js';
import type { Publication, UpdateDocument } from '../../src/parse/document.js';
import { parseUpdate } from '../../src/parse/index.js';
import { normaliseName } from '../../src/text/names.js';
import { createApp } from '../../src/server/app.js';
import { data, globalId } from '../api/helpers.js';
import { graphSnapshot, openEmptyTestDatabase, query, testConfig } from '../support/graph.js';
import { parseOptions } from '../parse/helpers.js';

/**
 * Reports with the same address are one Report across Updates, whatever their titles: 515 lists "Working
 * together to improve school attendance" (DfE) and 518 "open access resource hub …" (Research in Practice,
 * cited by an item), both linked here to one address. Loaded in either order, in one batch or two, they make
 * one Report with both Updates' edges; replacing either Update later leaves the graph a fresh load gives.
 */

let opened: OpenDatabase;
let resolver: Resolver;
const URL = 'https://www.gov.uk/government/publications/one-document';
const TITLE_515 = 'Working together to improve school attendance';
const TITLE_518 =
  'open access resource hub to support family-centred practice and decision-making in pre-proceedings';
const KEY_515 = normaliseName(TITLE_515);
const KEY_518 = normaliseName(TITLE_518);

const seedDoc = (name: string): UpdateDocument =>
  parseUpdate(readFileSync(join('seed', `${name}.txt`), 'utf8'), `${name}.html`, parseOptions);

/** The Update with its publication of `title` changed (null: left out of the Tools & Templates list). */
function withPublication(
  doc: UpdateDocument,
  title: string,
  change: (publication: Publication) => Publication | null,
): UpdateDocument {
  expect(doc.publications.filter((p) => p.title === title)).toHaveLength(1);
  const publications = doc.publications.flatMap((p) => (p.title === title ? (change(p) ?? []) : [p]));
  return { ...doc, publications };
}

const linked = (p: Publication): Publication => ({ ...p, url: URL });
let u515: GraphRecords;
let u518: GraphRecords;

const load = (records: GraphRecords, force = false) =>
  loadUpdate(opened.db, records, { contentHash: recordsHash(records), force });

/** The Reports stored with the address, and each with its properties and edges (but for its own key). */
async function reportsAt(url: string) {
  const rows = await query(
    `MATCH (r:Report {url: $url})
     OPTIONAL MATCH (r)-[e]-(other)
     WITH r, e, other ORDER BY type(e), other.uid, e.key
     RETURN r.uid AS uid, r {.*, uid: null, key: null} AS props,
            [x IN collect([type(e), startNode(e) = r, other.uid, e.sources, e.quotes]) WHERE x[0] IS NOT NULL] AS edges`,
    { url },
  );
  return rows.map((row) => ({
    uid: row.uid as string,
    props: row.props as Record<string, unknown>,
    edges: row.edges as [string, boolean, string, string[], string[]][],
  }));
}

/** What the Update's records link to its Report of `key`: [type, outgoing, other uid]. */
const edgesOf = (records: GraphRecords, key: string): [string, boolean, string][] =>
  records.edges.flatMap((e): [string, boolean, string][] => {
    if (e.from.label === 'Report' && e.from.key === key) return [[e.type, true, `${e.to.label}:${e.to.key}`]];
    if (e.to.label === 'Report' && e.to.key === key)
      return [[e.type, false, `${e.from.label}:${e.from.key}`]];
    return [];
  });

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  resolver = await loadResolver();
  u515 = extractGraph(withPublication(seedDoc('update-515-2022-07-22'), TITLE_515, linked), resolver);
  u518 = extractGraph(withPublication(seedDoc('update-518-2022-08-12'), TITLE_518, linked), resolver);
});
afterAll(async () => {
  await opened?.close();
});
beforeEach(async () => {
  await opened.db.write('test-clear-graph');
});

// Each test loads two to four Updates into a fresh graph: seconds each on a busy machine.
describe('two Updates linking one address under different titles', { timeout: 120_000 }, () => {
  it('make one Report, under the key stored first, with both Updates’ edges', async () => {
    expect(edgesOf(u515, KEY_515)).toContainEqual([
      'PUBLISHED_BY',
      true,
      expect.stringMatching(/^Organisation:/),
    ]);
    expect(
      edgesOf(u518, KEY_518)
        .map(([type]) => type)
        .sort(),
    ).toEqual(['CITES', 'PUBLISHED_BY']);
    await load(u515);
    await load(u518);
    const [report, ...others] = await reportsAt(URL);
    expect(others).toEqual([]);
    expect(report!.uid).toBe(`Report:${KEY_515}`);
    expect(await query('MATCH (r:Report {key: $key}) RETURN r', { key: KEY_518 })).toEqual([]);
    const stored = report!.edges.map(([type, out, other]) => [type, out, other]);
    for (const edge of [...edgesOf(u515, KEY_515), ...edgesOf(u518, KEY_518)])
      expect(stored).toContainEqual(edge);
    expect(stored).toHaveLength(edgesOf(u515, KEY_515).length + edgesOf(u518, KEY_518).length);
    // Properties fold by Update number, not by loading order: the newer Update's title.
    expect(report!.props).toMatchObject({ title: TITLE_518, url: URL, issueCount: 2, lastIssue: 518 });
  });

  it('give the same Report in the other order, under the key stored first', async () => {
    await load(u515);
    await load(u518);
    const forwards = await reportsAt(URL);
    await opened.db.write('test-clear-graph');
    await load(u518);
    await load(u515);
    const backwards = await reportsAt(URL);
    expect(backwards.map(({ uid }) => uid)).toEqual([`Report:${KEY_518}`]);
    expect(backwards.map(({ props, edges }) => ({ props, edges }))).toEqual(
      forwards.map(({ props, edges }) => ({ props, edges })),
    );
  });

  it('in one batch, load onto the smaller key, whichever comes first', async () => {
    await load(u515);
    await load(u518);
    const separately = await reportsAt(URL);
    for (const batch of [
      [u515, u518],
      [u518, u515],
    ]) {
      await opened.db.write('test-clear-graph');
      const outcome = await loadUpdates(
        opened.db,
        batch.map((records) => ({ records, options: { contentHash: recordsHash(records) } })),
      );
      expect(outcome.outcomes.map((o) => o.status)).toEqual(['loaded', 'loaded']);
      const together = await reportsAt(URL);
      expect(together.map(({ uid }) => uid)).toEqual([`Report:${[KEY_515, KEY_518].sort()[0]}`]);
      expect(together.map(({ props, edges }) => ({ props, edges }))).toEqual(
        separately.map(({ props, edges }) => ({ props, edges })),
      );
    }
  });

  it('record the key they were written under, so replacing the later one gives what a fresh load gives', async () => {
    const retitled = extractGraph(
      withPublication(seedDoc('update-518-2022-08-12'), TITLE_518, (p) => ({
        ...linked(p),
        title: `${TITLE_518} (revised)`,
      })),
      resolver,
    );
    await load(u515);
    await load(u518);
    const [issue] = await query('MATCH (i:Issue {number: 518}) RETURN i.describedNodes AS nodes');
    expect(issue!.nodes).toContainEqual(expect.stringMatching(new RegExp(`^Report:${KEY_515}\\t`)));
    expect(issue!.nodes).not.toContainEqual(expect.stringMatching(new RegExp(`^Report:${KEY_518}\\t`)));
    expect((await load(retitled)).status).toBe('replaced');
    const replaced = await graphSnapshot();
    await opened.db.write('test-clear-graph');
    await load(u515);
    await load(retitled);
    expect(replaced).toEqual(await graphSnapshot());
    expect((await reportsAt(URL)).map(({ props }) => props.title)).toEqual([`${TITLE_518} (revised)`]);
  });

  it('keep only the other Update’s word when the first stops naming the document', async () => {
    const without515 = extractGraph(
      withPublication(seedDoc('update-515-2022-07-22'), TITLE_515, () => null),
      resolver,
    );
    await load(u515);
    await load(u518);
    expect((await load(without515)).status).toBe('replaced');
    const replaced = await reportsAt(URL);
    // The surviving key stays; what is on it is only 518's, as if 515 had never linked the address.
    expect(replaced.map(({ uid }) => uid)).toEqual([`Report:${KEY_515}`]);
    expect(replaced[0]!.props).toMatchObject({ title: TITLE_518, issueCount: 1, lastIssue: 518 });
    await opened.db.write('test-clear-graph');
    await load(without515);
    await load(u518);
    const fresh = await reportsAt(URL);
    expect(replaced.map(({ props, edges }) => ({ props, edges }))).toEqual(
      fresh.map(({ props, edges }) => ({ props, edges })),
    );
  });

  it('answer GraphQL as one Report, with its url and its citing items', async () => {
    await load(u515);
    await load(u518);
    const app = createApp({ config: testConfig(), db: opened.db, resolver, log: silentLogger });
    const answer = await data(
      app,
      `query ($id: ID!) { node(id: $id) { ... on Report { title url citedIn { totalCount } } } }`,
      { id: globalId('Report', KEY_515) },
    );
    expect(answer.node).toEqual({
      title: TITLE_518,
      url: URL,
      citedIn: { totalCount: edgesOf(u518, KEY_518).filter(([type]) => type === 'CITES').length },
    });
    const found = await data(app, `{ reports(text: "resource hub") { edges { node { title url } } } }`);
    expect(found.reports.edges).toEqual([{ node: { title: TITLE_518, url: URL } }]);
  });
});

describe('where the linked Reports of a batch load (no database)', () => {
  const report = (key: string, url?: string, props: Record<string, string> = {}) => ({
    label: 'Report' as const,
    key,
    props: { title: key, ...props, ...(url === undefined ? {} : { url }) },
  });
  const update = (issueNumber: number, ...nodes: ReturnType<typeof report>[]): GraphRecords => ({
    issueNumber,
    nodes,
    edges: nodes.map((node) => ({
      type: 'CITES' as const,
      from: { label: 'Item' as const, key: `${issueNumber}/1` },
      to: { label: 'Report' as const, key: node.key },
      key: '',
      props: {},
      evidence: { source: `${issueNumber}/1`, quote: node.key, date: '2022-01-01' },
    })),
    warnings: [],
  });

  it('onto the stored Report of the address, else the smallest key; keys joined through any shared address', () => {
    const batch = [
      update(1, report('b', 'u1'), report('d', 'u2')),
      update(2, report('c', 'u1'), report('a', 'u3')),
    ];
    expect(reportMoves(batch, new Map())).toEqual(new Map([['c', 'b']]));
    expect(reportMoves(batch, new Map([['u1', 'z']]))).toEqual(
      new Map([
        ['b', 'z'],
        ['c', 'z'],
      ]),
    );
    // d is linked to u2 in one Update and to u1 in another: one document, so b, c and d are one Report.
    const joined = [...batch, update(3, report('d', 'u1'))];
    expect(reportMoves(joined, new Map())).toEqual(
      new Map([
        ['c', 'b'],
        ['d', 'b'],
      ]),
    );
  });

  it('make one record of two Reports of an Update that become one, edges following', () => {
    const records = update(
      4,
      report('b', undefined, { kind: 'guidance' }),
      report('c', 'u1', { verb: 'published' }),
    );
    const moved = withReportsMoved(records, new Map([['c', 'b']]));
    expect(moved.nodes).toEqual([
      { label: 'Report', key: 'b', props: { title: 'b', kind: 'guidance', verb: 'published', url: 'u1' } },
    ]);
    expect(moved.edges.map((edge) => edge.to)).toEqual([
      { label: 'Report', key: 'b' },
      { label: 'Report', key: 'b' },
    ]);
  });
});
