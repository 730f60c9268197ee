import { builder } from '../builder.js';
import { uidOf, type Hit } from '../loaders.js';
import { IssueRef, ItemRef } from '../refs.js';

/** One place an edge was read: the Update, the Item (null for Update-level facts such as the contact list), the words. */
export interface EvidenceShape {
  source: string;
  quote: string;
  date: string;
}

/** The evidence lists every edge stores (sources, quotes, seenOn), as one list of records. */
export function evidenceOf(rel: Hit['rel']): EvidenceShape[] {
  const sources = (rel.sources as string[] | undefined) ?? [];
  const quotes = (rel.quotes as string[] | undefined) ?? [];
  const dates = (rel.seenOn as string[] | undefined) ?? [];
  return sources.map((source, i) => ({ source, quote: quotes[i] ?? '', date: dates[i] ?? '' }));
}

/** Evidence sources are Item keys ("518/3") or Issue keys ("issue:518"). */
const issueNumberOf = (source: string): number => Number(/^(?:issue:)?(\d+)/.exec(source)?.[1]);

export const EvidenceRef = builder.objectRef<EvidenceShape>('Evidence').implement({
  description: 'Where a fact was read: the Update, the item within it, and the sentence or line as written.',
  fields: (t) => ({
    issue: t.field({
      type: IssueRef,
      nullable: true,
      resolve: (e, _args, { loaders }) =>
        loaders.nodes.load(uidOf('Issue', `issue:${issueNumberOf(e.source)}`)),
    }),
    item: t.field({
      type: ItemRef,
      nullable: true,
      description: 'Null when the fact comes from the Update as a whole (its contact list).',
      resolve: (e, _args, { loaders }) =>
        e.source.startsWith('issue:') ? null : loaders.nodes.load(uidOf('Item', e.source)),
    }),
    quote: t.exposeString('quote'),
    date: t.expose('date', { type: 'Date', description: "The Update's date." }),
    source: t.exposeString('source', { description: 'Key of the Item or Update the fact was read from.' }),
  }),
});
