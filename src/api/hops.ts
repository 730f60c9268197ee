import type { EdgeType, Hop } from '../graph/index.js';

/**
 * Every relationship hop the API resolves, by name: an edge type of the catalogue (src/graph/edges.ts) and
 * the way it is walked from the parent. The labels it reaches come from the catalogue.
 */
const out = (type: EdgeType): Hop => ({ type, direction: 'out' });
const into = (type: EdgeType): Hop => ({ type, direction: 'in' });

export const HOPS = {
  issueItems: out('HAS_ITEM'),
  issueContacts: into('LISTED_IN'),
  itemIssue: into('HAS_ITEM'),
  itemReports: out('CITES'),
  itemMentions: out('MENTIONS'),
  itemMeetings: into('ANNOUNCED_IN'),
  reportPublisher: out('PUBLISHED_BY'),
  reportAuthors: out('AUTHORED_BY'),
  reportCitedIn: into('CITES'),
  reportFeeds: out('FEEDS'),
  publisherReports: into('PUBLISHED_BY'),
  organisationPeople: into('WORKS_FOR'),
  organisationInspections: into('INSPECTED'),
  mentionedIn: into('MENTIONS'),
  personListings: out('LISTED_IN'),
  personNetworks: out('CONTACT_FOR'),
  personOrganisations: out('WORKS_FOR'),
  personAuthorities: out('BASED_AT'),
  personPossiblySameAsOut: out('POSSIBLY_SAME_AS'),
  personPossiblySameAsIn: into('POSSIBLY_SAME_AS'),
  networkContacts: into('CONTACT_FOR'),
  networkMeetings: out('HOLDS'),
  networkReports: into('FEEDS'),
  meetingNetwork: into('HOLDS'),
  meetingContact: out('CONTACT'),
  meetingAuthorities: out('INVOLVES'),
  meetingAnnouncedIn: out('ANNOUNCED_IN'),
  authorityPeople: into('BASED_AT'),
  authorityInspections: out('INSPECTED'),
  authorityMeetings: into('INVOLVES'),
} satisfies Record<string, Hop>;

export type HopName = keyof typeof HOPS;
