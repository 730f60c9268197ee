/**
 * What the benchmark asks: every example query (src/api/examples.ts, unchanged) and two deep ones (four
 * nested connections), each with the peer's equivalent (bench/peer/queries.ts) and one hand-written Cypher
 * query (bench/cypher/) that returns seslip-kg's answer shape, so all three answers can be compared.
 */
import { EXAMPLES } from '../src/api/examples.js';
import { luceneQuery } from '../src/api/lucene.js';
import { normaliseName } from '../src/text/names.js';
import type { Resolver } from '../src/extract/resolve.js';
import * as peer from './peer/queries.js';
import { searchHit, type SearchRow } from './peer/queries.js';

/** Runs a file of bench/cypher/ with parameters; returns its one row's `data` column. */
export type RunCypher = (file: string, params?: Record<string, unknown>) => Promise<unknown>;

export interface BenchCase {
  /** Short name for tables. */
  name: string;
  /** seslip-kg's query, as a client sends it. */
  query: string;
  /** The peer's answer in seslip-kg's shape. */
  peer: (send: peer.Send) => Promise<unknown>;
  /** The hand-written Cypher's answer in seslip-kg's shape. */
  cypher: (run: RunCypher) => Promise<unknown>;
}

const DEEP_NETWORK_REPORTS = `# Deep: networks → the reports feeding them → the items citing each → that Update's contacts.
query DeepNetworkReports {
  networks(first: 20) {
    edges {
      node {
        name
        reports(first: 10) {
          totalCount
          edges {
            rule
            node {
              title
              publisher { name }
              citedIn(first: 5) {
                totalCount
                edges { node { title issue { number contacts(first: 5) { edges { role node { name } } } } } }
              }
            }
          }
        }
      }
    }
  }
}`;

const DEEP_PEOPLE_MEETINGS = `# Deep: people → the networks they run → those networks' meetings → the items announcing them.
query DeepPeopleMeetings {
  people(first: 30) {
    totalCount
    edges {
      node {
        name
        networks(first: 5) {
          edges {
            node {
              name
              meetings(first: 5) {
                totalCount
                edges { node { date time announcedIn(first: 3) { edges { node { title issue { number } } } } } }
              }
            }
          }
        }
      }
    }
  }
}`;

function example(title: string): string {
  const found = EXAMPLES.find((e) => e.title === title);
  if (found === undefined) throw new Error(`bench: no example titled "${title}" in src/api/examples.ts`);
  return found.query;
}

/** The cases, with the node keys seslip-kg resolves the examples' names to (through the same resolver). */
export function benchCases(resolver: Resolver): BenchCase[] {
  const keyOf = (name: string | undefined, written: string) => normaliseName(name ?? written);
  const iow = keyOf(resolver.resolveAuthority('IoW')?.name, 'IoW');
  const dfe = keyOf(resolver.resolveOrganisation('dfe')?.name, 'dfe');
  const qa = keyOf(resolver.resolveNetwork('qa network')?.name, 'qa network');
  const fostering = luceneQuery('fostering');
  return [
    {
      name: 'reports feeding networks',
      query: example('Which reports feed which networks'),
      peer: (send) => peer.reportFeeds(send),
      cypher: (run) => run('report-feeds', { first: 10 }),
    },
    {
      name: 'network contacts and authority',
      query: example('Network contacts and their authority'),
      peer: (send) => peer.networkContacts(send),
      cypher: (run) => run('network-contacts'),
    },
    {
      name: 'what an authority was mentioned in',
      query: example('What an authority was mentioned in'),
      peer: (send) => peer.authorityMentions(send, iow),
      cypher: (run) => run('authority-mentions', { key: iow }),
    },
    {
      name: 'who published what',
      query: example('Who published what'),
      peer: (send) => peer.publishedBy(send, dfe),
      cypher: (run) => run('published-by', { key: dfe }),
    },
    {
      name: 'a network’s meetings',
      query: example('A network’s meetings'),
      peer: (send) => peer.networkMeetings(send, qa),
      cypher: (run) => run('network-meetings', { key: qa }),
    },
    {
      name: 'search and graph size',
      query: example('Search and graph size'),
      peer: (send) => peer.searchAndStats(send, fostering),
      cypher: async (run) => {
        const data = (await run('search-and-stats', { query: fostering })) as {
          totalCount: number;
          top: SearchRow[];
          nodes: unknown;
          edges: unknown;
        };
        return {
          search: { totalCount: data.totalCount, edges: data.top.map(searchHit) },
          stats: { nodes: data.nodes, edges: data.edges },
        };
      },
    },
    {
      name: 'deep: networks→reports→items→contacts',
      query: DEEP_NETWORK_REPORTS,
      peer: (send) => peer.deepNetworkReports(send),
      cypher: (run) => run('deep-network-reports'),
    },
    {
      name: 'deep: people→networks→meetings→items',
      query: DEEP_PEOPLE_MEETINGS,
      peer: (send) => peer.deepPeopleMeetings(send),
      cypher: (run) => run('deep-people-meetings'),
    },
  ];
}
