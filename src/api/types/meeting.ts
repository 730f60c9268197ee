import { builder } from '../builder.js';
import { hopConnection, hopOne, maybeText, nodeOptions, text } from '../fields.js';
import { ItemRef, LocalAuthorityRef, MeetingRef, NetworkRef, PersonRef } from '../refs.js';

builder.node(MeetingRef, {
  ...nodeOptions('Meeting'),
  description: 'A network meeting or a dated event announced in an Update.',
  fields: (t) => ({
    title: t.string({ description: 'The network or event as written.', resolve: text('title') }),
    date: t.field({ type: 'Date', resolve: text('date') }),
    time: t.string({ nullable: true, resolve: maybeText('time') }),
    topic: t.string({ nullable: true, resolve: maybeText('topic') }),
    network: hopOne(t, 'meetingNetwork', NetworkRef, 'The network holding it; null for a standalone event.'),
    contact: hopOne(t, 'meetingContact', PersonRef, 'The person to ask ("More from …").'),
    localAuthorities: hopConnection(t, 'meetingAuthorities', LocalAuthorityRef, {
      description: 'Authorities taking part.',
    }),
    announcedIn: hopConnection(t, 'meetingAnnouncedIn', ItemRef, { description: 'Items that announced it.' }),
  }),
});
