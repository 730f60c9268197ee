/**
 * The peer's side of every benchmark case: the GraphQL query @neo4j/graphql needs for the same answer as
 * seslip-kg's query (same order, same page sizes, same counts), and the mapping of its response into
 * seslip-kg's response shape, so the two can be compared field by field.
 *
 * How seslip-kg's semantics are spelled in the peer's API:
 * - a Relay connection of 20 (our default page) → `xConnection(first: 20, sort: …)`; totalCount the same;
 * - our order (src/api/loaders.ts): items newest Update first, then in Update order → sort by date DESC,
 *   issueNumber, position; meetings and reports newest first, then by key; undated nodes by key;
 * - a single related node (publisher, contact, an item's Update) → the list field with `limit: 1`;
 * - evidence → the edge's stored lists (sources, quotes, seenOn), turned into evidence records here; an
 *   item title in evidence costs the peer a second request (items by key), as its CRUD cannot join on a
 *   list property;
 * - search and counts, which the CRUD API cannot express, → the @cypher fields of type-defs.graphql.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';

/** Sends one GraphQL request to the peer and returns its `data` (errors throw). */
export type Send = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

interface Named {
  name: string;
}
interface Edges<T, P = undefined> {
  totalCount?: number;
  edges: ({ node: T } & (P extends undefined ? object : { properties: P }))[];
}
interface StoredEvidence {
  sources: string[] | null;
  quotes: string[] | null;
  seenOn?: string[] | null;
}

/** Evidence sources are Item keys ("518/3") or Issue keys ("issue:518"). */
const issueNumberOf = (source: string): number => Number(/^(?:issue:)?(\d+)/.exec(source)?.[1]);

const first = <T>(list: T[]): T | null => list[0] ?? null;

// Orders, as seslip-kg pages them.
const ITEM_ORDER = '[{ node: { date: DESC } }, { node: { issueNumber: ASC } }, { node: { position: ASC } }]';
const DATED_ORDER = (field: string) => `[{ node: { ${field}: DESC } }, { node: { key: ASC } }]`;
const KEY_ORDER = '[{ node: { key: ASC } }]';

// ---- 1. Which reports feed which networks --------------------------------------------------------------

interface FeedProps extends StoredEvidence {
  rule: string;
  terms: string[];
}
interface FeedReport {
  title: string;
  publishedOn: string | null;
  publisher: Named[];
}

export async function reportFeeds(send: Send, pageSize = 10): Promise<unknown> {
  // The peer lists nodes, not relationships: the first page of pairs is the first page of each network's
  // feeds in network order, cut to the page size.
  const data = (await send(
    `query PeerReportFeeds($first: Int!) {
      networks(sort: [{ key: ASC }]) {
        name
        reportsConnection(first: $first, sort: [{ edge: { lastSeen: DESC } }, { node: { key: ASC } }]) {
          totalCount
          edges {
            properties { rule terms sources quotes seenOn }
            node { title publishedOn publisher(limit: 1, sort: [{ key: ASC }]) { name } }
          }
        }
      }
    }`,
    { first: pageSize },
  )) as { networks: (Named & { reportsConnection: Edges<FeedReport, FeedProps> })[] };
  const pairs = data.networks
    .flatMap((network) => network.reportsConnection.edges.map((edge) => ({ network, edge })))
    .slice(0, pageSize);
  const itemKeys = [
    ...new Set(
      pairs.flatMap(({ edge }) => (edge.properties.sources ?? []).filter((s) => !s.startsWith('issue:'))),
    ),
  ];
  const titles = (await send(
    `query PeerItemTitles($keys: [String!]!) { items(where: { key: { in: $keys } }) { key title } }`,
    { keys: itemKeys },
  )) as { items: { key: string; title: string }[] };
  const titleOf = new Map(titles.items.map((item) => [item.key, item.title]));
  return {
    reportFeeds: {
      totalCount: data.networks.reduce((sum, network) => sum + network.reportsConnection.totalCount!, 0),
      edges: pairs.map(({ network, edge }) => ({
        node: {
          network: { name: network.name },
          report: {
            title: edge.node.title,
            publishedOn: edge.node.publishedOn,
            publisher: first(edge.node.publisher),
          },
          rule: edge.properties.rule,
          terms: edge.properties.terms,
          evidence: (edge.properties.sources ?? []).map((source, i) => ({
            issue: { number: issueNumberOf(source), date: edge.properties.seenOn?.[i] ?? null },
            item: source.startsWith('issue:') ? null : { title: titleOf.get(source) ?? null },
            quote: edge.properties.quotes?.[i] ?? '',
          })),
        },
      })),
    },
  };
}

