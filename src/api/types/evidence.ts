import { sourceIssueUid, sourceItemUid, type Evidence, type NodeLabel } from '../../graph/index.js';
import type { EvidenceNodes } from '../../storage/rows.js';
import type { Context } from '../context.js';
import { builder } from '../builder.js';
import { IssueRef, ItemRef, narrowed } from '../refs.js';
import { nodeProjection } from '../selection.js';
import { whenRead } from '../when-read.js';
import type { GraphQLResolveInfo } from 'graphql';

/** An evidence entry, with its Update and Item when the relationship's query read them (see EvidenceNodes). */
export interface EvidenceView extends Evidence {
  nodes?: EvidenceNodes | undefined;
}

/** The node read with the relationship (at hand: no promise), else looked up by uid through the loader. */
function evidenceNode<L extends NodeLabel>(
  read: EvidenceNodes[keyof EvidenceNodes] | undefined,
  uid: string | null,
  label: L,
  { loaders }: Context,
  info: GraphQLResolveInfo,
) {
  const found = read !== undefined ? read : uid === null ? null : loaders.node(uid, nodeProjection(info));
  return whenRead(found, (node) => (node === null ? null : narrowed(node, [label])));
}

export const EvidenceRef = builder.objectRef<EvidenceView>('Evidence').implement({
  description: 'Where a fact was read: the Update, the item within it, and the sentence or line as written.',
  fields: (t) => ({
    issue: t.field({
      type: IssueRef,
      nullable: true,
      resolve: (e, _args, context, info) =>
        evidenceNode(e.nodes?.issue, sourceIssueUid(e.source), 'Issue', context, info),
    }),
    item: t.field({
      type: ItemRef,
      nullable: true,
      description: 'Null when the fact comes from the Update as a whole (its contact list).',
      resolve: (e, _args, context, info) =>
        evidenceNode(e.nodes?.item, sourceItemUid(e.source), 'Item', context, info),
    }),
    quote: t.exposeString('quote'),
    date: t.expose('date', { type: 'Date', description: "The Update's date." }),
    source: t.exposeString('source', { description: 'Key of the Item or Update the fact was read from.' }),
  }),
});
