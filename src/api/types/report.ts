import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { ReportRef } from '../refs.js';

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
    ...hopFields(t, 'Report'),
  }),
});
