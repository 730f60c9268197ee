import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import { evidenceFields, hopFields, hopSlice, listedHop, nodeOptions, type HopEdge } from '../fields.js';
import { showsOf } from '../edge-data.js';
import { MAX_PAGE_SIZE } from '../pagination.js';
import { IssueRef, narrowed, PersonRef, TARGETS } from '../refs.js';
import { edgePropsAt, evidenceAt, propsAt, stored, storedList } from '../selection.js';
import { propsOnly } from '../../storage/nodes.js';
import type { GraphNode } from '../../graph/index.js';

type Listing = Omit<HopEdge, 'cursor'>;

const LISTED_IN = showsOf('LISTED_IN');

/** How the contact lists name a person over time: one per Update that listed them. */
const PersonRoleRef = builder.objectRef<Listing>('PersonRole').implement({
  description: 'A role a person was listed under in one Update’s contact list.',
  fields: (t) => ({
    role: t.string(LISTED_IN.requiredText('role')),
    organisation: t.string({
      nullable: true,
      description: 'The organisation or authority in brackets, as written.',
      ...LISTED_IN.text('organisation'),
    }),
    issue: t.field({ type: IssueRef, resolve: (listing) => narrowed(listing.node, ['Issue']) }),
    ...evidenceFields(t),
  }),
});

const ContactDetailRef = builder.objectRef<Listing>('ContactDetail').implement({
  description: 'Email and phone as one Update listed them.',
  fields: (t) => ({
    issue: t.field({ type: IssueRef, resolve: (listing) => narrowed(listing.node, ['Issue']) }),
    email: t.string({ nullable: true, ...LISTED_IN.text('email') }),
    phone: t.string({ nullable: true, ...LISTED_IN.text('phone') }),
  }),
});

/** A person's contact-list entries, oldest first, at most MAX_PAGE_SIZE, with the values asked for. */
async function listings(person: GraphNode, context: Context, info: GraphQLResolveInfo): Promise<Listing[]> {
  const projection = listedHop(
    info.path.key.toString(),
    { type: 'LISTED_IN', direction: 'out' },
    {
      oldestFirst: true,
      node: propsOnly(propsAt(info, ['issue'])),
      // The relationship values the list's fields select (role or email…, evidence's count and dates).
      relProps: edgePropsAt(info),
      evidence: evidenceAt(info),
    },
  );
  const slice = await hopSlice(person, TARGETS.Issue, projection, context);
  return slice.items;
}

builder.node(PersonRef, {
  ...nodeOptions('Person'),
  description: 'A person named in the Updates: a contact, an author, a sponsor.',
  fields: (t) => ({
    name: t.string(stored(t, 'name')),
    variants: t.stringList({
      description: 'Other ways the name is written (Phil Simpkins…).',
      ...storedList(t, 'variants'),
    }),
    roles: t.field({
      type: [PersonRoleRef],
      description: `Roles in the contact lists, oldest first (the first ${MAX_PAGE_SIZE}).`,
      resolve: (person, _args, context, info) => listings(person, context, info),
    }),
    contactDetails: t.field({
      type: [ContactDetailRef],
      nullable: true,
      description:
        'Email and phone per Update, oldest first. Only for requests with `Authorization: Bearer <API key>`.',
      resolve: (person, _args, context, info) => {
        if (!context.authorised)
          throw forbidden('contact details need an API key: send Authorization: Bearer <key> (see API_KEYS)');
        return listings(person, context, info);
      },
    }),
    ...hopFields(t, 'Person'),
  }),
});
