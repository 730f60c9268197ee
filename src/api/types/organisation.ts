import { builder } from '../builder.js';
import { hitDate, hopConnection, maybeText, nodeOptions, text, texts } from '../fields.js';
import { ItemRef, LocalAuthorityRef, OrganisationRef, PersonRef, ReportRef } from '../refs.js';
import { inspectionEdgeFields } from './local-authority.js';

builder.node(OrganisationRef, {
  ...nodeOptions('Organisation'),
  description: 'A body that publishes, inspects or employs: DfE, Ofsted, the LGA, SESLIP…',
  fields: (t) => ({
    name: t.string({ resolve: text('name') }),
    aliases: t.stringList({
      description: 'Other names it is written as (DfE, Oftsed…).',
      resolve: texts('aliases'),
    }),
    kind: t.string({ nullable: true, resolve: maybeText('kind') }),
    reports: hopConnection(t, 'organisationReports', ReportRef, {
      description: 'Reports it published, newest first.',
    }),
    people: hopConnection(t, 'organisationPeople', PersonRef, {
      description: 'People listed as working for it.',
    }),
    mentionedIn: hopConnection(t, 'mentionedIn', ItemRef, {
      description: 'Items that name it, newest first.',
      dateOf: hitDate,
    }),
    inspected: hopConnection(t, 'organisationInspections', LocalAuthorityRef, {
      description: 'Local authorities it inspected, with the grades (Ofsted).',
      edgeFields: inspectionEdgeFields,
    }),
  }),
});
