import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/open.js';
import { type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { ingestFiles } from '../../src/load/ingest.js';
import { silentLogger } from '../../src/log.js';
import { createApp, type App } from '../../src/server/app.js';
import { importDecisions, listDecisions, lineOf } from '../../src/storage/decisions.js';
import { graphSize } from '../../src/storage/whole-graph.js';
import { graphSnapshot, openEmptyTestDatabase, testConfig } from '../support/graph.js';
import { API_KEY, data, globalId, graphql, type Json } from './helpers.js';

/**
 * Curators' decisions end to end: the seeds in a real Neo4j, mutations through the app, and the graph checked
 * after re-ingests, undo and a rebuild from empty plus the decisions file.
 */

const CURATOR_KEY = 'curator-key-0123456789';
const curator = { authorization: `Bearer ${CURATOR_KEY}` };
const reader = { authorization: `Bearer ${API_KEY}` };

/** Several full loads of the seeds on a busy 2-core machine. */
const LONG_TEST_TIMEOUT = 300_000;

let opened: OpenDatabase;
let app: App;
let resolver: Resolver;

/** The graph's entities and edges (decision nodes aside): what every answer is read from. */
async function entityGraph() {
  const snapshot = await graphSnapshot();
  const nodes = snapshot.nodes.filter((node) => (node as Json).labels.includes('Entity'));
  return { nodes, edges: snapshot.edges };
}

const decisionCount = async () => (await graphSize(opened.db)).decisions;

const PERSON = `query ($name: String!) { person(name: $name) { id name variants
  networks(first: 20) { totalCount edges { id node { id name } evidence(first: 20) { quote } } } } }`;

const MERGE = `mutation ($ids: [ID!]!, $note: String!) { mergeEntities(ids: $ids, note: $note) { id kind subjects note by at undone stale } }`;
const REJECT = `mutation ($id: ID!, $note: String!) { rejectEdge(id: $id, note: $note) { id kind subjects by } }`;
const UNDO = `mutation ($id: ID!) { undoDecision(id: $id) { id undone } }`;

beforeAll(async () => {
  const config = testConfig({ API_KEYS: API_KEY, CURATOR_KEYS: `ana:${CURATOR_KEY}` });
  opened = await openEmptyTestDatabase(config);
  resolver = await loadResolver();
  expect((await ingestFiles(opened.db, resolver, ['seed'])).counts).toMatchObject({ loaded: 5, failed: 0 });
  app = createApp({ config, db: opened.db, resolver, log: silentLogger });
});

afterAll(async () => {
  await opened?.close();
});

describe('who may decide', () => {
  it('refuses a mutation without a key (UNAUTHENTICATED) or with a reader’s key (FORBIDDEN), writing nothing', async () => {
    const before = await entityGraph();
    const ids = [globalId('Person', 'mark evans'), globalId('Person', 'rebecca eligon')];
    for (const [headers, code] of [
      [{}, 'UNAUTHENTICATED'],
      [reader, 'FORBIDDEN'],
      [{ authorization: 'Bearer not-a-key-at-all-0000' }, 'FORBIDDEN'],
    ] as const) {
      const result = await graphql(app, MERGE, { ids, note: 'same?' }, headers);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(await entityGraph()).toEqual(before);
    expect(await decisionCount()).toBe(0);
  });

  it('keeps mutations off GET, and a cross-site form post (which cannot carry the key) is refused', async () => {
    const mutation = `mutation { undoDecision(id: "x") { id } }`;
    const get = await app.fetch(`http://test/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { ...curator, accept: 'application/json' },
    });
    expect(get.status).toBe(405);
    const form = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ query: mutation }).toString(),
    });
    const body = (await form.json()) as Json;
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await decisionCount()).toBe(0);
  });

  it('answers BAD_USER_INPUT and writes nothing for wrong input', async () => {
    const before = await entityGraph();
    const person = globalId('Person', 'mark evans');
    const cases: [string, Record<string, unknown>][] = [
      [MERGE, { ids: [person, globalId('Network', 'fostering network')], note: 'x' }],
      [MERGE, { ids: [person, person], note: 'x' }],
      [MERGE, { ids: [person, globalId('Person', 'nobody at all')], note: 'x' }],
      [MERGE, { ids: [person, globalId('Person', 'rebecca eligon')], note: '' }],
      [MERGE, { ids: [person, globalId('Person', 'rebecca eligon')], note: 'x'.repeat(2001) }],
      [UNDO, { id: 'no-such-decision' }],
      [REJECT, { id: 'not-an-edge', note: 'x' }],
      [
        `mutation ($from: ID!, $to: ID!) { assertEdge(type: "HOLDS", from: $from, to: $to, note: "x") { id } }`,
        { from: person, to: globalId('Network', 'fostering network') },
      ],
    ];
    for (const [query, variables] of cases) {
      const result = await graphql(app, query, variables, curator);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables).slice(0, 120)).toBe(
        'BAD_USER_INPUT',
      );
    }
    expect(await entityGraph()).toEqual(before);
    expect(await decisionCount()).toBe(0);
  });
});

describe('decisions that last', () => {
  it(
    'merge, reject, undo: answers as before, and rebuild from empty + the decisions give the same graph',
    async () => {
      const pristine = await entityGraph();
      const beforeAnswer = await data(app, PERSON, { name: 'Rebecca Eligon' });

      // Merge Mark Evans into Rebecca Eligon.
      const merged = (
        await data(
          app,
          MERGE,
          {
            ids: [globalId('Person', 'rebecca eligon'), globalId('Person', 'mark evans')],
            note: 'test merge',
          },
          curator,
        )
      ).mergeEntities;
      expect(merged).toMatchObject({ kind: 'MERGE', by: 'ana', undone: false, stale: false });
      const after = (await data(app, PERSON, { name: 'Rebecca Eligon' })).person;
      expect(after.variants).toContain('Mark Evans');
      expect(after.networks.totalCount).toBeGreaterThan(beforeAnswer.person.networks.totalCount);
      // The old name and the old id find the kept node.
      expect((await data(app, PERSON, { name: 'Mark Evans' })).person.name).toBe('Rebecca Eligon');
      const byOldId = await data(app, `query ($id: ID!) { node(id: $id) { ... on Person { name } } }`, {
        id: globalId('Person', 'mark evans'),
      });
      expect(byOldId.node.name).toBe('Rebecca Eligon');

      // Re-ingest every Update with --force: still merged.
      const again = await ingestFiles(opened.db, resolver, ['seed'], { force: true });
      expect(again.counts).toMatchObject({ replaced: 5, failed: 0 });
      const reloaded = (await data(app, PERSON, { name: 'Rebecca Eligon' })).person;
      expect(reloaded).toEqual(after);
      const people = await data(app, `{ people(first: 100) { totalCount edges { node { name } } } }`);
      expect(people.people.edges.map((e: Json) => e.node.name)).not.toContain('Mark Evans');

      // Reject one of her network edges: in no answer, count or stats.
      const edge = reloaded.networks.edges[0];
      const stats = async () =>
        Object.fromEntries(
          (await data(app, `{ stats { edges { type count } } }`)).stats.edges.map((e: Json) => [
            e.type,
            e.count,
          ]),
        );
      const statsBefore = await stats();
      const rejected = (await data(app, REJECT, { id: edge.id, note: 'wrong link' }, curator)).rejectEdge;
      expect(rejected.subjects).toContain(edge.id);
      const withoutEdge = (await data(app, PERSON, { name: 'Rebecca Eligon' })).person.networks;
      expect(withoutEdge.totalCount).toBe(reloaded.networks.totalCount - 1);
      expect(withoutEdge.edges.map((e: Json) => e.id)).not.toContain(edge.id);
      expect((await stats()).CONTACT_FOR).toBe(statsBefore.CONTACT_FOR - 1);
      const network = await data(
        app,
        `query ($name: String!) { network(name: $name) { contacts(first: 50) { edges { id } } } }`,
        { name: edge.node.name },
      );
      expect(network.network.contacts.edges.map((e: Json) => e.id)).not.toContain(edge.id);
      // Not on any path: the shortest path from her to that network no longer takes the rejected edge.
      const path = await data(
        app,
        `query ($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { hops { id type } } }`,
        { from: globalId('Person', 'rebecca eligon'), to: edge.node.id },
      );
      expect((path.path?.hops ?? []).map((hop: Json) => hop.id)).not.toContain(edge.id);
      // Listed in the audit, by its id.
      const audit = await data(
        app,
        `query ($s: ID) { decisions(first: 10, subject: $s) { totalCount edges { node { id kind note } } } }`,
        {
          s: edge.id,
        },
      );
      expect(audit.decisions.edges[0].node).toMatchObject({
        id: rejected.id,
        kind: 'REJECT_EDGE',
        note: 'wrong link',
      });
      // Still rejected after a forced reload.
      await ingestFiles(opened.db, resolver, ['seed'], { force: true });
      expect((await data(app, PERSON, { name: 'Rebecca Eligon' })).person.networks).toEqual(withoutEdge);

      // Rebuild: empty graph, the decisions file, the same Updates: the same graph.
      const curated = await entityGraph();
      const lines = (await opened.db.writeTransaction((tx) => listDecisions(tx))).map(lineOf);
      await opened.db.write('test-clear-graph');
      expect((await importDecisions(opened.db, lines)).added).toBe(2);
      const stale = await data(app, `{ decisions(first: 10) { edges { node { stale } } } }`);
      expect(stale.decisions.edges.every((e: Json) => e.node.stale)).toBe(true);
      await ingestFiles(opened.db, resolver, ['seed']);
      expect(await entityGraph()).toEqual(curated);

      // Undo both (newest first and then the merge): every answer as before, the graph exactly as the reader gives it.
      await data(app, UNDO, { id: merged.id }, curator);
      const twice = await graphql(app, UNDO, { id: merged.id }, curator);
      expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      await data(app, UNDO, { id: rejected.id }, curator);
      expect(await data(app, PERSON, { name: 'Rebecca Eligon' })).toEqual(beforeAnswer);
      expect(await entityGraph()).toEqual(pristine);
      const audit2 = await data(
        app,
        `{ decisions(first: 10) { totalCount edges { node { kind undone by } } } }`,
      );
      expect(audit2.decisions.totalCount).toBe(2);
      expect(audit2.decisions.edges.every((e: Json) => e.node.undone)).toBe(true);
    },
    LONG_TEST_TIMEOUT,
  );
});

describe('a doubt a curator records', () => {
  it('POSSIBLY_SAME_AS reads the same from either person (its direction means nothing), and goes with its undo', async () => {
    const SAME = `query ($name: String!) { person(name: $name) { possiblySameAs { name } } }`;
    const sameAs = async (name: string) =>
      (await data(app, SAME, { name })).person.possiblySameAs.map((p: Json) => p.name);
    expect([await sameAs('Luke Ede'), await sameAs('Alastair Lee')]).toEqual([[], []]);
    const asserted = (
      await data(
        app,
        `mutation ($from: ID!, $to: ID!) { assertEdge(type: "POSSIBLY_SAME_AS", from: $from, to: $to, note: "doubt") { id } }`,
        { from: globalId('Person', 'luke ede'), to: globalId('Person', 'alastair lee') },
        curator,
      )
    ).assertEdge;
    expect([await sameAs('Luke Ede'), await sameAs('Alastair Lee')]).toEqual([
      ['Alastair Lee'],
      ['Luke Ede'],
    ]);
    await data(app, UNDO, { id: asserted.id }, curator);
    expect([await sameAs('Luke Ede'), await sameAs('Alastair Lee')]).toEqual([[], []]);
  });
});
