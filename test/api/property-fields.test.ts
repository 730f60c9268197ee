import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/api/schema.js';
import { checkedPropertyFields, PROPERTY_FIELD, readsEdge } from '../../src/api/selection.js';

/**
 * Each field that shows a stored property names it (selection.ts: stored, storedOrNull, storedList, reads),
 * and the schema is checked against the graph model when it is built. Pure: no Neo4j.
 */

/** A schema whose Report type has one field reading `property`. */
const reportReading = (property: string) =>
  new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Report',
      fields: { heading: { type: GraphQLString, extensions: { [PROPERTY_FIELD]: property } } },
    }),
  });
const NODE_TYPES = new Map([['Report', ['Report'] as const]]);

describe('the field → property mapping', () => {
  it('accepts a field named apart from the property it reads, when the graph model stores it', () => {
    expect(() => checkedPropertyFields(reportReading('title'), NODE_TYPES)).not.toThrow();
  });

  it('fails the schema build for a property the graph model does not store', () => {
    expect(() => checkedPropertyFields(reportReading('subtitle'), NODE_TYPES)).toThrow(
      /Report\.heading reads "subtitle", which Report does not store/,
    );
  });

  it('fails it for a property read on a type that is not a node', () => {
    expect(() => checkedPropertyFields(reportReading('title'), new Map())).toThrow(/is not a node type/);
  });

  it('fails it for an edge field reading a property its relationship type does not carry', () => {
    const edgeReading = (property: string) =>
      new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'PersonRole',
          fields: { role: { type: GraphQLString, extensions: readsEdge('LISTED_IN', property) } },
        }),
      });
    expect(() => checkedPropertyFields(edgeReading('role'), NODE_TYPES)).not.toThrow();
    expect(() => checkedPropertyFields(edgeReading('grade'), NODE_TYPES)).toThrow(
      /PersonRole\.role reads "grade", which LISTED_IN does not store/,
    );
  });

  it('the API declares a property on every field that shows one', () => {
    const report = schema.getType('Report') as GraphQLObjectType;
    const declared = Object.values(report.getFields())
      .filter((field) => field.extensions[PROPERTY_FIELD] !== undefined)
      .map((field) => `${field.name}→${String(field.extensions[PROPERTY_FIELD])}`);
    expect(declared.sort()).toEqual([
      'kind→kind',
      'publishedOn→publishedOn',
      'title→title',
      'url→url',
      'verb→verb',
    ]);
  });
});
