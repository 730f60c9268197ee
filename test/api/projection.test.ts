import { describe, expect, it } from 'vitest';
import { sourceIssueUid, sourceItemUid } from '../../src/graph/index.js';
import {
  hopPagesQuery,
  SOURCE_ISSUE_UID,
  SOURCE_ITEM_UID,
  type HopProjection,
} from '../../src/storage/projection.js';
import { as, named, namedParam, printQuery } from '../../src/storage/cypher-tree.js';
import { FIRST_ROWS } from '../../src/storage/window.js';
import { query } from '../support/graph.js';
import { data, graphql, useSeededApi, type Json } from './helpers.js';

/**
 * Projections (src/storage/projection.ts): a node and every hop selected below it are read in one Cypher
 * query; these tests check that the pages so read are the pages the resolvers would read one by one.
 */
const api = useSeededApi();

const keys = (connection: Json): string[] => connection.edges.map((edge: Json) => edge.node.id);

describe('one query for a node and everything below it', () => {
  it('a lookup by name with two dated hops, their evidence and its Updates and items runs one Cypher query', async () => {
    const result = await graphql(
      api.app,
      `
        {
          localAuthority(name: "IoW") {
            name
            mentionedIn(first: 2) {
              totalCount
              edges {
                node {
                  title
                  issue {
                    number
                  }
                }
                evidence {
                  issue {
                    number
                  }
                  item {
                    title
                  }
                  quote
                }
              }
            }
            meetings {
              edges {
                node {
                  title
                  date
                  network {
                    name
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cypherQueries).toBe(1);
    const authority = (result.data as Json).localAuthority;
    expect(authority.mentionedIn.totalCount).toBe(5);
    // 518:91 and 515:57, newest first; the evidence's item is the item itself, its Update the item's.
    expect(authority.mentionedIn.edges.map((edge: Json) => edge.node.issue.number)).toEqual([518, 515]);
    for (const edge of authority.mentionedIn.edges) {
      expect(edge.evidence[0].issue.number).toBe(edge.node.issue.number);
      expect(edge.evidence[0].item.title).toBe(edge.node.title);
    }
    expect(authority.meetings.edges.map((edge: Json) => edge.node.title)).toEqual(['Triad 3']);
  });

  it('windows from the end, after a cursor and before one read below a node agree with the whole list', async () => {
    const { issue } = await data(
      api.app,
      `{ issue(number: 330) { all: items(first: 100) { edges { cursor node { id } } } } }`,
    );
    const all: string[] = keys(issue.all);
    const cursor = (i: number): string => issue.all.edges[i].cursor;
    const { issue: paged } = await data(
      api.app,
      `query($after: String!, $before: String!) { issue(number: 330) {
          tail: items(last: 3) { totalCount pageInfo { hasPreviousPage hasNextPage } edges { node { id } } }
          middle: items(after: $after, first: 2) { edges { node { id } } }
          before: items(before: $before, last: 2) { pageInfo { hasPreviousPage } edges { node { id } } }
          tailAfter: items(after: $after, last: 100) { edges { node { id } } } } }`,
      { after: cursor(3), before: cursor(6) },
    );
    expect(paged.tail.totalCount).toBe(all.length);
    expect(keys(paged.tail)).toEqual(all.slice(-3));
    expect(paged.tail.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
    expect(keys(paged.middle)).toEqual(all.slice(4, 6));
    expect(keys(paged.before)).toEqual(all.slice(4, 6));
    expect(paged.before.pageInfo.hasPreviousPage).toBe(true);
    // `after` with `last`: the last 100, never reaching back past the cursor.
    expect(keys(paged.tailAfter)).toEqual(all.slice(4));
  });

  it('two lookups of the same node with different selections below keep their own pages', async () => {
    const { a, b } = await data(
      api.app,
      `{ a: network(name: "qa network") { contacts(first: 1) { totalCount edges { node { name } } } }
         b: network(name: "qa network") { contacts { edges { node { name localAuthorities { edges { node { name } } } } } } } }`,
    );
    expect(a.contacts.edges).toHaveLength(1);
    expect(a.contacts.totalCount).toBeGreaterThanOrEqual(b.contacts.edges.length);
    expect(b.contacts.edges[0].node.name).toBe(a.contacts.edges[0].node.name);
    // 518: Amanda Meadows, Hampshire.
    expect(b.contacts.edges[0].node.localAuthorities.edges[0].node.name).toBe('Hampshire');
  });

  it('a wrong argument two hops down is reported at its own path', async () => {
    const result = await graphql(
      api.app,
      `
        {
          issue(number: 518) {
            number
            items(first: 2) {
              edges {
                node {
                  title
                  reports(first: 500) {
                    totalCount
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(result.errors?.[0]?.message).toMatch(/first must be between 0 and 100, got 500/);
    expect(result.errors?.[0]?.path).toEqual(['issue', 'items', 'edges', 0, 'node', 'reports']);
  });
});

describe('report feeds, read one network at a time', () => {
  /** Every FEEDS pair in the order the API promises (network, most recently cited, report), by plain Cypher. */
  const allPairs = async (where = 'true', params: Record<string, unknown> = {}): Promise<string[]> =>
    (
      (await query(
        `MATCH (r:Report)-[f:FEEDS]->(n:Network) WHERE ${where}
         RETURN n.name + ' <- ' + r.title AS pair ORDER BY n.key, f.lastSeen DESC, r.key`,
        params,
      )) as { pair: string }[]
    ).map((row) => row.pair);
  const pairsOf = (connection: Json): string[] =>
    connection.edges.map((edge: Json) => `${edge.node.network.name} <- ${edge.node.report.title}`);
  const pageText = (args: string) =>
    `{ reportFeeds(${args}) { totalCount pageInfo { endCursor hasNextPage hasPreviousPage } edges { node { network { name } report { title } } } } }`;

  it('pages of 7 across network boundaries give every pair once, in order; last: 5 gives the end', async () => {
    const expected = await allPairs();
    expect(expected.length).toBeGreaterThan(14);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { reportFeeds }: Json = await data(
        api.app,
        pageText(`first: 7${after ? `, after: "${after}"` : ''}`),
      );
      expect(reportFeeds.totalCount).toBe(expected.length);
      seen.push(...pairsOf(reportFeeds));
      if (!reportFeeds.pageInfo.hasNextPage) break;
      after = reportFeeds.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const { reportFeeds: tail } = await data(api.app, pageText('last: 5'));
    expect(pairsOf(tail)).toEqual(expected.slice(-5));
    expect(tail.pageInfo.hasPreviousPage).toBe(true);
  });

  it('a network and a period bound the pairs and their count', async () => {
    const period = { from: '2022-07-01', to: '2022-07-31' };
    const expected = await allPairs('f.lastSeen >= $from AND f.firstSeen <= $to', period);
    expect(expected.length).toBeGreaterThan(0);
    const { reportFeeds } = await data(
      api.app,
      pageText(`from: "${period.from}", to: "${period.to}", first: 100`),
    );
    expect(reportFeeds.totalCount).toBe(expected.length);
    expect(pairsOf(reportFeeds)).toEqual(expected);
    const network = expected[0]!.split(' <- ')[0]!;
    const { reportFeeds: one } = await data(api.app, pageText(`network: "${network}", first: 100`));
    expect(pairsOf(one)).toEqual((await allPairs()).filter((pair) => pair.startsWith(`${network} <- `)));
  });
});

describe('the Cypher side of the evidence codec', () => {
  it('names the same Update and Item as sourceIssueUid and sourceItemUid', async () => {
    const sources = ['518/3', 'issue:518', '12/140', 'issue:7'];
    const src = named('src');
    const codec = printQuery([
      { kind: 'unwind', list: namedParam('sources', sources), as: src },
      {
        kind: 'return',
        items: [
          as(src, named('source')),
          as(SOURCE_ISSUE_UID(src), named('issue')),
          as(SOURCE_ITEM_UID(src), named('item')),
        ],
      },
    ]);
    const rows = await api.opened.db.queryText<{ source: string; issue: string; item: string | null }>(
      'codec check',
      codec.text,
      { ...codec.params, sources },
    );
    expect(rows).toEqual(
      sources.map((source) => ({ source, issue: sourceIssueUid(source), item: sourceItemUid(source) })),
    );
  });
});

describe('evidence reads what its selection needs', () => {
  const contactsEvidence = (selection: string) =>
    `{ networks(first: 20) { edges { node { name contacts(first: 10) { edges { node { name } evidence(first: 5) { ${selection} } } } } } } }`;
  const entries = (result: Json): Json[] =>
    result.networks.edges.flatMap((network: Json) =>
      network.node.contacts.edges.flatMap((contact: Json) => contact.evidence),
    );

  it('an Update asked only for its number is made from the source; it is the Update a lookup finds', async () => {
    const looked = entries(await data(api.app, contactsEvidence('source quote date issue { number date }')));
    const fromSource = entries(await data(api.app, contactsEvidence('issue { number }')));
    expect(looked.length).toBeGreaterThan(10);
    expect(fromSource.map((entry) => entry.issue.number)).toEqual(looked.map((entry) => entry.issue.number));
    // The lookup found a real Update for every entry: its date is the evidence's date.
    for (const entry of looked) expect(entry.issue.date).toBe(entry.date);
  });

  it('the Cypher reads quotes only for quote, dates only for date, and looks up no Update for its number alone', () => {
    const projection = (evidenceLists: HopProjection['evidenceLists'], issueProps: string[]) =>
      hopPagesQuery(['Network:qa network'], {
        key: 'contacts',
        hop: { type: 'CONTACT_FOR', direction: 'in' },
        window: FIRST_ROWS(10),
        from: null,
        to: null,
        oldestFirst: false,
        counted: false,
        listed: true,
        relProps: ['evidence'],
        evidence: 5,
        evidenceLists,
        evidenceNodes: { issue: { props: issueProps, hops: [] }, item: null },
        node: { props: ['name'], hops: [] },
      }).text;
    const lean = projection([], ['number']);
    expect(lean).toContain('.sources');
    expect(lean).not.toMatch(/\.quotes|\.seenOn|OPTIONAL MATCH/);
    const full = projection(['quotes', 'seenOn'], ['number', 'date']);
    expect(full).toMatch(/\.quotes/);
    expect(full).toMatch(/\.seenOn/);
    expect(full).toMatch(/OPTIONAL MATCH \(\w+:Entity \{uid: 'Issue:issue:'/);
  });
});
