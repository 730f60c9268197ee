import { builder } from '../builder.js';
import {
  hitDate,
  hopConnection,
  type EdgeFieldBuilder,
  maybeText,
  nodeOptions,
  text,
  texts,
} from '../fields.js';
import { ItemRef, LocalAuthorityRef, MeetingRef, OrganisationRef, PersonRef } from '../refs.js';

/** The data an INSPECTED edge carries (from the inspection tables). */
export function inspectionEdgeFields(e: EdgeFieldBuilder) {
  return {
    framework: e.string({
      description: 'ILACS1, ILACS2…',
      resolve: (edge) => String(edge.rel.framework ?? ''),
    }),
    grade: e.string({ resolve: (edge) => String(edge.rel.grade ?? '') }),
    daysWaited: e.int({
      nullable: true,
      resolve: (edge) => (edge.rel.daysWaited as number | undefined) ?? null,
    }),
    nationalRank: e.int({
      nullable: true,
      resolve: (edge) => (edge.rel.nationalRank as number | undefined) ?? null,
    }),
    asAt: e.field({
      type: 'Date',
      nullable: true,
      resolve: (edge) => (edge.rel.asAt as string | undefined) ?? null,
    }),
  };
}

builder.node(LocalAuthorityRef, {
  ...nodeOptions('LocalAuthority'),
  description: "An English local authority's children's services; 19 of them form SESLIP.",
  fields: (t) => ({
    name: t.string({ resolve: text('name') }),
    aliases: t.stringList({ resolve: texts('aliases') }),
    region: t.string({ nullable: true, resolve: maybeText('region') }),
    seslip: t.boolean({
      description: 'One of the 19 SESLIP authorities.',
      resolve: (la) => la.seslip === true,
    }),
    people: hopConnection(t, 'authorityPeople', PersonRef, { description: 'People listed as based there.' }),
    mentionedIn: hopConnection(t, 'mentionedIn', ItemRef, {
      description: 'Items that name it, newest first; from/to bound the Update date.',
      dateOf: hitDate,
    }),
    inspections: hopConnection(t, 'authorityInspections', OrganisationRef, {
      description: 'Inspection results, the inspectorate as node.',
      edgeFields: inspectionEdgeFields,
    }),
    meetings: hopConnection(t, 'authorityMeetings', MeetingRef, {
      description: 'Meetings and events it takes part in (e.g. triads).',
      dateOf: hitDate,
    }),
  }),
});
