import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/api/examples.js';
import { query } from '../support/graph.js';
import { data, graphql, useSeededApi, type Json } from './helpers.js';

/**
 * The analysts' headline questions (src/api/examples.ts, the GraphiQL tabs): each runs as-is on the
 * seeded graph without errors, and the decisive part of its answer is checked against the seed text.
 */

const api = useSeededApi();

const example = (title: string): string => {
  const found = EXAMPLES.find((e) => e.title === title);
  expect(found, `no example titled ${title}`).toBeDefined();
  return found!.query;
};

/** Runs one example exactly as GraphiQL would send it. */
const run = (title: string) => data(api.app, example(title));

describe('the headline questions (src/api/examples.ts)', () => {
  it('every example runs as-is without errors, each root field in one Cypher query (the README says so)', async () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
    const counts: Record<string, number | undefined> = {};
    for (const { title, query: text } of EXAMPLES) {
      const result = await graphql(api.app, text);
      expect(result.errors, `${title}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      expect(result.data, title).toBeTruthy();
      counts[title] = result.extensions?.cypherQueries;
    }
    // Search and graph size: the search, and the two counts of stats.
    expect(counts).toEqual({
      'Which reports feed which networks': 1,
      'Network contacts and their authority': 1,
      'What an authority was mentioned in': 1,
      'Who published what': 1,
      'A network’s meetings': 1,
      'Search and graph size': 3,
    });
  });

  describe('Which reports feed which networks', () => {
    it('lists the derived FEEDS pairs: the total is the number of FEEDS edges, each pair explained', async () => {
      const { reportFeeds } = await run('Which reports feed which networks');
      const [{ feeds }] = (await query('MATCH ()-[f:FEEDS]->() RETURN count(f) AS feeds')) as [
        { feeds: number },
      ];
      expect(feeds).toBeGreaterThan(0);
      expect(reportFeeds.totalCount).toBe(feeds);
      expect(reportFeeds.edges).toHaveLength(Math.min(10, feeds));
      for (const { node } of reportFeeds.edges) {
        expect(['names-network', 'names-contact', 'topic-lexicon']).toContain(node.rule);
        expect(node.terms.length).toBeGreaterThan(0);
        expect(node.evidence.length).toBeGreaterThan(0);
        for (const evidence of node.evidence) {
          expect(evidence.issue.number).toBeGreaterThan(0);
          expect(evidence.quote).not.toBe('');
        }
      }
    });

    it('DfE\'s "Key Stage 2 attainment 2022 national headlines" feeds the AD Education Network by its topic lexicon, read in the 515 item', async () => {
      // 515:109 item "KS2 national headlines for 2022"; 515:113 "On 5 July DfE published Key Stage 2 attainment
      // 2022 national headlines"; data/networks.json: "KS2", "key stage" and "attainment" are AD Education terms.
      const { reportFeeds } = await run('Which reports feed which networks');
      const ks2 = reportFeeds.edges
        .map((edge: Json) => edge.node)
        .find((feed: Json) => feed.report.title === 'Key Stage 2 attainment 2022 national headlines');
      expect(ks2).toEqual({
        network: { name: 'AD Education Network' },
        report: {
          title: 'Key Stage 2 attainment 2022 national headlines',
          publishedOn: '2022-07-05',
          publisher: { name: 'Department for Education' },
        },
        rule: 'topic-lexicon',
        terms: expect.arrayContaining(['KS2', 'key stage', 'attainment']),
        // The report's title is matched too: the quote may be the announcing sentence ("Key Stage 2").
        evidence: [
          {
            issue: { number: 515, date: '2022-07-22' },
            item: { title: 'KS2 national headlines for 2022' },
            quote: expect.stringMatching(/KS2|Key Stage 2/),
          },
        ],
      });
    });

    it("DfE's child exploitation disruption toolkit feeds AD Safeguarding, with evidence from 515 and 518", async () => {
      // 515:67-71 the toolkit item ("criminal exploitation"); 518:29-36 the Home Office item names the
      // "Child Exploitation Disruption Toolkit" and "child sexual exploitation (CSE)".
      const { reportFeeds } = await data(
        api.app,
        `{ reportFeeds(network: "AD Safeguarding", first: 100) {
            edges { node { network { name } report { title publisher { name } } rule terms
              evidence { issue { number } item { title } } } } } }`,
      );
      const toolkit = reportFeeds.edges
        .map((edge: Json) => edge.node)
        .find((feed: Json) => feed.report.title === 'child exploitation disruption toolkit');
      expect(toolkit).toMatchObject({
        network: { name: 'AD Safeguarding Network' },
        report: { publisher: { name: 'Department for Education' } },
        rule: 'topic-lexicon',
        terms: expect.arrayContaining(['CSE', 'criminal exploitation']),
      });
      expect(toolkit.evidence.map((e: Json) => [e.issue.number, e.item.title])).toEqual([
        [515, 'Child exploitation disruption toolkit'],
        [518, 'Home Office response to IICSA report on CSE Organised Networks'],
      ]);
      // The network filter keeps to the one network.
      expect(new Set(reportFeeds.edges.map((edge: Json) => edge.node.network.name))).toEqual(
        new Set(['AD Safeguarding Network']),
      );
    });
  });

  describe('Network contacts and their authority', () => {
    const contactsOf = async (network: string) => {
      const { networks } = await run('Network contacts and their authority');
      const found = networks.edges.find((edge: Json) => edge.node.name === network);
      expect(found, network).toBeDefined();
      return found.node.contacts.edges as Json[];
    };

    it('SE Quality Assurance Network → Amanda Meadows → Hampshire, with the evidence of each Update', async () => {
      // 518:56 and 515:97 "QA Network: … More from Amanda Meadows"; 451:73 the same without a date;
      // 515:227 and 518:162 "Convener Of SE Quality Assurance Network: Amanda Meadows (Hampshire)".
      const contacts = await contactsOf('SE Quality Assurance Network');
      expect(contacts.map((c) => c.node)).toEqual([
        {
          name: 'Amanda Meadows',
          localAuthorities: { edges: [{ node: { name: 'Hampshire' } }] },
          organisations: { edges: [] },
        },
      ]);
      const issues = contacts[0].evidence.map((e: Json) => e.issue.number);
      expect([...new Set(issues)]).toEqual([451, 515, 518]);
      expect(contacts[0].evidence.map((e: Json) => e.quote)).toContain(
        'Children’s Services Performance Manager, Convener Of SE Quality Assurance Network: Amanda Meadows (Hampshire)',
      );
    });

    it('Fostering Network → Rebecca Eligon → the South East Sector-Led Improvement Programme', async () => {
      // 518:58 "Fostering Network: … More from Rebecca Eligon"; 518:213 "Adoption; Fostering; Kinship and
      // Early Help Regional Networks: Rebecca Eligon (South East Sector-Led Improvement Programme)".
      const contacts = await contactsOf('Fostering Network');
      expect(contacts.map((c) => c.node)).toEqual([
        {
          name: 'Rebecca Eligon',
          localAuthorities: { edges: [] },
          organisations: { edges: [{ node: { name: 'South East Sector-Led Improvement Programme' } }] },
        },
      ]);
      // Listed under that role in every Update with a contact list (330:234, 412:213, 515:289, 518:213).
      const fromRole = contacts[0].evidence.filter((e: Json) => e.quote.startsWith('Adoption; Fostering;'));
      expect(fromRole.map((e: Json) => e.issue.number)).toEqual([330, 412, 515, 518]);
    });

    it('Data Benchmarking has Luke Ede (330:214) and Alastair Lee (518:46); Family Hubs has Carly Bain of the Isle of Wight', async () => {
      const benchmarking = await contactsOf('Data Benchmarking Network');
      expect(benchmarking.map((c) => c.node.name).sort()).toEqual(['Alastair Lee', 'Luke Ede']);
      // 518:64 "Family Hubs Community of Practice: … More from Carly Bain"; 518:167 "Carly Bain (Isle of Wight)".
      const hubs = await contactsOf('Family Hubs Community of Practice');
      expect(hubs.map((c) => c.node)).toEqual([
        {
          name: 'Carly Bain',
          localAuthorities: { edges: [{ node: { name: 'Isle of Wight' } }] },
          organisations: { edges: [] },
        },
      ]);
    });
  });

  describe('What an authority was mentioned in', () => {
    it('the Isle of Wight ("IoW") was mentioned in five items, newest first, and takes part in Triad 3', async () => {
      const { localAuthority } = await run('What an authority was mentioned in');
      expect(localAuthority.name).toBe('Isle of Wight');
      expect(localAuthority.mentionedIn.totalCount).toBe(5);
      expect(
        localAuthority.mentionedIn.edges.map((edge: Json) => [edge.node.issue.number, edge.node.title]),
      ).toEqual([
        [518, 'ILACS1 inspections completed in the South East'], // 518:91 "5 Isle of Wight ILACS1 Good 1348 40"
        [515, 'LGA report – Form and function: exploring structural change in children’s services'], // 515:57
        [412, 'Highlighting an innovative shared approach towards child suicide prevention'], // 412:45
        [412, 'Local authority school places scorecards 2019 published by DfE'], // 412:83
        [330, 'Diary Dates for 2019-20 Regional Improvement Planning'], // 330:156 "Hampshire and IoW"
      ]);
      expect(localAuthority.mentionedIn.edges[4].evidence[0].quote).toContain('Hampshire and IoW');
      expect(localAuthority.mentionedIn.edges[0].node.issue.date).toBe('2022-08-12');
      // 330:156 "Triad 3 – Hampshire and IoW, Milton Keynes and Slough on Friday 15 February 2019"
      expect(localAuthority.meetings.edges).toEqual([{ node: { title: 'Triad 3', date: '2019-02-15' } }]);
    });
  });

  describe('Who published what', () => {
    it('DfE published 19 reports; newest first: the exploitation toolkit (19 July 2022), then KS2 headlines (5 July)', async () => {
      // Counted from the Tools & Templates lists: 518:102-146 (11 by DfE), 515:205 (1 more), 451:115, 127,
      // 137, 141, 145 (5), 412:146, 148 (2); the same report in two Updates is one node.
      const { organisation } = await run('Who published what');
      expect(organisation.name).toBe('Department for Education');
      expect(organisation.reports.totalCount).toBe(19);
      const reports = organisation.reports.edges.map((edge: Json) => edge.node);
      expect(reports.slice(0, 2)).toEqual([
        // 515:71 and 515:159 "On 19 July, DfE updated its child exploitation disruption toolkit"; cited by
        // the 515 toolkit item and the 518 Home Office item (518:36).
        {
          title: 'child exploitation disruption toolkit',
          publishedOn: '2022-07-19',
          kind: 'toolkit',
          citedIn: { totalCount: 2 },
        },
        // 515:113, 518:114
        {
          title: 'Key Stage 2 attainment 2022 national headlines',
          publishedOn: '2022-07-05',
          kind: null,
          citedIn: { totalCount: 1 },
        },
      ]);
      const dates = reports.map((r: Json) => r.publishedOn).filter((d: string | null) => d !== null);
      expect(dates).toEqual([...dates].sort().reverse());
      // 451:127 "… published by DfE 26 March 202": no date, so last.
      expect(reports.at(-1)).toMatchObject({
        publishedOn: null,
        title: expect.stringContaining('Troubled Families'),
      });
    });
  });

  describe('A network’s meetings', () => {
    it('"qa network" is the SE Quality Assurance Network; one dated meeting, 14 September 2022 at 2pm, ask Amanda Meadows', async () => {
      const { network } = await run('A network’s meetings');
      expect(network.name).toBe('SE Quality Assurance Network');
      expect(network.aliases).toContain('QA Network');
      // 515:97 and 518:56 "QA Network: Wednesday 14 September at 2pm. More from Amanda Meadows"; 451:73 has no date.
      expect(network.meetings.edges).toEqual([
        {
          node: {
            date: '2022-09-14',
            time: '2pm',
            topic: null,
            contact: { name: 'Amanda Meadows' },
            announcedIn: {
              edges: [
                { node: { title: 'Future dates for network meetings', issue: { number: 518 } } },
                { node: { title: 'Future dates for network meetings', issue: { number: 515 } } },
              ],
            },
          },
        },
      ]);
    });
  });

  describe('Search and graph size', () => {
    it('"fostering" finds the Fostering Network first, then its two meetings and four items', async () => {
      const { search } = await run('Search and graph size');
      // The network (518:58); its meetings 451:75 and 515:99/518:58; the items holding those lines and 451:85
      // ("fostering services"). The contact-list lines (330:234…) are not items.
      expect(search.totalCount).toBe(7);
      expect(search.edges[0].node).toMatchObject({ kind: 'Network', entity: { name: 'Fostering Network' } });
      const kinds = search.edges.map((edge: Json) => edge.node.kind);
      expect(kinds).toEqual(['Network', 'Meeting', 'Meeting', 'Item', 'Item']);
      const scores = search.edges.map((edge: Json) => edge.node.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('stats count nodes per label and edges per type, as Neo4j does', async () => {
      const { stats } = await run('Search and graph size');
      const nodes = Object.fromEntries(stats.nodes.map((row: Json) => [row.label, row.count]));
      // Five seed files; 11 + 7 + 7 + 9 + 5 headed items (330:13-179, 412:17-115, 451:10-100, 515:21-137, 518:19-77).
      expect(nodes).toMatchObject({ Issue: 5, Item: 39 });
      const byLabel = await query(
        `MATCH (n:Entity) UNWIND labels(n) AS label WITH label WHERE label <> 'Entity' RETURN label, count(*) AS count`,
      );
      expect(nodes).toEqual(Object.fromEntries(byLabel.map((row) => [row.label, row.count])));
      const byType = await query(`MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count`);
      expect(Object.fromEntries(stats.edges.map((row: Json) => [row.type, row.count]))).toEqual(
        Object.fromEntries(byType.map((row) => [row.type, row.count])),
      );
    });
  });
});

describe('extensions.cypherQueries', () => {
  it('is returned outside production, and a three-level query runs one Cypher query', async () => {
    const result = await graphql(api.app, example('Network contacts and their authority'));
    // networks → contacts → (localAuthorities, organisations, evidence's Updates): the root list's query
    // reads every network's contacts, and everything selected below them, with the networks.
    expect(result.extensions?.cypherQueries).toBe(1);
  });

  it('grows neither with the page size nor with the depth of the query', async () => {
    const shape = (first: number) => `{ networks(first: ${first}) { edges { node { name
      contacts(first: 5) { edges { node { name organisations(first: 5) { edges { node { name } } } } } } } } } }`;
    const small = await graphql(api.app, shape(1));
    const large = await graphql(api.app, shape(50));
    expect(large.extensions?.cypherQueries).toBe(small.extensions?.cypherQueries);
    const deeper = await graphql(
      api.app,
      `
        {
          networks(first: 50) {
            edges {
              node {
                name
                contacts(first: 5) {
                  edges {
                    node {
                      name
                      organisations(first: 5) {
                        edges {
                          node {
                            name
                            people(first: 5) {
                              edges {
                                node {
                                  name
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(large.extensions?.cypherQueries).toBe(1);
    expect(deeper.extensions?.cypherQueries).toBe(1);
  });
});
