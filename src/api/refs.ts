import { LABEL_GROUPS, NODE_LABELS, targetNameOf, type GraphNode, type NodeLabel } from '../graph/index.js';
import { builder } from './builder.js';
import { stored } from './selection.js';

/**
 * The object types of the graph, declared before they are implemented (src/api/types/*) so that each type
 * module can point at the others without import cycles. Each is typed with its label's node shape.
 */
export const IssueRef = builder.objectRef<GraphNode<'Issue'>>('Issue');
export const ItemRef = builder.objectRef<GraphNode<'Item'>>('Item');
export const ReportRef = builder.objectRef<GraphNode<'Report'>>('Report');
export const OrganisationRef = builder.objectRef<GraphNode<'Organisation'>>('Organisation');
export const PersonRef = builder.objectRef<GraphNode<'Person'>>('Person');
export const NetworkRef = builder.objectRef<GraphNode<'Network'>>('Network');
export const MeetingRef = builder.objectRef<GraphNode<'Meeting'>>('Meeting');
export const LocalAuthorityRef = builder.objectRef<GraphNode<'LocalAuthority'>>('LocalAuthority');

/** The GraphQL object type of each label. */
const NODE_REFS = {
  Issue: IssueRef,
  Item: ItemRef,
  Report: ReportRef,
  Organisation: OrganisationRef,
  Person: PersonRef,
  Network: NetworkRef,
  Meeting: MeetingRef,
  LocalAuthority: LocalAuthorityRef,
} as const satisfies Record<NodeLabel, unknown>;

/** What an Item can mention (a group of the edge catalogue). */
export const MentionableRef = builder.unionType('Mentionable', {
  types: LABEL_GROUPS.Mentionable.map((label) => NODE_REFS[label]),
  resolveType: (node) => node.label,
});

/** Who can publish a report (a group of the edge catalogue): every one has a name. */
export const PublisherRef = builder
  .interfaceRef<GraphNode<(typeof LABEL_GROUPS.Publisher)[number]>>('Publisher')
  .implement({
    description: 'A body that published a report: an organisation, a local authority or a network.',
    resolveType: (node) => node.label,
    fields: (t) => ({ name: t.string(stored(t, 'name')) }),
  });

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'The kinds of entity in the graph (the node labels).',
  values: NODE_LABELS,
});

/** A node narrowed to the labels a field declares; the storage layer checked the label already. */
export function narrowed<L extends NodeLabel>(node: GraphNode, labels: readonly L[]): GraphNode<L> {
  if (!(labels as readonly NodeLabel[]).includes(node.label))
    throw new Error(`expected ${labels.join(' or ')}, got ${node.label} ${node.uid}`);
  return node as GraphNode<L>;
}

/** The GraphQL type of each kind of node a field can reach, with the labels it covers. */
export const TARGETS = {
  Issue: { ref: IssueRef, labels: ['Issue'] },
  Item: { ref: ItemRef, labels: ['Item'] },
  Report: { ref: ReportRef, labels: ['Report'] },
  Organisation: { ref: OrganisationRef, labels: ['Organisation'] },
  Person: { ref: PersonRef, labels: ['Person'] },
  Network: { ref: NetworkRef, labels: ['Network'] },
  Meeting: { ref: MeetingRef, labels: ['Meeting'] },
  LocalAuthority: { ref: LocalAuthorityRef, labels: ['LocalAuthority'] },
  Mentionable: { ref: MentionableRef, labels: LABEL_GROUPS.Mentionable },
  Publisher: { ref: PublisherRef, labels: LABEL_GROUPS.Publisher },
} as const;

/** The GraphQL type of a set of labels a hop reaches. */
export const targetOf = (labels: readonly NodeLabel[]) => TARGETS[targetNameOf(labels)];
