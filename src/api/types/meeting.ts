import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { stored, storedOrNull } from '../selection.js';
import { MeetingRef } from '../refs.js';

builder.node(MeetingRef, {
  ...nodeOptions('Meeting'),
  description: 'A network meeting or a dated event announced in an Update.',
  fields: (t) => ({
    title: t.string({ description: 'The network or event as written.', ...stored(t, 'title') }),
    date: t.field({ type: 'Date', ...stored(t, 'date') }),
    time: t.string({ nullable: true, ...storedOrNull(t, 'time') }),
    topic: t.string({ nullable: true, ...storedOrNull(t, 'topic') }),
    ...hopFields(t, 'Meeting'),
  }),
});
