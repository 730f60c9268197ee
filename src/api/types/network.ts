import { builder } from '../builder.js';
import { hitDate, hopConnection, nodeOptions, text, texts } from '../fields.js';
import { ItemRef, MeetingRef, NetworkRef, PersonRef, ReportRef } from '../refs.js';
import { feedEdgeFields } from './report.js';

builder.node(NetworkRef, {
  ...nodeOptions('Network'),
  description: 'A SESLIP regional network (Fostering Network, SEND SE19, QA Network…).',
  fields: (t) => ({
    name: t.string({ resolve: text('name') }),
    aliases: t.stringList({ resolve: texts('aliases') }),
    topics: t.stringList({
      description: 'The curated lexicon that derives FEEDS edges.',
      resolve: texts('topics'),
    }),
    contacts: hopConnection(t, 'networkContacts', PersonRef, { description: 'Its contact people.' }),
    meetings: hopConnection(t, 'networkMeetings', MeetingRef, {
      description: 'Its meetings, newest first; from/to bound the meeting date.',
      dateOf: hitDate,
    }),
    reports: hopConnection(t, 'networkReports', ReportRef, {
      description: 'Reports that feed it (derived), with the rule, the matched terms and the citing items.',
      edgeFields: feedEdgeFields,
    }),
    mentionedIn: hopConnection(t, 'mentionedIn', ItemRef, {
      description: 'Items that name it.',
      dateOf: hitDate,
    }),
  }),
});
