import { normaliseName } from '../../extract/normalise.js';
import type { NodeLabel } from '../../extract/records.js';
import { builder } from '../builder.js';
import { withTotalCount } from '../fields.js';
import type { Context } from '../context.js';
import { uidOf, type GraphNode } from '../loaders.js';
import { asHits, paginate } from '../pagination.js';
import {
  IssueRef,
  ItemRef,
  LocalAuthorityRef,
  MeetingRef,
  NetworkRef,
  OrganisationRef,
  PersonRef,
  ReportRef,
} from '../refs.js';

/**
 * Root fields: one entity by number, name or id, and filtered lists. Lookups by name accept any case
 * and every alias in data/ (`network(name: "qa network")`, `organisation(name: "Oftsed")`).
 */

/** The node key a name given by a user stands for: its canonical entry's name where data/ knows it. */
function keyForName(label: NodeLabel, name: string, { resolver }: Context): string {
  const canonical =
    label === 'Network'
      ? resolver.resolveNetwork(name)?.name
      : label === 'Organisation'
        ? resolver.resolveOrganisation(name)?.name
        : label === 'LocalAuthority'
          ? resolver.resolveAuthority(name)?.name
          : label === 'Person'
            ? resolver.resolvePerson(name).name
            : undefined;
  return normaliseName(canonical ?? name);
}

const byName = (label: NodeLabel) => (_root: unknown, args: { name: string }, context: Context) =>
  context.loaders.nodes.load(uidOf(label, keyForName(label, args.name, context)));

/** Runs a list query and pages its (ordered) result. */
async function listPage(
  context: Context,
  query: string,
  params: Record<string, unknown>,
  args: Parameters<typeof paginate>[1],
) {
  const rows = await context.db.read(query, params);
  return paginate(asHits(rows.map((row) => row.node as GraphNode)), args);
}

/** A filter given as a name: resolved to the node key the list query compares with, or null when absent. */
const keyOrNull = (label: NodeLabel, name: string | null | undefined, context: Context): string | null =>
  name === null || name === undefined ? null : keyForName(label, name, context);

