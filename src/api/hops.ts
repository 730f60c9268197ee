import type { NodeLabel } from '../extract/records.js';

/**
 * Every relationship hop the API resolves, by name: the edge type, which way it points from the parent,
 * and the labels of nodes it may reach. One generic Cypher file per direction serves them all.
 */
export interface Hop {
  type: string;
  direction: 'out' | 'in';
  labels: NodeLabel[];
}

const hop = (type: string, direction: 'out' | 'in', ...labels: NodeLabel[]): Hop => ({
  type,
  direction,
  labels,
});

export const HOPS = {
  issueItems: hop('HAS_ITEM', 'out', 'Item'),
  issueContacts: hop('LISTED_IN', 'in', 'Person'),
  itemIssue: hop('HAS_ITEM', 'in', 'Issue'),
  itemReports: hop('CITES', 'out', 'Report'),
  itemMentions: hop('MENTIONS', 'out', 'Person', 'Organisation', 'LocalAuthority', 'Network'),
  itemMeetings: hop('ANNOUNCED_IN', 'in', 'Meeting'),
  reportPublisher: hop('PUBLISHED_BY', 'out', 'Organisation'),
  reportAuthors: hop('AUTHORED_BY', 'out', 'Person'),
  reportCitedIn: hop('CITES', 'in', 'Item'),
  reportFeeds: hop('FEEDS', 'out', 'Network'),
  organisationReports: hop('PUBLISHED_BY', 'in', 'Report'),
  organisationPeople: hop('WORKS_FOR', 'in', 'Person'),
  organisationInspections: hop('INSPECTED', 'in', 'LocalAuthority'),
  mentionedIn: hop('MENTIONS', 'in', 'Item'),
  personListings: hop('LISTED_IN', 'out', 'Issue'),
  personNetworks: hop('CONTACT_FOR', 'out', 'Network'),
  personOrganisations: hop('WORKS_FOR', 'out', 'Organisation'),
  personAuthorities: hop('BASED_AT', 'out', 'LocalAuthority'),
  personPossiblySameAsOut: hop('POSSIBLY_SAME_AS', 'out', 'Person'),
  personPossiblySameAsIn: hop('POSSIBLY_SAME_AS', 'in', 'Person'),
  networkContacts: hop('CONTACT_FOR', 'in', 'Person'),
  networkMeetings: hop('HOLDS', 'out', 'Meeting'),
  networkReports: hop('FEEDS', 'in', 'Report'),
  meetingNetwork: hop('HOLDS', 'in', 'Network'),
  meetingContact: hop('CONTACT', 'out', 'Person'),
  meetingAuthorities: hop('INVOLVES', 'out', 'LocalAuthority'),
  meetingAnnouncedIn: hop('ANNOUNCED_IN', 'out', 'Item'),
  authorityPeople: hop('BASED_AT', 'in', 'Person'),
  authorityInspections: hop('INSPECTED', 'out', 'Organisation'),
  authorityMeetings: hop('INVOLVES', 'in', 'Meeting'),
} satisfies Record<string, Hop>;

export type HopName = keyof typeof HOPS;