// ---- 2. Network contacts and their authority -----------------------------------------------------------

interface Contact extends Named {
  localAuthoritiesConnection: Edges<Named>;
  organisationsConnection: Edges<Named>;
}

export async function networkContacts(send: Send): Promise<unknown> {
  const data = (await send(`query PeerNetworkContacts {
    networks(sort: [{ key: ASC }], limit: 50) {
      name
      contactsConnection(first: 10, sort: ${KEY_ORDER}) {
        edges {
          properties { sources quotes }
          node {
            name
            localAuthoritiesConnection(first: 5, sort: ${KEY_ORDER}) { edges { node { name } } }
            organisationsConnection(first: 5, sort: ${KEY_ORDER}) { edges { node { name } } }
          }
        }
      }
    }
  }`)) as { networks: (Named & { contactsConnection: Edges<Contact, StoredEvidence> })[] };
  return {
    networks: {
      edges: data.networks.map((network) => ({
        node: {
          name: network.name,
          contacts: {
            edges: network.contactsConnection.edges.map(({ node, properties }) => ({
              node: {
                name: node.name,
                localAuthorities: { edges: node.localAuthoritiesConnection.edges },
                organisations: { edges: node.organisationsConnection.edges },
              },
              // The example's evidence takes the default first 10; the peer reads the whole lists.
              evidence: (properties.sources ?? []).slice(0, 10).map((source, i) => ({
                issue: { number: issueNumberOf(source) },
                quote: properties.quotes?.[i] ?? '',
              })),
            })),
          },
        },
      })),
    },
  };
}

// ---- 3. What an authority was mentioned in -------------------------------------------------------------

interface MentioningItem {
  title: string;
  issue: { number: number; date: string }[];
}

export async function authorityMentions(send: Send, key: string): Promise<unknown> {
  const data = (await send(
    `query PeerAuthorityMentions($key: String!) {
      localAuthorities(where: { key: { eq: $key } }) {
        name
        mentionedInConnection(first: 20, sort: ${ITEM_ORDER}) {
          totalCount
          edges { properties { quotes } node { title issue(limit: 1) { number date } } }
        }
        meetingsConnection(first: 20, sort: ${DATED_ORDER('date')}) { edges { node { title date } } }
      }
    }`,
    { key },
  )) as {
    localAuthorities: (Named & {
      mentionedInConnection: Edges<MentioningItem, { quotes: string[] | null }>;
      meetingsConnection: Edges<{ title: string; date: string }>;
    })[];
  };
  const authority = first(data.localAuthorities);
  return {
    localAuthority:
      authority === null
        ? null
        : {
            name: authority.name,
            mentionedIn: {
              totalCount: authority.mentionedInConnection.totalCount,
              edges: authority.mentionedInConnection.edges.map(({ node, properties }) => ({
                node: { title: node.title, issue: first(node.issue) },
                evidence: (properties.quotes ?? []).map((quote) => ({ quote })),
              })),
            },
            meetings: { edges: authority.meetingsConnection.edges },
          },
  };
}

// ---- 4. Who published what -----------------------------------------------------------------------------

interface PublishedReport {
  title: string;
  publishedOn: string | null;
  kind: string | null;
  citedInConnection: { totalCount: number };
}

