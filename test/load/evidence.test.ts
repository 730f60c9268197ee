import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { type Resolver } from '../../src/extract/resolve.js';
import { compareEvidence, EVIDENCE_PREVIEW, evidenceEdgeId } from '../../src/graph/index.js';
import { exportGraph, importGraph } from '../../src/load/graph-file.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { silentLogger } from '../../src/log.js';
import { createApp } from '../../src/server/app.js';
import { graphSnapshot, openEmptyTestDatabase, query, testConfig } from '../support/graph.js';
import { syntheticUpdate, writeSyntheticUpdates } from '../support/synthetic-updates.js';
import { API_KEY, type Json } from '../api/helpers.js';

/**
 * Evidence storage (src/graph/evidence.ts): an edge keeps its first EVIDENCE_PREVIEW entries itself and the
 * rest are :Evidence nodes, so that a write does not grow with the edge's history. The programme manager is in
 * every synthetic Update's contact list, so his edges gather an entry per Update: far more than the lists hold.
 * Whatever is taken back, from the lists or from beyond them, the graph must be the one a clean load gives.
 */

const UPDATES = 24;
const FIRST = 1000;
const CURATOR_KEY = 'curator-key-0123456789';
const PM_LINE = /^SESLI Programme Manager: .*$/m;

let opened: OpenDatabase;
let resolver: Resolver;
let files: string[];
const folder = mkdtempSync(join(tmpdir(), 'seslip-evidence-'));

/** Update index `index` without the programme manager's contact line (so its evidence on his edges goes). */
function withoutManager(index: number): string {
  const text = syntheticUpdate(index);
  expect(text).toMatch(PM_LINE);
  const file = join(folder, 'changed', basename(files[index]!));
  writeFileSync(file, text.replace(PM_LINE, ''));
  return file;
}

async function loadFresh(paths: string[]) {
  await opened.db.write('test-clear-graph');
  const summary = await ingestFiles(opened.db, resolver, paths, {});
  expect(summary.counts.failed).toBe(0);
  return graphSnapshot();
}

/** The programme manager's role edge (the most evidence beyond its lists), every entry in evidence order. */
async function hubEdge() {
  const [edge] = await query(
    `MATCH (a)-[r:WORKS_FOR]->(b) WHERE r.overflow > 0
     RETURN a.uid AS from, a.name AS person, b.name AS organisation, type(r) AS type, b.uid AS to, r.key AS key, r.sources AS sources,
            r.quotes AS quotes, r.seenOn AS seenOn, r.overflow AS overflow, r.firstSeen AS firstSeen,
            r.lastSeen AS lastSeen
     ORDER BY r.overflow DESC, a.uid, b.uid LIMIT 1`,
  );
  expect(edge, 'no edge has evidence beyond its own lists: this test would prove nothing').toBeDefined();
  expect(edge!.quotes).toContainEqual(expect.stringMatching(PM_LINE));
  const id = evidenceEdgeId(String(edge!.from), String(edge!.type), String(edge!.to), String(edge!.key));
  const beyond = await query(
    `MATCH (e:Evidence {edge: $id}) RETURN e.source AS source, e.quote AS quote, e.date AS date, e.issue AS issue
     ORDER BY e.date, e.source, e.quote`,
    { id },
  );
  const own = (edge!.sources as string[]).map((source, i) => ({
    source,
    quote: (edge!.quotes as string[])[i]!,
    date: (edge!.seenOn as string[])[i]!,
  }));
  const more = beyond.map((e) => ({
    source: String(e.source),
    quote: String(e.quote),
    date: String(e.date),
  }));
  return { edge: edge!, beyond, entries: [...own, ...more] };
}

async function fetchJson(
  app: ReturnType<typeof createApp>,
  text: string,
  variables: Record<string, unknown>,
) {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  const result = (await response.json()) as Json;
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
}

