import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { LocalAuthorityRef, PublisherRef } from '../refs.js';

builder.node(LocalAuthorityRef, {
  ...nodeOptions('LocalAuthority'),
  interfaces: [PublisherRef],
  description: "An English local authority's children's services; 19 of them form SESLIP.",
  fields: (t) => ({
    name: t.string({ resolve: (la) => la.name ?? '' }),
    aliases: t.stringList({ resolve: (la) => la.aliases ?? [] }),
    region: t.string({ nullable: true, resolve: (la) => la.region ?? null }),
    seslip: t.boolean({
      description: 'One of the 19 SESLIP authorities.',
      resolve: (la) => la.seslip === true,
    }),
    ...hopFields(t, 'LocalAuthority'),
  }),
});