export async function publishedBy(send: Send, key: string): Promise<unknown> {
  // Our order puts undated reports last; the peer's sort cannot (Cypher sorts null first when descending),
  // so it asks for the dated and the undated ones apart, in one request, and puts them together.
  const data = (await send(
    `query PeerPublishedBy($key: String!) {
      organisations(where: { key: { eq: $key } }) {
        name
        dated: reportsConnection(first: 20, where: { node: { NOT: { publishedOn: { eq: null } } } }, sort: ${DATED_ORDER('publishedOn')}) {
          totalCount
          edges { node { title publishedOn kind citedInConnection { totalCount } } }
        }
        undated: reportsConnection(first: 20, where: { node: { publishedOn: { eq: null } } }, sort: ${KEY_ORDER}) {
          totalCount
          edges { node { title publishedOn kind citedInConnection { totalCount } } }
        }
      }
    }`,
    { key },
  )) as { organisations: (Named & { dated: Edges<PublishedReport>; undated: Edges<PublishedReport> })[] };
  const organisation = first(data.organisations);
  return {
    organisation:
      organisation === null
        ? null
        : {
            name: organisation.name,
            reports: {
              totalCount: organisation.dated.totalCount! + organisation.undated.totalCount!,
              edges: [...organisation.dated.edges, ...organisation.undated.edges]
                .slice(0, 20)
                .map(({ node }) => ({
                  node: {
                    title: node.title,
                    publishedOn: node.publishedOn,
                    kind: node.kind,
                    citedIn: { totalCount: node.citedInConnection.totalCount },
                  },
                })),
            },
          },
  };
}

// ---- 5. A network's meetings ---------------------------------------------------------------------------

interface PeerMeeting {
  date: string;
  time: string | null;
  topic: string | null;
  contact: Named[];
  announcedInConnection: Edges<{ title: string; issue: { number: number }[] }>;
}

export async function networkMeetings(send: Send, key: string): Promise<unknown> {
  const data = (await send(
    `query PeerNetworkMeetings($key: String!) {
      networks(where: { key: { eq: $key } }) {
        name
        aliases
        meetingsConnection(first: 20, sort: ${DATED_ORDER('date')}) {
          edges {
            node {
              date time topic
              contact(limit: 1, sort: [{ key: ASC }]) { name }
              announcedInConnection(first: 20, sort: ${ITEM_ORDER}) {
                edges { node { title issue(limit: 1) { number } } }
              }
            }
          }
        }
      }
    }`,
    { key },
  )) as { networks: (Named & { aliases: string[] | null; meetingsConnection: Edges<PeerMeeting> })[] };
  const network = first(data.networks);
  return {
    network:
      network === null
        ? null
        : {
            name: network.name,
            aliases: network.aliases ?? [],
            meetings: {
              edges: network.meetingsConnection.edges.map(({ node }) => ({
                node: {
                  date: node.date,
                  time: node.time,
                  topic: node.topic,
                  contact: first(node.contact),
                  announcedIn: {
                    edges: node.announcedInConnection.edges.map((edge) => ({
                      node: { title: edge.node.title, issue: first(edge.node.issue) },
                    })),
                  },
                },
              })),
            },
          },
  };
}

// ---- 6. Search and graph size --------------------------------------------------------------------------

export interface SearchRow {
  score: number;
  kind: string;
  key: string;
  name: string | null;
  title: string | null;
}

/** A search hit as seslip-kg's example selects it: the entity's global id, and its name or title. */
export function searchHit(row: SearchRow) {
  const id = encodeGlobalID(row.kind, row.key);
  const entity =
    row.kind === 'Network'
      ? { id, name: row.name }
      : row.kind === 'Item' || row.kind === 'Report'
        ? { id, title: row.title }
        : { id };
  return { node: { score: row.score, kind: row.kind, entity } };
}

export async function searchAndStats(send: Send, query: string): Promise<unknown> {
  const data = (await send(
    `query PeerSearchAndStats($query: String!) {
      search(query: $query, first: 5) { score kind key name title }
      totalSearchHits(query: $query)
      nodeCounts { label count }
      edgeCounts { type count }
    }`,
    { query },
  )) as {
    search: SearchRow[];
    totalSearchHits: number;
    nodeCounts: { label: string; count: number }[];
    edgeCounts: { type: string; count: number }[];
  };
  return {
    search: { totalCount: data.totalSearchHits, edges: data.search.map(searchHit) },
    stats: { nodes: data.nodeCounts, edges: data.edgeCounts },
  };
}

// ---- Deep 1: networks → reports → citing items → their Update's contacts -------------------------------

interface DeepItem {
  title: string;
  issue: { number: number; contactsConnection: Edges<Named, { role: string | null }> }[];
}
interface DeepReport {
  title: string;
  publisher: Named[];
  citedInConnection: Edges<DeepItem>;
}

