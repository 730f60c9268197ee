import { sourceIssueUid, sourceItemUid, type Evidence } from '../../graph/index.js';
import { builder } from '../builder.js';
import { IssueRef, ItemRef, narrowed } from '../refs.js';
import { nodeSelection } from '../selection.js';

export const EvidenceRef = builder.objectRef<Evidence>('Evidence').implement({
  description: 'Where a fact was read: the Update, the item within it, and the sentence or line as written.',
  fields: (t) => ({
    issue: t.field({
      type: IssueRef,
      nullable: true,
      resolve: async (e, _args, { loaders }, info) => {
        const node = await loaders.node(sourceIssueUid(e.source), nodeSelection(info));
        return node === null ? null : narrowed(node, ['Issue']);
      },
    }),
    item: t.field({
      type: ItemRef,
      nullable: true,
      description: 'Null when the fact comes from the Update as a whole (its contact list).',
      resolve: async (e, _args, { loaders }, info) => {
        const uid = sourceItemUid(e.source);
        const node = uid === null ? null : await loaders.node(uid, nodeSelection(info));
        return node === null ? null : narrowed(node, ['Item']);
      },
    }),
    quote: t.exposeString('quote'),
    date: t.expose('date', { type: 'Date', description: "The Update's date." }),
    source: t.exposeString('source', { description: 'Key of the Item or Update the fact was read from.' }),
  }),
});
