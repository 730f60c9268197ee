import { builder } from '../builder.js';
import { datedHopConnection, hopConnection, nodeOptions, mentionEdgeFields } from '../fields.js';
import { NetworkRef, PublisherRef, TARGETS } from '../refs.js';
import { feedEdgeFields } from './report.js';

builder.node(NetworkRef, {
  ...nodeOptions('Network'),
  interfaces: [PublisherRef],
  description: 'A SESLIP regional network (Fostering Network, SEND SE19, QA Network…).',
  fields: (t) => ({
    name: t.string({ resolve: (network) => network.name ?? '' }),
    aliases: t.stringList({ resolve: (network) => network.aliases ?? [] }),
    topics: t.stringList({
      description: 'The curated lexicon that derives FEEDS edges.',
      resolve: (network) => network.topics ?? [],
    }),
    contacts: hopConnection(t, 'NetworkContacts', 'networkContacts', TARGETS.Person, {
      description: 'Its contact people.',
    }),
    meetings: datedHopConnection(t, 'NetworkMeetings', 'networkMeetings', TARGETS.Meeting, {
      description: 'Its meetings, newest first; from/to bound the meeting date.',
    }),
    reports: hopConnection(t, 'NetworkReports', 'networkReports', TARGETS.Report, {
      description: 'Reports that feed it (derived), with the rule, the matched terms and the citing items.',
      edgeFields: feedEdgeFields,
    }),
    published: datedHopConnection(t, 'NetworkPublished', 'publisherReports', TARGETS.Report, {
      description: 'Reports it published itself, newest first.',
    }),
    mentionedIn: datedHopConnection(t, 'NetworkMentionedIn', 'mentionedIn', TARGETS.Item, {
      description: 'Items that name it.',
      edgeFields: mentionEdgeFields,
    }),
  }),
});
