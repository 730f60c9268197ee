import { builder } from '../builder.js';
import { hopConnection, hopOne, nodeOptions } from '../fields.js';
import { MeetingRef, TARGETS } from '../refs.js';

builder.node(MeetingRef, {
  ...nodeOptions('Meeting'),
  description: 'A network meeting or a dated event announced in an Update.',
  fields: (t) => ({
    title: t.string({ description: 'The network or event as written.', resolve: (m) => m.title ?? '' }),
    date: t.field({ type: 'Date', resolve: (m) => m.date ?? '' }),
    time: t.string({ nullable: true, resolve: (m) => m.time ?? null }),
    topic: t.string({ nullable: true, resolve: (m) => m.topic ?? null }),
    network: hopOne(
      t,
      'meetingNetwork',
      TARGETS.Network,
      'The network holding it; null for a standalone event.',
    ),
    contact: hopOne(t, 'meetingContact', TARGETS.Person, 'The person to ask ("More from …").'),
    localAuthorities: hopConnection(
      t,
      'MeetingLocalAuthorities',
      'meetingAuthorities',
      TARGETS.LocalAuthority,
      {
        description: 'Authorities taking part.',
      },
    ),
    announcedIn: hopConnection(t, 'MeetingAnnouncedIn', 'meetingAnnouncedIn', TARGETS.Item, {
      description: 'Items that announced it.',
    }),
  }),
});
