import { builder } from '../builder.js';
import { hopConnection, nodeOptions, text, whole } from '../fields.js';
import { IssueRef, ItemRef, PersonRef } from '../refs.js';

builder.node(IssueRef, {
  ...nodeOptions('Issue'),
  description: 'One weekly SESLIP Update (newsletter).',
  fields: (t) => ({
    number: t.int({ resolve: whole('number') }),
    date: t.field({ type: 'Date', resolve: text('date') }),
    headline: t.string({ resolve: text('headline') }),
    sourceFile: t.string({ resolve: text('sourceFile') }),
    truncated: t.boolean({
      description: 'The source file was cut short; what was there was loaded.',
      resolve: (issue) => issue.truncated === true,
    }),
    items: hopConnection(t, 'issueItems', ItemRef, {
      description: 'The headed items, in the order of the Update.',
      edgeFields: (e) => ({
        position: e.int({ resolve: (edge) => Number(edge.rel.position) }),
        section: e.string({ resolve: (edge) => String(edge.rel.section) }),
      }),
    }),
    contacts: hopConnection(t, 'issueContacts', PersonRef, {
      description: "The Update's contact list.",
      edgeFields: (e) => ({ role: e.string({ resolve: (edge) => String(edge.rel.role ?? '') }) }),
    }),
  }),
});
