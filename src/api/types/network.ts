import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { NetworkRef, PublisherRef } from '../refs.js';

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
    ...hopFields(t, 'Network'),
  }),
});
