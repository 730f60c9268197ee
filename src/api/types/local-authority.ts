import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { reads, stored, storedList, storedOrNull } from '../selection.js';
import { LocalAuthorityRef, PublisherRef } from '../refs.js';

builder.node(LocalAuthorityRef, {
  ...nodeOptions('LocalAuthority'),
  interfaces: [PublisherRef],
  description: "An English local authority's children's services; 19 of them form SESLIP.",
  fields: (t) => ({
    name: t.string(stored(t, 'name')),
    aliases: t.stringList(storedList(t, 'aliases')),
    region: t.string({ nullable: true, ...storedOrNull(t, 'region') }),
    seslip: t.boolean({
      description: 'One of the 19 SESLIP authorities.',
      // Only the 19 are marked.
      extensions: reads('seslip'),
      resolve: (la) => la.seslip === true,
    }),
    ...hopFields(t, 'LocalAuthority'),
  }),
});
