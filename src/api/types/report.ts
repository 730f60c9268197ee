import { builder } from '../builder.js';
import { hopConnection, hopOne, maybeText, nodeOptions, text, type EdgeFieldBuilder } from '../fields.js';
import { ItemRef, NetworkRef, OrganisationRef, PersonRef, ReportRef } from '../refs.js';

builder.node(ReportRef, {
  ...nodeOptions('Report'),
  description: 'A publication named in the Updates (report, guidance, consultation, toolkit, statistics…).',
  fields: (t) => ({
    title: t.string({ resolve: text('title') }),
    publishedOn: t.field({ type: 'Date', nullable: true, resolve: maybeText('publishedOn') }),
    kind: t.string({
      nullable: true,
      description: 'report, guidance, consultation… where the text says so.',
      resolve: maybeText('kind'),
    }),
    verb: t.string({
      nullable: true,
      description: 'published, updated, launched… as written.',
      resolve: maybeText('verb'),
    }),
    publisher: hopOne(t, 'reportPublisher', OrganisationRef, 'The organisation that published it.'),
    authors: hopConnection(t, 'reportAuthors', PersonRef, { description: 'Named authors.' }),
    citedIn: hopConnection(t, 'reportCitedIn', ItemRef, { description: 'Items that cite it, newest first.' }),
    feeds: hopConnection(t, 'reportFeeds', NetworkRef, {
      description: 'Networks it feeds (derived: see Network.reports), with the rule and matched terms.',
      edgeFields: feedEdgeFields,
    }),
  }),
});

/** The explanation a derived FEEDS edge carries. */
export function feedEdgeFields(e: EdgeFieldBuilder) {
  return {
    rule: e.string({
      description: 'The strongest rule that fired: names-network, names-contact or topic-lexicon.',
      resolve: (edge) => String(edge.rel.rule),
    }),
    rules: e.stringList({ resolve: (edge) => (edge.rel.rules as string[] | undefined) ?? [] }),
    terms: e.stringList({
      description: 'The names or lexicon terms that matched.',
      resolve: (edge) => (edge.rel.terms as string[] | undefined) ?? [],
    }),
  };
}
