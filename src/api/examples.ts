/**
 * The analysts' headline questions, as GraphiQL opens them in tabs. They run as-is on the seeded graph;
 * the README shows them with their answers, and a test runs every one of them.
 */
export interface Example {
  title: string;
  query: string;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Which reports feed which networks',
    query: `# Which reports feed which networks, why (rule and matched terms), and where it was read.
query ReportsFeedingNetworks {
  reportFeeds(first: 10) {
    totalCount
    edges {
      node {
        network { name }
        report { title publishedOn publisher { name } }
        rule
        terms
        evidence { issue { number date } item { title } quote }
      }
    }
  }
}`,
  },
  {
    title: 'Network contacts and their authority',
    query: `# Who is the contact for each network, and which authority or organisation they sit in.
query NetworkContacts {
  networks(first: 50) {
    edges {
      node {
        name
        contacts(first: 10) {
          edges {
            node {
              name
              localAuthorities(first: 5) { edges { node { name } } }
              organisations(first: 5) { edges { node { name } } }
            }
            evidence { issue { number } quote }
          }
        }
      }
    }
  }
}`,
  },
  {
    title: 'What an authority was mentioned in',
    query: `# Everything the Isle of Wight ("IoW" works too) was mentioned in, newest first.
query AuthorityMentions {
  localAuthority(name: "IoW") {
    name
    mentionedIn(first: 20) {
      totalCount
      edges {
        node { title issue { number date } }
        evidence { quote }
      }
    }
    meetings { edges { node { title date } } }
  }
}`,
  },
  {
    title: 'Who published what',
    query: `# What the Department for Education published ("DfE", any case), newest first.
query PublishedBy {
  organisation(name: "dfe") {
    name
    reports(first: 20) {
      totalCount
      edges { node { title publishedOn kind citedIn { totalCount } } }
    }
  }
}`,
  },
  {
    title: 'A network’s meetings',
    query: `# The QA Network's meetings and who to ask about them.
query NetworkMeetings {
  network(name: "qa network") {
    name
    aliases
    meetings { edges { node { date time topic contact { name } announcedIn { edges { node { title issue { number } } } } } } }
  }
}`,
  },
  {
    title: 'Search and graph size',
    query: `# Full-text search over every kind of entity, and the size of the graph.
query SearchAndStats {
  search(text: "fostering", first: 5) {
    totalCount
    edges { node { score kind entity { id ... on Network { name } ... on Item { title } ... on Report { title } } } }
  }
  stats { nodes { label count } edges { type count } }
}`,
  },
];

export function graphiqlTabs(): { defaultQuery: string; defaultTabs: { query: string }[] } {
  return {
    defaultQuery: EXAMPLES[0]!.query,
    defaultTabs: EXAMPLES.map((example) => ({ query: example.query })),
  };
}
