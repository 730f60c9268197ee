import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { ItemRef } from '../refs.js';

builder.node(ItemRef, {
  ...nodeOptions('Item'),
  description: 'A headed item of an Update: a publication, consultation, event or programme note.',
  fields: (t) => ({
    title: t.string({ resolve: (item) => item.title ?? '' }),
    section: t.string({
      description: 'main, reminders, network-dates, key-dates…',
      resolve: (item) => item.section ?? '',
    }),
    programme: t.string({ nullable: true, resolve: (item) => item.programme ?? null }),
    body: t.string({ resolve: (item) => item.body ?? '' }),
    actionRequired: t.string({ nullable: true, resolve: (item) => item.actionRequired ?? null }),
    date: t.field({ type: 'Date', description: "The Update's date.", resolve: (item) => item.date ?? '' }),
    lineStart: t.int({
      description: 'First line of the item in the source file.',
      resolve: (item) => item.lineStart ?? 0,
    }),
    lineEnd: t.int({ resolve: (item) => item.lineEnd ?? 0 }),
    links: t.stringList({
      description:
        'The addresses the item links to, in page order, when its Update was read from a web page or e-mail (empty from plain text).',
      resolve: (item) => item.links ?? [],
    }),
    ...hopFields(t, 'Item'),
  }),
});