builder.queryFields((t) => {
  const dateArg = (description: string) => t.arg({ type: 'Date', required: false, description });
  const nameArg = t.arg.string({ required: true, description: 'Any case; aliases accepted.' });
  return {
    issue: t.field({
      type: IssueRef,
      nullable: true,
      args: { number: t.arg.int({ required: true }) },
      resolve: (_root, { number }, { loaders }) => loaders.nodes.load(uidOf('Issue', `issue:${number}`)),
    }),
    issues: t.connection(
      {
        type: IssueRef,
        description: 'Updates, newest first.',
        args: {
          from: dateArg('Dated on or after'),
          to: dateArg('Dated on or before'),
          number: t.arg.int({ required: false }),
        },
        resolve: (_root, args, context) =>
          listPage(
            context,
            'list-issues',
            { from: args.from ?? null, to: args.to ?? null, number: args.number ?? null },
            args,
          ),
      },
      withTotalCount,
    ),
    item: t.field({
      type: ItemRef,
      nullable: true,
      args: { id: t.arg.globalID({ required: true, for: ItemRef }) },
      resolve: (_root, { id }, { loaders }) => loaders.nodes.load(uidOf('Item', id.id)),
    }),
    items: t.connection(
      {
        type: ItemRef,
        description: 'Items, newest Update first, in Update order within one.',
        args: {
          section: t.arg.string({
            required: false,
            description: 'main, reminders, network-dates, key-dates…',
          }),
          from: dateArg('Update dated on or after'),
          to: dateArg('Update dated on or before'),
          text: t.arg.string({
            required: false,
            description: 'Words in the title, body or action (any case).',
          }),
        },
        resolve: (_root, args, context) =>
          listPage(
            context,
            'list-items',
            {
              section: args.section ?? null,
              from: args.from ?? null,
              to: args.to ?? null,
              text: args.text ?? null,
            },
            args,
          ),
      },
      withTotalCount,
    ),
    report: t.field({
      type: ReportRef,
      nullable: true,
      args: { title: t.arg.string({ required: true, description: 'The title, any case.' }) },
      resolve: (_root, { title }, { loaders }) => loaders.nodes.load(uidOf('Report', normaliseName(title))),
    }),
    reports: t.connection(
      {
        type: ReportRef,
        description: 'Reports, newest first.',
        args: {
          publisher: t.arg.string({
            required: false,
            description: 'Publisher name or alias (DfE, Ofsted…).',
          }),
          from: dateArg('Published on or after'),
          to: dateArg('Published on or before'),
          text: t.arg.string({ required: false, description: 'Words in the title (any case).' }),
        },
        resolve: (_root, args, context) =>
          listPage(
            context,
            'list-reports',
            {
              publisher: keyOrNull('Organisation', args.publisher, context),
              from: args.from ?? null,
              to: args.to ?? null,
              text: args.text ?? null,
            },
            args,
          ),
      },
      withTotalCount,
    ),
    organisation: t.field({
      type: OrganisationRef,
      nullable: true,
      args: { name: nameArg },
      resolve: byName('Organisation'),
    }),
    organisations: t.connection(
      {
        type: OrganisationRef,
        description: 'Organisations by name.',
        resolve: (_root, args, context) =>
          listPage(context, 'list-named', { label: 'Organisation', seslip: null }, args),
      },
      withTotalCount,
    ),
    person: t.field({ type: PersonRef, nullable: true, args: { name: nameArg }, resolve: byName('Person') }),
    people: t.connection(
      {
        type: PersonRef,
        description: 'People by name.',
        args: {
          organisation: t.arg.string({ required: false, description: 'Works for (name or alias).' }),
          authority: t.arg.string({ required: false, description: 'Based at (name or alias).' }),
          network: t.arg.string({ required: false, description: 'Contact for (name or alias).' }),
        },
        resolve: (_root, args, context) =>
          listPage(
            context,
            'list-people',
            {
              organisation: keyOrNull('Organisation', args.organisation, context),
              authority: keyOrNull('LocalAuthority', args.authority, context),
              network: keyOrNull('Network', args.network, context),
            },
            args,
          ),
      },
      withTotalCount,
    ),
    network: t.field({
      type: NetworkRef,
      nullable: true,
      args: { name: nameArg },
      resolve: byName('Network'),
    }),
    networks: t.connection(
      {
        type: NetworkRef,
        description: 'Networks by name.',
        resolve: (_root, args, context) =>
          listPage(context, 'list-named', { label: 'Network', seslip: null }, args),
      },
      withTotalCount,
    ),
    meeting: t.field({
      type: MeetingRef,
      nullable: true,
      args: { id: t.arg.globalID({ required: true, for: MeetingRef }) },
      resolve: (_root, { id }, { loaders }) => loaders.nodes.load(uidOf('Meeting', id.id)),
    }),
    meetings: t.connection(
      {
        type: MeetingRef,
        description: 'Meetings and events, soonest first.',
        args: {
          network: t.arg.string({ required: false, description: 'Network name or alias.' }),
          from: dateArg('On or after'),
          to: dateArg('On or before'),
        },
        resolve: (_root, args, context) =>
          listPage(
            context,
            'list-meetings',
            {
              network: keyOrNull('Network', args.network, context),
              from: args.from ?? null,
              to: args.to ?? null,
            },
            args,
          ),
      },
      withTotalCount,
    ),
    localAuthority: t.field({
      type: LocalAuthorityRef,
      nullable: true,
      args: { name: nameArg },
      resolve: byName('LocalAuthority'),
    }),
    localAuthorities: t.connection(
      {
        type: LocalAuthorityRef,
        description: 'Local authorities named in the Updates, by name.',
        args: { seslip: t.arg.boolean({ required: false, description: 'Only (or no) SESLIP authorities.' }) },
        resolve: (_root, args, context) =>
          listPage(context, 'list-named', { label: 'LocalAuthority', seslip: args.seslip ?? null }, args),
      },
      withTotalCount,
    ),
  };
});