beforeAll(async () => {
  opened = await openEmptyTestDatabase();
  resolver = await loadResolver();
  files = await writeSyntheticUpdates(join(folder, 'original'), UPDATES);
  mkdirSync(join(folder, 'changed'), { recursive: true });
}, 600_000);
afterAll(async () => {
  await opened?.close();
});

describe('evidence beyond the edge', () => {
  let original: Awaited<ReturnType<typeof graphSnapshot>>;

  it('keeps the first entries on the edge and the rest as :Evidence nodes, in order, counted', async () => {
    original = await loadFresh(files);
    const { edge, beyond, entries } = await hubEdge();
    expect(edge.sources).toHaveLength(EVIDENCE_PREVIEW);
    expect(beyond).toHaveLength(Number(edge.overflow));
    // One entry per Update at least (the contact list), each Update's own number on its nodes.
    expect(entries.length).toBeGreaterThanOrEqual(UPDATES);
    for (const e of beyond) expect(e.source).toMatch(new RegExp(`^(issue:)?${String(e.issue)}(/|$)`));
    const sorted = [...entries].sort(compareEvidence);
    expect(entries).toEqual(sorted);
    expect(edge.firstSeen).toBe(entries[0]!.date);
    expect(edge.lastSeen).toBe(entries.at(-1)!.date);
    // No edge the loader wrote keeps more than the first entries itself (derived edges carry a rule).
    const [long] = await query(
      `MATCH ()-[r]->() WHERE r.rule IS NULL AND size(coalesce(r.sources, [])) > $preview RETURN count(r) AS n`,
      { preview: EVIDENCE_PREVIEW },
    );
    expect(long!.n).toBe(0);
  }, 600_000);

  it('the API pages evidence across the edge and its :Evidence nodes, and counts them all', async () => {
    const { edge, entries } = await hubEdge();
    const app = createApp({ config: testConfig(), db: opened.db, resolver, log: silentLogger });
    const read = async (first: number, offset: number) => {
      const data = await fetchJson(
        app,
        `query ($name: String!, $first: Int!, $offset: Int!) { person(name: $name) {
            organisations(first: 20) { edges { node { name } evidenceCount firstSeen lastSeen
              evidence(first: $first, offset: $offset) { source quote date issue { number } } } } } }`,
        { name: edge.person, first, offset },
      );
      return data.person.organisations.edges.find((e: Json) => e.node.name === edge.organisation);
    };
    const all = await read(100, 0);
    expect(all.evidenceCount).toBe(entries.length);
    expect(all.evidence.map((e: Json) => ({ source: e.source, quote: e.quote, date: e.date }))).toEqual(
      entries,
    );
    const across = await read(5, EVIDENCE_PREVIEW - 2);
    expect(across.evidence.map((e: Json) => e.source)).toEqual(
      entries.slice(EVIDENCE_PREVIEW - 2, EVIDENCE_PREVIEW + 3).map((e) => e.source),
    );
    expect(across.evidence[3].issue.number).toBe(
      Number(/\d+/.exec(entries[EVIDENCE_PREVIEW + 1]!.source)![0]),
    );
    // A path's hop reads the same entries.
    const ids = await fetchJson(
      app,
      `query ($p: String!) { person(name: $p) { id organisations(first: 20) { edges { node { id name } } } } }`,
      { p: edge.person },
    );
    const to = ids.person.organisations.edges.find((e: Json) => e.node.name === edge.organisation).node.id;
    const path = await fetchJson(
      app,
      `query ($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 1) { hops { evidenceCount evidence(first: 100) { source } } } }`,
      { from: ids.person.id, to },
    );
    expect(path.path.hops[0].evidenceCount).toBe(entries.length);
    expect(path.path.hops[0].evidence.map((e: Json) => e.source)).toEqual(entries.map((e) => e.source));
    const first = await read(10, 0);
    expect(first.evidence.map((e: Json) => e.source)).toEqual(entries.slice(0, 10).map((e) => e.source));
  }, 600_000);

  it.each([
    ['on the edge (the oldest Update)', 0],
    ['beyond it (a recent Update)', UPDATES - 3],
  ])(
    'taking back evidence %s gives the graph a clean load gives, and putting it back the original',
    async (_where, index) => {
      const number = FIRST + index;
      const { beyond } = await hubEdge();
      const inNodes = beyond.some((e) => Number(e.issue) === number);
      expect(inNodes).toBe(index !== 0);
      const changed = withoutManager(index);
      const others = files.filter((_, i) => i !== index);
      const clean = await loadFresh([...others, changed]);

      await loadFresh(files);
      const replaced = await ingestFiles(opened.db, resolver, [changed], { force: true });
      expect(replaced.counts, JSON.stringify(replaced.files)).toMatchObject({ replaced: 1, failed: 0 });
      expect(await graphSnapshot()).toEqual(clean);

      const back = await ingestFiles(opened.db, resolver, [files[index]!], { force: true });
      expect(back.counts).toMatchObject({ replaced: 1, failed: 0 });
      expect(await graphSnapshot()).toEqual(original);
    },
    600_000,
  );

  it('a merge of two people moves their evidence whole; export, import and undo keep it', async () => {
    const config = testConfig({ API_KEYS: API_KEY, CURATOR_KEYS: `ana:${CURATOR_KEY}` });
    const app = createApp({ config, db: opened.db, resolver, log: silentLogger });
    const send = async (text: string, variables: Record<string, unknown>) => {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${CURATOR_KEY}` },
        body: JSON.stringify({ query: text, variables }),
      });
      const result = (await response.json()) as Json;
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data;
    };
    const entities = () =>
      graphSnapshot().then(({ nodes, edges }) => ({
        nodes: nodes.filter((node) => !(node as { labels: string[] }).labels.includes('Decision')),
        edges,
      }));
    /** Every :Evidence node names an edge that counts it. */
    const consistent = async () => {
      const counted = await query(
        `MATCH (a)-[r]->(b) WHERE r.overflow > 0
         RETURN a.uid + '\t' + type(r) + '\t' + b.uid + '\t' + r.key AS id, r.overflow AS n ORDER BY id`,
      );
      const stored = await query(`MATCH (e:Evidence) RETURN e.edge AS id, count(*) AS n ORDER BY id`);
      expect(stored).toEqual(counted);
    };
    await loadFresh(files);
    const before = await entities();
    const { edge } = await hubEdge();
    const [other] = await query(
      `MATCH (p:Person)-[r:CONTACT_FOR]->(n) WHERE r.overflow > 0 AND p.uid <> $pm
       RETURN p.name AS name, n.name AS network, size(r.sources) + r.overflow AS count
       ORDER BY r.overflow DESC, p.uid LIMIT 1`,
      { pm: edge.from },
    );
    expect(other).toBeDefined();
    const idOf = async (name: unknown) =>
      (await send(`query ($name: String!) { person(name: $name) { id } }`, { name })).person.id as string;
    const merge = await send(
      `mutation ($ids: [ID!]!) { mergeEntities(ids: $ids, note: "one person") { id } }`,
      { ids: [await idOf(edge.person), await idOf(other!.name)] },
    );
    await consistent();
    const [moved] = await query(
      `MATCH (p:Entity {uid: $pm})-[r:CONTACT_FOR]->(n {name: $network})
       RETURN size(r.sources) + coalesce(r.overflow, 0) AS count`,
      { pm: edge.from, network: other!.network },
    );
    expect(moved!.count).toBe(other!.count);

    const merged = await graphSnapshot();
    const file = join(folder, 'graph.jsonl');
    await exportGraph(opened.db, file);
    await importGraph(opened.db, file, true);
    expect(await graphSnapshot()).toEqual(merged);

    await send(`mutation ($id: ID!) { undoDecision(id: $id) { id } }`, { id: merge.mergeEntities.id });
    await consistent();
    expect(await entities()).toEqual(before);
  }, 600_000);
});
