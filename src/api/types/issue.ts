import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { reads, stored } from '../selection.js';
import { IssueRef } from '../refs.js';

builder.node(IssueRef, {
  ...nodeOptions('Issue'),
  description: 'One weekly SESLIP Update (newsletter).',
  fields: (t) => ({
    number: t.int(stored(t, 'number')),
    date: t.field({ type: 'Date', ...stored(t, 'date') }),
    headline: t.string(stored(t, 'headline')),
    sourceFile: t.string(stored(t, 'sourceFile')),
    truncated: t.boolean({
      description: 'The source file was cut short; what was there was loaded.',
      // Only a cut file is marked.
      extensions: reads('truncated'),
      resolve: (issue) => issue.truncated === true,
    }),
    ...hopFields(t, 'Issue'),
  }),
});
