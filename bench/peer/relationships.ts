/**
 * The peer's relationship fields, written from seslip-kg's edge catalogue (src/graph/edges.ts) as
 * @neo4j/graphql typeDefs: every hop field the API has, on the same type, with the same name, the edge type
 * and direction the loader writes, and the relationship's stored properties (its own and its evidence).
 * type-defs.graphql holds the rest: the stored node properties, the label groups and the @cypher queries.
 */
import {
  EDGE_CATALOGUE,
  EDGE_TYPES,
  EVIDENCE_PROPERTIES,
  HOP_FIELDS,
  NODE_LABELS,
  targetNameOf,
  type EdgeType,
  type HopField,
  type PropertyType,
} from '../../src/graph/index.js';

const SCALARS: Record<PropertyType, string> = {
  string: 'String',
  int: 'Int',
  boolean: 'Boolean',
  // Dates are stored as ISO strings (2022-07-05), and the peer reads them as stored.
  date: 'String',
  'string[]': '[String!]',
};

/** The @relationshipProperties type of an edge type: HAS_ITEM → HasItemProperties. */
export const propertiesTypeOf = (type: EdgeType): string =>
  `${type
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}Properties`;

const relationshipOf = ({ name, type, direction, reaches }: HopField): string => {
  // POSSIBLY_SAME_AS means the same either way: the peer reads it undirected, as the API reads both ways.
  const way =
    direction === 'both'
      ? 'direction: OUT, queryDirection: UNDIRECTED'
      : `direction: ${direction.toUpperCase()}`;
  // A field that holds one node (a report's publisher) is a list here, read with `limit: 1`.
  return `  ${name}: [${targetNameOf(reaches)}!]! @relationship(type: "${type}", ${way}, properties: "${propertiesTypeOf(type)}")`;
};

const propertiesOf = (type: EdgeType): string => {
  const own = Object.entries(EDGE_CATALOGUE[type].props as Record<string, PropertyType>).map(
    ([name, propertyType]) => `  ${name}: ${SCALARS[propertyType]}`,
  );
  const evidence = EVIDENCE_PROPERTIES.map((name) =>
    name === 'firstSeen' || name === 'lastSeen' ? `  ${name}: String` : `  ${name}: [String!]`,
  );
  return `type ${propertiesTypeOf(type)} @relationshipProperties {\n${[...own, ...evidence].join('\n')}\n}`;
};

/** The relationship fields of every type and the properties type of every edge type they walk. */
export function peerRelationshipTypeDefs(): string {
  const extensions = NODE_LABELS.flatMap((label) => {
    const fields = HOP_FIELDS.filter((field) => field.label === label);
    return fields.length === 0 ? [] : [`extend type ${label} {\n${fields.map(relationshipOf).join('\n')}\n}`];
  });
  const walked = EDGE_TYPES.filter((type) => HOP_FIELDS.some((field) => field.type === type));
  return [...extensions, ...walked.map(propertiesOf)].join('\n\n') + '\n';
}