/** What the deep query selects of a network's reports, for the dated and the undated ones alike. */
const DEEP_REPORTS_SELECTION = `
        totalCount
        edges {
          properties { rule }
          node {
            title
            publisher(limit: 1, sort: [{ key: ASC }]) { name }
            citedInConnection(first: 5, sort: ${ITEM_ORDER}) {
              totalCount
              edges {
                node {
                  title
                  issue(limit: 1) {
                    number
                    contactsConnection(first: 5, sort: ${KEY_ORDER}) { edges { properties { role } node { name } } }
                  }
                }
              }
            }
          }
        }
`;

export async function deepNetworkReports(send: Send): Promise<unknown> {
  // Our order puts undated reports last; the peer's sort puts them first (Cypher sorts null first when
  // descending), so, as in publishedBy, the dated and the undated ones are asked for apart and joined.
  const data = (await send(`query PeerDeepNetworkReports {
    networks(sort: [{ key: ASC }], limit: 20) {
      name
      dated: reportsConnection(first: 10, where: { node: { NOT: { publishedOn: { eq: null } } } }, sort: ${DATED_ORDER('publishedOn')}) {${DEEP_REPORTS_SELECTION}}
      undated: reportsConnection(first: 10, where: { node: { publishedOn: { eq: null } } }, sort: ${KEY_ORDER}) {${DEEP_REPORTS_SELECTION}}
    }
  }`)) as {
    networks: (Named & {
      dated: Edges<DeepReport, { rule: string }>;
      undated: Edges<DeepReport, { rule: string }>;
    })[];
  };
  return {
    networks: {
      edges: data.networks.map((network) => ({
        node: {
          name: network.name,
          reports: {
            totalCount: network.dated.totalCount! + network.undated.totalCount!,
            edges: [...network.dated.edges, ...network.undated.edges]
              .slice(0, 10)
              .map(({ node, properties }) => ({
                rule: properties.rule,
                node: {
                  title: node.title,
                  publisher: first(node.publisher),
                  citedIn: {
                    totalCount: node.citedInConnection.totalCount,
                    edges: node.citedInConnection.edges.map((item) => {
                      const issue = first(item.node.issue);
                      return {
                        node: {
                          title: item.node.title,
                          issue:
                            issue === null
                              ? null
                              : {
                                  number: issue.number,
                                  contacts: {
                                    edges: issue.contactsConnection.edges.map((contact) => ({
                                      role: contact.properties.role ?? '',
                                      node: contact.node,
                                    })),
                                  },
                                },
                        },
                      };
                    }),
                  },
                },
              })),
          },
        },
      })),
    },
  };
}

// ---- Deep 2: people → their networks → meetings → announcing items -------------------------------------

interface DeepNetwork extends Named {
  meetingsConnection: Edges<{
    date: string;
    time: string | null;
    announcedInConnection: Edges<{ title: string; issue: { number: number }[] }>;
  }>;
}

export async function deepPeopleMeetings(send: Send): Promise<unknown> {
  const data = (await send(`query PeerDeepPeopleMeetings {
    peopleConnection { totalCount }
    people(sort: [{ key: ASC }], limit: 30) {
      name
      networksConnection(first: 5, sort: ${KEY_ORDER}) {
        edges {
          node {
            name
            meetingsConnection(first: 5, sort: ${DATED_ORDER('date')}) {
              totalCount
              edges {
                node {
                  date time
                  announcedInConnection(first: 3, sort: ${ITEM_ORDER}) {
                    edges { node { title issue(limit: 1) { number } } }
                  }
                }
              }
            }
          }
        }
      }
    }
  }`)) as {
    peopleConnection: { totalCount: number };
    people: (Named & { networksConnection: Edges<DeepNetwork> })[];
  };
  return {
    people: {
      totalCount: data.peopleConnection.totalCount,
      edges: data.people.map((person) => ({
        node: {
          name: person.name,
          networks: {
            edges: person.networksConnection.edges.map(({ node: network }) => ({
              node: {
                name: network.name,
                meetings: {
                  totalCount: network.meetingsConnection.totalCount,
                  edges: network.meetingsConnection.edges.map(({ node: meeting }) => ({
                    node: {
                      date: meeting.date,
                      time: meeting.time,
                      announcedIn: {
                        edges: meeting.announcedInConnection.edges.map((edge) => ({
                          node: { title: edge.node.title, issue: first(edge.node.issue) },
                        })),
                      },
                    },
                  })),
                },
              },
            })),
          },
        },
      })),
    },
  };
}
