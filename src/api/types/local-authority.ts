import { builder } from '../builder.js';
import {
  datedHopConnection,
  hopConnection,
  nodeOptions,
  relInt,
  relText,
  type EdgeFieldBuilder,
  mentionEdgeFields,
  roleEdgeFields,
} from '../fields.js';
import { LocalAuthorityRef, PublisherRef, TARGETS } from '../refs.js';

/** The data an INSPECTED edge carries (from the inspection tables). */
export function inspectionEdgeFields(e: EdgeFieldBuilder) {
  return {
    framework: e.string({
      description: 'ILACS1, ILACS2…',
      resolve: (edge) => relText(edge, 'framework') ?? '',
    }),
    grade: e.string({ resolve: (edge) => relText(edge, 'grade') ?? '' }),
    daysWaited: e.int({ nullable: true, resolve: (edge) => relInt(edge, 'daysWaited') }),
    nationalRank: e.int({ nullable: true, resolve: (edge) => relInt(edge, 'nationalRank') }),
    asAt: e.field({ type: 'Date', nullable: true, resolve: (edge) => relText(edge, 'asAt') }),
  };
}

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
    people: hopConnection(t, 'LocalAuthorityPeople', 'authorityPeople', TARGETS.Person, {
      description: 'People listed as based there.',
      edgeFields: roleEdgeFields,
    }),
    mentionedIn: datedHopConnection(t, 'LocalAuthorityMentionedIn', 'mentionedIn', TARGETS.Item, {
      description: 'Items that name it, newest first; from/to bound the Update date.',
      edgeFields: mentionEdgeFields,
    }),
    inspections: hopConnection(t, 'LocalAuthorityInspections', 'authorityInspections', TARGETS.Organisation, {
      description: 'Inspection results, the inspectorate as node.',
      edgeFields: inspectionEdgeFields,
    }),
    meetings: datedHopConnection(t, 'LocalAuthorityMeetings', 'authorityMeetings', TARGETS.Meeting, {
      description: 'Meetings and events it takes part in (e.g. triads).',
    }),
    published: datedHopConnection(t, 'LocalAuthorityPublished', 'publisherReports', TARGETS.Report, {
      description: 'Reports it published itself, newest first.',
    }),
  }),
});
