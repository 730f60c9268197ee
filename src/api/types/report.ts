import { builder } from '../builder.js';
import { hopFields, nodeOptions } from '../fields.js';
import { stored, storedOrNull } from '../selection.js';
import { ReportRef } from '../refs.js';

builder.node(ReportRef, {
  ...nodeOptions('Report'),
  description: 'A publication named in the Updates (report, guidance, consultation, toolkit, statistics…).',
  fields: (t) => ({
    title: t.string(stored(t, 'title')),
    publishedOn: t.field({ type: 'Date', nullable: true, ...storedOrNull(t, 'publishedOn') }),
    kind: t.string({
      nullable: true,
      description: 'report, guidance, consultation… where the text says so.',
      ...storedOrNull(t, 'kind'),
    }),
    verb: t.string({
      nullable: true,
      description: 'published, updated, launched… as written.',
      ...storedOrNull(t, 'verb'),
    }),
    url: t.string({
      nullable: true,
      description:
        'The address its title linked to, when an Update was read from a web page or e-mail: absolute, host lower-case, no fragment or utm_* parameters.',
      ...storedOrNull(t, 'url'),
    }),
    ...hopFields(t, 'Report'),
  }),
});
