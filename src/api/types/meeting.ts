import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { MeetingRef } from '../refs.js';

builder.node(MeetingRef, {
  ...nodeOptions('Meeting'),
  description: 'A network meeting or a dated event announced in an Update.',
  fields: (t) => ({
    title: t.string({ description: 'The network or event as written.', resolve: (m) => m.title ?? '' }),
    date: t.field({ type: 'Date', resolve: (m) => m.date ?? '' }),
    time: t.string({ nullable: true, resolve: (m) => m.time ?? null }),
    topic: t.string({ nullable: true, resolve: (m) => m.topic ?? null }),
    ...hopFields(t, 'Meeting'),
  }),
});
