import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { hitDate, hopConnection, nodeOptions, text, texts, uidOfNode } from '../fields.js';
import type { Hit } from '../loaders.js';
import { IssueRef, ItemRef, LocalAuthorityRef, NetworkRef, OrganisationRef, PersonRef } from '../refs.js';
import { EvidenceRef, evidenceOf } from './evidence.js';

/** How the contact lists name a person over time: one per Update that listed them. */
const PersonRoleRef = builder.objectRef<Hit>('PersonRole').implement({
  description: 'A role a person was listed under in one Update’s contact list.',
  fields: (t) => ({
    role: t.string({ resolve: (hit) => String(hit.rel.role ?? '') }),
    organisation: t.string({
      nullable: true,
      description: 'The organisation or authority in brackets, as written.',
      resolve: (hit) => (hit.rel.organisation as string | undefined) ?? null,
    }),
    issue: t.field({ type: IssueRef, resolve: (hit) => hit.node }),
    evidence: t.field({ type: [EvidenceRef], resolve: (hit) => evidenceOf(hit.rel) }),
  }),
});

const ContactDetailRef = builder.objectRef<Hit>('ContactDetail').implement({
  description: 'Email and phone as one Update listed them.',
  fields: (t) => ({
    issue: t.field({ type: IssueRef, resolve: (hit) => hit.node }),
    email: t.string({ nullable: true, resolve: (hit) => (hit.rel.email as string | undefined) ?? null }),
    phone: t.string({ nullable: true, resolve: (hit) => (hit.rel.phone as string | undefined) ?? null }),
  }),
});

const oldestFirst = (hits: Hit[]): Hit[] =>
  [...hits].sort((a, b) => String(a.node.date).localeCompare(String(b.node.date)));

builder.node(PersonRef, {
  ...nodeOptions('Person'),
  description: 'A person named in the Updates: a contact, an author, a sponsor.',
  fields: (t) => ({
    name: t.string({ resolve: text('name') }),
    variants: t.stringList({
      description: 'Other ways the name is written (Phil Simpkins…).',
      resolve: texts('variants'),
    }),
    roles: t.field({
      type: [PersonRoleRef],
      description: 'Roles in the contact lists, oldest first.',
      resolve: async (person, _args, { loaders }) =>
        oldestFirst(await loaders.hop('personListings', uidOfNode(person))),
    }),
    contactDetails: t.field({
      type: [ContactDetailRef],
      nullable: true,
      description:
        'Email and phone per Update, oldest first. Only for requests with `Authorization: Bearer <API key>`.',
      resolve: async (person, _args, { loaders, authorised }) => {
        if (!authorised) {
          throw new GraphQLError(
            'contact details need an API key: send Authorization: Bearer <key> (see API_KEYS)',
            {
              extensions: { code: 'FORBIDDEN' },
            },
          );
        }
        return oldestFirst(await loaders.hop('personListings', uidOfNode(person)));
      },
    }),
    networks: hopConnection(t, 'personNetworks', NetworkRef, {
      description: 'Networks they are the contact for.',
    }),
    organisations: hopConnection(t, 'personOrganisations', OrganisationRef, {
      description: 'Organisations they work for.',
    }),
    localAuthorities: hopConnection(t, 'personAuthorities', LocalAuthorityRef, {
      description: 'Local authorities they are based at.',
    }),
    mentionedIn: hopConnection(t, 'mentionedIn', ItemRef, {
      description: 'Items that name them.',
      dateOf: hitDate,
    }),
    possiblySameAs: t.field({
      type: [PersonRef],
      description:
        'Other people with the same surname and initial: a candidate for a person to confirm, never merged.',
      resolve: async (person, _args, { loaders }) => {
        const uid = uidOfNode(person);
        const hits = [
          ...(await loaders.hop('personPossiblySameAsOut', uid)),
          ...(await loaders.hop('personPossiblySameAsIn', uid)),
        ];
        return hits.map((hit) => hit.node);
      },
    }),
  }),
});
