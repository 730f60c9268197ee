import type { GraphQLResolveInfo } from 'graphql';
import { normaliseName } from '../../text/names.js';
import { issueUid, uidOf, type GraphNode, type NodeLabel } from '../../graph/index.js';
import { mergedInto } from '../../storage/decisions.js';
import { readList, wordPattern, type ListFilters } from '../../storage/lists.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { connectionRef, nodeConnectionRef, pagedComplexity, pagingArgs, type Target } from '../fields.js';
import { pageOf, type PageArgs } from '../pagination.js';
import { resolveFilter, resolveName } from '../names.js';
import { narrowed, TARGETS } from '../refs.js';
import { listProjection, nodeProjection, rootWindow } from '../selection.js';

/**
 * Root fields: one entity by number, name or id, and filtered lists (ordered, filtered, sliced and counted
 * in Cypher). Lookups by name accept any case and every alias in data/ (`network(name: "qa network")`,
 * `organisation(name: "Oftsed")`).
 */

/** A node by uid; a uid a curator merged into another node finds that node. */
export async function loadFollowingMerges(
  uid: string,
  { loaders, db }: Pick<Context, 'loaders' | 'db'>,
  info: GraphQLResolveInfo,
) {
  const node = await loaders.node(uid, nodeProjection(info));
  if (node !== null) return node;
  const kept = await mergedInto(db, uid);
  return kept === null ? null : loaders.node(kept, nodeProjection(info));
}

async function oneNode<L extends NodeLabel>(
  uid: string,
  labels: readonly L[],
  { loaders, db }: Context,
  info: GraphQLResolveInfo,
) {
  const node = await loadFollowingMerges(uid, { loaders, db }, info);
  return node === null ? null : narrowed(node, labels);
}

/** The name of a root list's order, which its cursors carry: the list, with its label and orderBy if it takes them. */
const listOrderName = (name: string, filters: object): string =>
  [
    name,
    'label' in filters ? String(filters.label) : '',
    'orderBy' in filters ? String(filters.orderBy) : '',
  ].join(':');

/** One page of a root list, with the properties the request selected. */
async function listPage<Name extends keyof ListFilters>(
  name: Name,
  filters: ListFilters[Name],
  args: PageArgs,
  { db }: Context,
  info: GraphQLResolveInfo,
) {
  const order = listOrderName(name, filters);
  return pageOf(
    await readList(db, name, filters, rootWindow(info, args, order), listProjection(info)),
    order,
  );
}

/**
 * The resolver of a root list: a page of the Cypher list `name`, filtered as `filters` reads the field's
 * arguments (resolving names to keys where it needs the database).
 */
function listed<Name extends keyof ListFilters, Args extends PageArgs>(
  name: Name,
  filters: (args: Args, context: Context) => ListFilters[Name] | Promise<ListFilters[Name]>,
) {
  return async (_root: unknown, args: Args, context: Context, info: GraphQLResolveInfo) =>
    listPage(name, await filters(args, context), args, context, info);
}

const ReportOrderEnum = builder.enumType('ReportOrder', {
  values: {
    NEWEST_FIRST: { description: 'Latest publication first, undated last.' },
    OLDEST_FIRST: { description: 'Earliest publication first, undated last.' },
    TITLE: { description: 'By title, A to Z.' },
    MOST_CITED: { description: 'Cited by the most items first.' },
  } as const,
});

const PersonOrderEnum = builder.enumType('PersonOrder', {
  values: {
    NAME: { description: 'By name.' },
    LAST_SEEN: { description: 'Named in the latest Update first.' },
  } as const,
});

const OrganisationOrderEnum = builder.enumType('OrganisationOrder', {
  values: {
    NAME: { description: 'By name.' },
    MOST_REPORTS: { description: 'Most reports published first (within topic, from and to).' },
  } as const,
});

/** A root list edge with the figure the list counted (an organisation's reports). */
const OrganisationListEdgeRef = builder
  .objectRef<{ cursor: string; node: GraphNode; count: number | null }>('QueryOrganisationsConnectionEdge')
  .implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: TARGETS.Organisation.ref, resolve: (e) => narrowed(e.node, ['Organisation']) }),
      reportCount: t.int({
        description: 'Reports it published that match the list’s topic, from and to.',
        resolve: (e) => e.count ?? 0,
      }),
    }),
  });

