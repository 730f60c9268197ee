import { builder } from '../builder.js';
import {
  datedHopConnection,
  hopConnection,
  nodeOptions,
  mentionEdgeFields,
  roleEdgeFields,
} from '../fields.js';
import { OrganisationRef, PublisherRef, TARGETS } from '../refs.js';
import { inspectionEdgeFields } from './local-authority.js';

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
    reports: datedHopConnection(t, 'OrganisationReports', 'publisherReports', TARGETS.Report, {
      description: 'Reports it published, newest first.',
    }),
    people: hopConnection(t, 'OrganisationPeople', 'organisationPeople', TARGETS.Person, {
      description: 'People listed as working for it.',
      edgeFields: roleEdgeFields,
    }),
    mentionedIn: datedHopConnection(t, 'OrganisationMentionedIn', 'mentionedIn', TARGETS.Item, {
      description: 'Items that name it, newest first.',
      edgeFields: mentionEdgeFields,
    }),
    inspected: hopConnection(t, 'OrganisationInspected', 'organisationInspections', TARGETS.LocalAuthority, {
      description: 'Local authorities it inspected, with the grades (Ofsted).',
      edgeFields: inspectionEdgeFields,
    }),
  }),
});
