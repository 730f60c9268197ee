import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { OrganisationRef, PublisherRef } from '../refs.js';

builder.node(OrganisationRef, {
  ...nodeOptions('Organisation'),
  interfaces: [PublisherRef],
  description: 'A body that publishes, inspects or employs: DfE, Ofsted, the LGA, SESLIP…',
  fields: (t) => ({
    name: t.string({ resolve: (org) => org.name ?? '' }),
    aliases: t.stringList({
      description: 'Other names it is written as (DfE, Oftsed…).',
      resolve: (org) => org.aliases ?? [],
    }),
    kind: t.string({ nullable: true, resolve: (org) => org.kind ?? null }),
    ...hopFields(t, 'Organisation'),
  }),
});