builder.queryFields((t) => {
  const dateArg = (description: string) => t.arg({ type: 'Date', required: false, description });
  const nameArg = t.arg.string({ required: true, description: 'Any case; aliases accepted.' });
  const byName = (target: Target, label: NodeLabel) =>
    t.field({
      type: target.ref,
      nullable: true,
      args: { name: nameArg },
      resolve: async (_root, args, context, info) =>
        oneNode(
          uidOf(label, await resolveName(label, args.name, context, nodeProjection(info))),
          target.labels,
          context,
          info,
        ),
    });
  const named = (
    name: string,
    target: Target,
    label: ListFilters['list-named']['label'],
    description: string,
  ) =>
    t.field({
      type: nodeConnectionRef(name, target),
      description,
      args: pagingArgs(t),
      complexity: pagedComplexity,
      resolve: listed('list-named', () => ({ label, seslip: null })),
    });
  return {
    issue: t.field({
      type: TARGETS.Issue.ref,
      nullable: true,
      args: { number: t.arg.int({ required: true }) },
      resolve: (_root, { number }, context, info) =>
        oneNode(issueUid(number), TARGETS.Issue.labels, context, info),
    }),
    issues: t.field({
      type: nodeConnectionRef('QueryIssues', TARGETS.Issue),
      description: 'Updates, newest first.',
      args: {
        ...pagingArgs(t),
        from: dateArg('Dated on or after'),
        to: dateArg('Dated on or before'),
        number: t.arg.int({ required: false }),
      },
      complexity: pagedComplexity,
      resolve: listed('list-issues', (args) => ({
        from: args.from ?? null,
        to: args.to ?? null,
        number: args.number ?? null,
      })),
    }),
    item: t.field({
      type: TARGETS.Item.ref,
      nullable: true,
      args: { id: t.arg.globalID({ required: true, for: TARGETS.Item.ref }) },
      resolve: (_root, { id }, context, info) =>
        oneNode(uidOf('Item', id.id), TARGETS.Item.labels, context, info),
    }),
    items: t.field({
      type: nodeConnectionRef('QueryItems', TARGETS.Item),
      description: 'Items, newest Update first, in Update order within one.',
      args: {
        ...pagingArgs(t),
        section: t.arg.string({ required: false, description: 'main, reminders, network-dates, key-dates…' }),
        from: dateArg('Update dated on or after'),
        to: dateArg('Update dated on or before'),
        text: t.arg.string({
          required: false,
          description: 'Words in the title, body or action (any case).',
        }),
      },
      complexity: pagedComplexity,
      resolve: listed('list-items', (args) => ({
        section: args.section ?? null,
        from: args.from ?? null,
        to: args.to ?? null,
        text: args.text ?? null,
      })),
    }),
    report: t.field({
      type: TARGETS.Report.ref,
      nullable: true,
      args: { title: t.arg.string({ required: true, description: 'The title, any case.' }) },
      resolve: (_root, { title }, context, info) =>
        oneNode(uidOf('Report', normaliseName(title)), TARGETS.Report.labels, context, info),
    }),
    reports: t.field({
      type: nodeConnectionRef('QueryReports', TARGETS.Report),
      description: 'Reports, newest first unless orderBy says otherwise.',
      args: {
        ...pagingArgs(t),
        publisher: t.arg.string({ required: false, description: 'Publisher name or alias (DfE, Ofsted…).' }),
        from: dateArg('Published on or after'),
        to: dateArg('Published on or before'),
        text: t.arg.string({ required: false, description: 'Words in the title (any case).' }),
        orderBy: t.arg({ type: ReportOrderEnum, required: false, defaultValue: 'NEWEST_FIRST' }),
      },
      complexity: pagedComplexity,
      resolve: listed('list-reports', async (args, context) => ({
        publisher: await resolveFilter('Organisation', args.publisher, context),
        from: args.from ?? null,
        to: args.to ?? null,
        text: args.text ?? null,
        orderBy: args.orderBy ?? 'NEWEST_FIRST',
      })),
    }),
    organisation: byName(TARGETS.Organisation, 'Organisation'),
    organisations: t.field({
      type: connectionRef('QueryOrganisations', OrganisationListEdgeRef),
      description:
        'Organisations by name, or by how many reports they published (on a topic, in a period): "who published most on SEND in 2022" is `organisations(orderBy: MOST_REPORTS, topic: "SEND", from: "2022-01-01", to: "2022-12-31")`.',
      args: {
        ...pagingArgs(t),
        orderBy: t.arg({ type: OrganisationOrderEnum, required: false, defaultValue: 'NAME' }),
        topic: t.arg.string({
          required: false,
          description:
            'Count only reports whose title, or a network they feed, names this (whole words, any case).',
        }),
        from: dateArg('Count only reports published on or after'),
        to: dateArg('Count only reports published on or before'),
        publishersOnly: t.arg.boolean({
          required: false,
          defaultValue: false,
          description: 'Leave out organisations with no such report.',
        }),
      },
      complexity: pagedComplexity,
      resolve: listed('list-organisations', (args) => ({
        orderBy: args.orderBy ?? 'NAME',
        from: args.from ?? null,
        to: args.to ?? null,
        topic: args.topic === null || args.topic === undefined ? null : wordPattern(args.topic),
        publishersOnly: args.publishersOnly ?? false,
      })),
    }),
    person: byName(TARGETS.Person, 'Person'),
    people: t.field({
      type: nodeConnectionRef('QueryPeople', TARGETS.Person),
      description: 'People by name.',
      args: {
        ...pagingArgs(t),
        organisation: t.arg.string({ required: false, description: 'Works for (name or alias).' }),
        authority: t.arg.string({ required: false, description: 'Based at (name or alias).' }),
        network: t.arg.string({ required: false, description: 'Contact for (name or alias).' }),
        orderBy: t.arg({ type: PersonOrderEnum, required: false, defaultValue: 'NAME' }),
      },
      complexity: pagedComplexity,
      resolve: listed('list-people', async (args, context) => ({
        organisation: await resolveFilter('Organisation', args.organisation, context),
        authority: await resolveFilter('LocalAuthority', args.authority, context),
        network: await resolveFilter('Network', args.network, context),
        orderBy: args.orderBy ?? 'NAME',
      })),
    }),
    network: byName(TARGETS.Network, 'Network'),
    networks: named('QueryNetworks', TARGETS.Network, 'Network', 'Networks by name.'),
    meeting: t.field({
      type: TARGETS.Meeting.ref,
      nullable: true,
      args: { id: t.arg.globalID({ required: true, for: TARGETS.Meeting.ref }) },
      resolve: (_root, { id }, context, info) =>
        oneNode(uidOf('Meeting', id.id), TARGETS.Meeting.labels, context, info),
    }),
    meetings: t.field({
      type: nodeConnectionRef('QueryMeetings', TARGETS.Meeting),
      description: 'Meetings and events, soonest first.',
      args: {
        ...pagingArgs(t),
        network: t.arg.string({ required: false, description: 'Network name or alias.' }),
        from: dateArg('On or after'),
        to: dateArg('On or before'),
      },
      complexity: pagedComplexity,
      resolve: listed('list-meetings', async (args, context) => ({
        network: await resolveFilter('Network', args.network, context),
        from: args.from ?? null,
        to: args.to ?? null,
      })),
    }),
    localAuthority: byName(TARGETS.LocalAuthority, 'LocalAuthority'),
    localAuthorities: t.field({
      type: nodeConnectionRef('QueryLocalAuthorities', TARGETS.LocalAuthority),
      description: 'Local authorities named in the Updates, by name.',
      args: {
        ...pagingArgs(t),
        seslip: t.arg.boolean({ required: false, description: 'Only (or no) SESLIP authorities.' }),
      },
      complexity: pagedComplexity,
      resolve: listed('list-named', (args) => ({ label: 'LocalAuthority', seslip: args.seslip ?? null })),
    }),
  };
});
