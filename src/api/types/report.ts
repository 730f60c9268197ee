import { builder } from '../builder.js';
import { hopConnection, hopOne, nodeOptions, relText, relTexts, type EdgeFieldBuilder } from '../fields.js';
import { ReportRef, TARGETS } from '../refs.js';

builder.node(ReportRef, {
  ...nodeOptions('Report'),
  description: 'A publication named in the Updates (report, guidance, consultation, toolkit, statistics…).',
  fields: (t) => ({
    title: t.string({ resolve: (report) => report.title ?? '' }),
    publishedOn: t.field({ type: 'Date', nullable: true, resolve: (report) => report.publishedOn ?? null }),
    kind: t.string({
      nullable: true,
      description: 'report, guidance, consultation… where the text says so.',
      resolve: (report) => report.kind ?? null,
    }),
    verb: t.string({
      nullable: true,
      description: 'published, updated, launched… as written.',
      resolve: (report) => report.verb ?? null,
    }),
    url: t.string({
      nullable: true,
      description:
        'The address its title linked to, when an Update was read from a web page or e-mail: absolute, host lower-case, no fragment or utm_* parameters.',
      resolve: (report) => report.url ?? null,
    }),
    publisher: hopOne(
      t,
      'reportPublisher',
      TARGETS.Publisher,
      'Who published it: an organisation, a local authority or a network.',
    ),
    authors: hopConnection(t, 'ReportAuthors', 'reportAuthors', TARGETS.Person, {
      description: 'Named authors.',
    }),
    citedIn: hopConnection(t, 'ReportCitedIn', 'reportCitedIn', TARGETS.Item, {
      description: 'Items that cite it, newest first.',
    }),
    feeds: hopConnection(t, 'ReportFeeds', 'reportFeeds', TARGETS.Network, {
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
      resolve: (edge) => relText(edge, 'rule') ?? '',
    }),
    rules: e.stringList({ resolve: (edge) => relTexts(edge, 'rules') }),
    terms: e.stringList({
      description: 'The names or lexicon terms that matched.',
      resolve: (edge) => relTexts(edge, 'terms'),
    }),
  };
}
