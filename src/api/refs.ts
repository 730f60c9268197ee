import { NODE_LABELS, type NodeLabel } from '../extract/records.js';
import { builder } from './builder.js';
import type { GraphNode } from './loaders.js';

/**
 * The object types of the graph, declared before they are implemented (src/api/types/*) so that each
 * type module can point at the others without import cycles.
 */
const entity = (label: NodeLabel) => builder.objectRef<GraphNode>(label);

export const IssueRef = entity('Issue');
export const ItemRef = entity('Item');
export const ReportRef = entity('Report');
export const OrganisationRef = entity('Organisation');
export const PersonRef = entity('Person');
export const NetworkRef = entity('Network');
export const MeetingRef = entity('Meeting');
export const LocalAuthorityRef = entity('LocalAuthority');

/** What an Item can mention. */
export const MentionableRef = builder.unionType('Mentionable', {
  types: [PersonRef, OrganisationRef, LocalAuthorityRef, NetworkRef],
  resolveType: (node) => node.label,
});

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'The kinds of entity in the graph (the node labels).',
  values: NODE_LABELS,
});
