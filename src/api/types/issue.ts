import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { IssueRef } from '../refs.js';

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
    ...hopFields(t, 'Issue'),
  }),
});
