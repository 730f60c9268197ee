import { describe, expect, it } from 'vitest';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { QUERY_COST_LIMIT } from '../../src/api/builder.js';
import { schema } from '../../src/api/schema.js';
import { MAX_NODE_IDS } from '../../src/api/types/graph-queries.js';
import { readHopPages, type HopProjection } from '../../src/storage/hops.js';
import { propsOnly, readNodes } from '../../src/storage/nodes.js';
import { FIRST_ROWS, type Window } from '../../src/storage/window.js';
import { query } from '../support/graph.js';
import { data, globalId, graphql, useSeededApi } from './helpers.js';

/**
 * Bounded requests (cost computed before execution, capped list arguments) and the storage edge's promises:
 * only the requested properties travel, evidence is sliced, integers are stored as integers.
 */
const api = useSeededApi();

/** Four nested connections of 100 under 20 aliases: legal GraphQL, ruinous to answer. */
const hostile = Array.from(
  { length: 20 },
  (_, i) => `a${i}: networks(first: 100) { edges { node { mentionedIn(first: 100) { edges { node {
    mentions(first: 100) { edges { node { ... on Person { mentionedIn(first: 100) { edges { node { title } } } } } } } } } } } } }`,
).join('\n');

describe('query cost', () => {
  it('refuses the 20-alias nested query before Neo4j is touched, naming its cost and the limit', async () => {
    const result = await graphql(api.app, `{ ${hostile} }`);
    expect(result.data).toBeNull();
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(error?.extensions?.limit).toBe(QUERY_COST_LIMIT);
    expect(Number(error?.extensions?.cost)).toBeGreaterThan(QUERY_COST_LIMIT);
    expect(error?.message).toMatch(/query cost \d+ is over the limit of 100000/);
    expect(result.extensions?.cypherQueries).toBe(0);
  });

  it('answers a query just under the limit', async () => {
    const text = `{ items(first: 100) { edges { node { title mentions(first: 100) { edges {
      evidence(first: 2) { quote } node { ... on LocalAuthority { name aliases region seslip } } } } } } } }`;
    const cost = complexityFromQuery(text, { schema, ctx: {}, variables: {} }).complexity;
    expect(cost).toBeGreaterThan(0.9 * QUERY_COST_LIMIT);
    expect(cost).toBeLessThanOrEqual(QUERY_COST_LIMIT);
    const result = await graphql(api.app, text);
    expect(result.errors).toBeUndefined();
    expect(result.data.items.edges.length).toBe(39);
  });
});

describe('nodes(ids:)', () => {
  it(`refuses more than ${MAX_NODE_IDS} ids before Neo4j is touched`, async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => globalId('Issue', `issue:${i}`));
    const result = await graphql(api.app, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe('nodes takes at most 100 ids, got 10000');
    expect(result.extensions?.cypherQueries).toBe(0);
  });

  it('answers up to the cap in the order asked, null where unknown', async () => {
    const ids = [
      globalId('Issue', 'issue:518'),
      globalId('Issue', 'issue:1'),
      globalId('Issue', 'issue:330'),
    ];
    const answer = await data(
      api.app,
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Issue { number } } }',
      {
        ids,
      },
    );
    expect(answer.nodes).toEqual([{ number: 518 }, null, { number: 330 }]);
  });
});

describe('evidence pages', () => {
  it('gives `first` entries from `offset` and counts them all', async () => {
    const text = `{ network(name: "qa network") { contacts { edges { evidenceCount
      all: evidence(first: 100) { quote } two: evidence(first: 2, offset: 1) { quote } } } } }`;
    const edge = (await data(api.app, text)).network.contacts.edges[0];
    // Amanda Meadows: 451, 515 (twice) and 518 (twice) — five lines.
    expect(edge.evidenceCount).toBe(5);
    expect(edge.all).toHaveLength(5);
    expect(edge.two).toEqual(edge.all.slice(1, 3));
  });
});

describe('the storage edge', () => {
  it('brings only the requested properties of a node', async () => {
    const [item] = await readNodes(api.opened.db, ['Item:518/1'], propsOnly(['title']));
    expect(item).not.toBeNull();
    expect(Object.keys(item!).sort()).toEqual(['key', 'label', 'title', 'uid']);
  });

  it('pages a hop per parent in one query, with the total, from the key of the last row seen', async () => {
    const projection = (window: Window): HopProjection => ({
      hop: { type: 'HAS_ITEM', direction: 'out' },
      key: 'items',
      window,
      from: null,
      to: null,
      oldestFirst: false,
      relProps: ['position', 'evidenceCount'],
      evidence: 0,
      evidenceLists: [],
      evidenceNodes: null,
      counted: true,
      listed: true,
      node: propsOnly(['position']),
    });
    const parents = ['Issue:issue:518', 'Issue:issue:330'];
    const [opening] = await readHopPages(api.opened.db, parents, projection(FIRST_ROWS(2)));
    expect(opening!.items.map((hit) => hit.node.key)).toEqual(['518/1', '518/2']);
    expect(opening!.hasNext).toBe(true);
    const before = api.opened.db.queryCount;
    const after = { ...FIRST_ROWS(3), after: opening!.keys[1]! };
    const [first, second] = await readHopPages(api.opened.db, parents, projection(after));
    expect(api.opened.db.queryCount - before).toBe(1);
    expect(first!.items.map((hit) => hit.node.key)).toEqual(['518/3', '518/4', '518/5']);
    expect(first!.hasPrevious).toBe(true);
    expect(first!.items.every((hit) => hit.rel.sources.length === 0 && hit.rel.evidenceCount === 1)).toBe(
      true,
    );
    expect(second!.total).toBeGreaterThan(5);
  });

  it('stores integer properties as Neo4j integers, not floats', async () => {
    // The loader's bookkeeping too: a shared node's issueCount and lastIssue (they replaced the `issues` list).
    const rows = await query(`MATCH (i:Issue {number: 518})-[h:HAS_ITEM]->(item:Item)
      WITH i, h, item LIMIT 1
      MATCH (p:Person) WHERE p.lastIssue IS NOT NULL
      WITH i, h, item, p ORDER BY p.uid LIMIT 1
      RETURN valueType(i.number) AS number, valueType(h.position) AS position,
             valueType(item.lineStart) AS lineStart, valueType(p.issueCount) AS counted,
             valueType(p.lastIssue) AS last`);
    expect(rows[0]).toEqual({
      number: 'INTEGER NOT NULL',
      position: 'INTEGER NOT NULL',
      lineStart: 'INTEGER NOT NULL',
      counted: 'INTEGER NOT NULL',
      last: 'INTEGER NOT NULL',
    });
  });
});
