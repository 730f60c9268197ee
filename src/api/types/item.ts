import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { stored, storedList, storedOrNull } from '../selection.js';
import { ItemRef } from '../refs.js';

builder.node(ItemRef, {
  ...nodeOptions('Item'),
  description: 'A headed item of an Update: a publication, consultation, event or programme note.',
  fields: (t) => ({
    title: t.string(stored(t, 'title')),
    section: t.string({
      description: 'main, reminders, network-dates, key-dates…',
      ...stored(t, 'section'),
    }),
    programme: t.string({ nullable: true, ...storedOrNull(t, 'programme') }),
    body: t.string(stored(t, 'body')),
    actionRequired: t.string({ nullable: true, ...storedOrNull(t, 'actionRequired') }),
    date: t.field({ type: 'Date', description: "The Update's date.", ...stored(t, 'date') }),
    lineStart: t.int({
      description: 'First line of the item in the source file.',
      ...stored(t, 'lineStart'),
    }),
    lineEnd: t.int(stored(t, 'lineEnd')),
    links: t.stringList({
      description:
        'The addresses the item links to, in page order, when its Update was read from a web page or e-mail (empty from plain text).',
      ...storedList(t, 'links'),
    }),
    ...hopFields(t, 'Item'),
  }),
});
