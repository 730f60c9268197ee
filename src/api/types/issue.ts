import { builder } from '../builder.js';
import { hopConnection, nodeOptions, relInt, relText } from '../fields.js';
import { IssueRef, TARGETS } from '../refs.js';

builder.node(IssueRef, {
  ...nodeOptions('Issue'),
  description: 'One weekly SESLIP Update (newsletter).',
  fields: (t) => ({
    number: t.int({ resolve: (issue) => issue.number ?? 0 }),
    date: t.field({ type: 'Date', resolve: (issue) => issue.date ?? '' }),
    headline: t.string({ resolve: (issue) => issue.headline ?? '' }),
    sourceFile: t.string({ resolve: (issue) => issue.sourceFile ?? '' }),
    truncated: t.boolean({
      description: 'The source file was cut short; what was there was loaded.',
      resolve: (issue) => issue.truncated === true,
    }),
    items: hopConnection(t, 'IssueItems', 'issueItems', TARGETS.Item, {
      description: 'The headed items, in the order of the Update.',
      edgeFields: (e) => ({
        position: e.int({ resolve: (edge) => relInt(edge, 'position') ?? 0 }),
        section: e.string({ resolve: (edge) => relText(edge, 'section') ?? '' }),
      }),
    }),
    contacts: hopConnection(t, 'IssueContacts', 'issueContacts', TARGETS.Person, {
      description: "The Update's contact list.",
      edgeFields: (e) => ({ role: e.string({ resolve: (edge) => relText(edge, 'role') ?? '' }) }),
    }),
  }),
});
