import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { stored, storedList, storedOrNull } from '../selection.js';
import { OrganisationRef, PublisherRef } from '../refs.js';

builder.node(OrganisationRef, {
  ...nodeOptions('Organisation'),
  interfaces: [PublisherRef],
  description: 'A body that publishes, inspects or employs: DfE, Ofsted, the LGA, SESLIP…',
  fields: (t) => ({
    name: t.string(stored(t, 'name')),
    aliases: t.stringList({
      description: 'Other names it is written as (DfE, Oftsed…).',
      ...storedList(t, 'aliases'),
    }),
    kind: t.string({ nullable: true, ...storedOrNull(t, 'kind') }),
    ...hopFields(t, 'Organisation'),
  }),
});
