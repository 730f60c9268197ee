import { describe, expect, it } from 'vitest';
import { data, graphql, globalId, useSeededApi, type GraphQLResult, type Json } from './helpers.js';

/** Full-text search over every kind of entity, and the shortest path between two entities. */

const api = useSeededApi();

const SEARCH = `query ($text: String!, $kinds: [EntityKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) {
    totalCount
    edges { node { score kind entity { id __typename
      ... on Network { name } ... on Organisation { name } ... on Item { title } ... on Meeting { title date } } } }
  }
}`;

const search = async (text: string, kinds?: string[], first = 20) =>
  (await data(api.app, SEARCH, { text, kinds, first })).search;

const expectBadInput = (result: GraphQLResult, message: RegExp) => {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  expect(result.errors![0]!.message).toMatch(message);
  expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
};

describe('search', () => {
  it('"fostering" finds the Fostering Network first (518:58)', async () => {
    const result = await search('fostering');
    expect(result.edges[0].node).toMatchObject({
      kind: 'Network',
      entity: {
        __typename: 'Network',
        name: 'Fostering Network',
        id: globalId('Network', 'fostering network'),
      },
    });
    // Its meetings (451:75, 518:58) and the items naming fostering (451:75, 451:85, 515:99, 518:58).
    expect(result.totalCount).toBe(7);
  });

  it('kinds keeps to the kinds asked for', async () => {
    const meetings = await search('fostering', ['Meeting']);
    expect(meetings.edges.map((edge: Json) => [edge.node.kind, edge.node.entity.date])).toEqual([
      ['Meeting', '2021-07-19'],
      ['Meeting', '2022-10-19'],
    ]);
    const items = await search('fostering', ['Item', 'Network']);
    expect(items.totalCount).toBe(5);
    expect(new Set(items.edges.map((edge: Json) => edge.node.kind))).toEqual(new Set(['Item', 'Network']));
    const people = await search('fostering', ['Person']);
    expect(people).toEqual({ totalCount: 0, edges: [] });
  });

  it('an alias only the text uses finds the entity: "Oftsed" is Ofsted (412:20, 412:140)', async () => {
    const result = await search('Oftsed', ['Organisation']);
    expect(result.edges.map((edge: Json) => edge.node.entity.name)).toEqual(['Ofsted']);
    const any = await search('oftsed');
    expect(any.edges[0].node.entity).toMatchObject({ __typename: 'Organisation', name: 'Ofsted' });
  });

  it('every word is required and words match as prefixes', async () => {
    const both = await search('fostering network', ['Network']);
    expect(both.edges.map((edge: Json) => edge.node.entity.name)).toEqual(['Fostering Network']);
    const prefix = await search('Foster', ['Network']);
    expect(prefix.edges.map((edge: Json) => edge.node.entity.name)).toEqual(['Fostering Network']);
  });

  it('Lucene special characters and operator words in the text do not break it', async () => {
    // What each text finds in the seeds (every word required): a count, never an error.
    const found: [string, number][] = [
      ['C++ (SEND) [x] {y} ~ ^ : " / \\ && || ! ? *', 0],
      ['fostering AND', 4],
      ['NOT OR', 1],
      ['SE19 (SEND)', 6],
      ['"fostering', 7],
      ['key-stage', 4],
      ['LAs & DfE', 0],
    ];
    for (const [text, count] of found) {
      const result = await graphql(api.app, SEARCH, { text, first: 5 });
      expect(result.errors, `${text}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      expect(result.data?.search.totalCount, text).toBe(count);
    }
    // Brackets are escaped, not grouping: "SE19 (SEND)" still finds the SEND SE19 network.
    const send = await search('SE19 (SEND)', ['Network']);
    expect(send.edges.map((edge: Json) => edge.node.entity.name)).toContain('SEND SE19');
    // "AND" is a word to look for, not an operator: "fostering AND" finds fewer than "fostering".
    const withAnd = await search('fostering AND');
    expect(withAnd.totalCount).toBeGreaterThan(0);
    expect(withAnd.totalCount).toBeLessThanOrEqual(7);
  });

  it('empty text is refused with a clear error', async () => {
    for (const text of ['', '   ']) {
      const result = await graphql(api.app, SEARCH, { text });
      expectBadInput(result, /search text is empty/);
    }
  });

  it('pages like any connection', async () => {
    const first = await data(
      api.app,
      '{ search(text: "fostering", first: 3) { edges { cursor node { entity { id } } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.search.edges).toHaveLength(3);
    expect(first.search.pageInfo.hasNextPage).toBe(true);
    const rest = await data(
      api.app,
      'query ($after: String) { search(text: "fostering", first: 10, after: $after) { edges { node { entity { id } } } pageInfo { hasNextPage } } }',
      { after: first.search.pageInfo.endCursor },
    );
    expect(rest.search.edges).toHaveLength(4);
    expect(rest.search.pageInfo.hasNextPage).toBe(false);
    const all = (await search('fostering')).edges.map((edge: Json) => edge.node.entity.id);
    expect([...first.search.edges, ...rest.search.edges].map((edge: Json) => edge.node.entity.id)).toEqual(
      all,
    );
  });
});

const PATH = `query ($from: ID!, $to: ID!, $maxHops: Int) {
  path(from: $from, to: $to, maxHops: $maxHops) {
    length
    nodes { __typename id ...Named }
    hops { type from { __typename ...Named } to { __typename ...Named } evidence { source quote issue { number } item { title } } }
  }
}
fragment Named on Node {
  ... on Person { name } ... on LocalAuthority { name } ... on Network { name } ... on Item { title } ... on Report { title }
}`;

const amanda = globalId('Person', 'amanda meadows');
const hampshire = globalId('LocalAuthority', 'hampshire');
const ks2Item = globalId('Item', '515/7'); // 515:109, the 7th headed item of 515
const adEducation = globalId('Network', 'ad education network');
const fostering = globalId('Network', 'fostering network');

describe('path', () => {
  it('Amanda Meadows → Hampshire in one hop: BASED_AT, with the contact lines as evidence (515:227, 518:162)', async () => {
    const { path } = await data(api.app, PATH, { from: amanda, to: hampshire, maxHops: 1 });
    expect(path.length).toBe(1);
    expect(path.nodes).toEqual([
      { __typename: 'Person', id: amanda, name: 'Amanda Meadows' },
      { __typename: 'LocalAuthority', id: hampshire, name: 'Hampshire' },
    ]);
    const quote =
      'Children’s Services Performance Manager, Convener Of SE Quality Assurance Network: Amanda Meadows (Hampshire)';
    expect(path.hops).toEqual([
      {
        type: 'BASED_AT',
        from: { __typename: 'Person', name: 'Amanda Meadows' },
        to: { __typename: 'LocalAuthority', name: 'Hampshire' },
        evidence: [
          { source: 'issue:515', quote, issue: { number: 515 }, item: null },
          { source: 'issue:518', quote, issue: { number: 518 }, item: null },
        ],
      },
    ]);
  });

  it('the way back is the same relationship, still pointing from the person', async () => {
    const { path } = await data(api.app, PATH, { from: hampshire, to: amanda });
    expect(path.nodes.map((node: Json) => node.name)).toEqual(['Hampshire', 'Amanda Meadows']);
    expect(path.hops[0]).toMatchObject({
      type: 'BASED_AT',
      from: { name: 'Amanda Meadows' },
      to: { name: 'Hampshire' },
    });
  });

  it('the KS2 item → its report → the AD Education Network: CITES then FEEDS, each with evidence', async () => {
    const { path } = await data(api.app, PATH, { from: ks2Item, to: adEducation });
    expect(path.length).toBe(2);
    expect(path.nodes.map((node: Json) => node.__typename)).toEqual(['Item', 'Report', 'Network']);
    expect(path.hops.map((hop: Json) => [hop.type, hop.from.__typename, hop.to.__typename])).toEqual([
      ['CITES', 'Item', 'Report'],
      ['FEEDS', 'Report', 'Network'],
    ]);
    expect(path.hops[0].to.title).toBe('Key Stage 2 attainment 2022 national headlines');
    // 515:113 "On 5 July DfE published Key Stage 2 attainment 2022 national headlines"
    expect(path.hops[0].evidence).toEqual([
      {
        source: '515/7',
        quote: 'On 5 July DfE published Key Stage 2 attainment 2022 national headlines',
        issue: { number: 515 },
        item: { title: 'KS2 national headlines for 2022' },
      },
    ]);
    expect(path.hops[1].evidence.length).toBeGreaterThan(0);
  });

  it('is null when the entities are not connected within maxHops', async () => {
    // Amanda Meadows is no contact of the Fostering Network: no direct edge.
    const near = await data(api.app, PATH, { from: amanda, to: fostering, maxHops: 1 });
    expect(near.path).toBeNull();
    // …but both are named in the network-dates items (518:56, 518:58), two hops apart.
    const far = await data(api.app, PATH, { from: amanda, to: fostering, maxHops: 2 });
    expect(far.path.length).toBe(2);
  });

  it('is null when an id names nothing in the graph', async () => {
    const { path } = await data(api.app, PATH, { from: amanda, to: globalId('Person', 'nobody at all') });
    expect(path).toBeNull();
  });

  it('refuses maxHops over 8 or under 1, the same entity at both ends, and ids it did not issue', async () => {
    expectBadInput(
      await graphql(api.app, PATH, { from: amanda, to: hampshire, maxHops: 9 }),
      /maxHops must be between 1 and 8, got 9/,
    );
    expectBadInput(
      await graphql(api.app, PATH, { from: amanda, to: hampshire, maxHops: 0 }),
      /maxHops must be between 1 and 8, got 0/,
    );
    expectBadInput(await graphql(api.app, PATH, { from: amanda, to: amanda }), /same entity/);
    expectBadInput(
      await graphql(api.app, PATH, { from: 'garbage', to: hampshire }),
      /from is not a global id/,
    );
  });
});
