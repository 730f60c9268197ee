import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { stored, storedList } from '../selection.js';
import { NetworkRef, PublisherRef } from '../refs.js';

builder.node(NetworkRef, {
  ...nodeOptions('Network'),
  interfaces: [PublisherRef],
  description: 'A SESLIP regional network (Fostering Network, SEND SE19, QA Network…).',
  fields: (t) => ({
    name: t.string(stored(t, 'name')),
    aliases: t.stringList(storedList(t, 'aliases')),
    topics: t.stringList({
      description: 'The curated lexicon that derives FEEDS edges.',
      ...storedList(t, 'topics'),
    }),
    ...hopFields(t, 'Network'),
  }),
});
