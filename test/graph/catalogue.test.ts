import { readFileSync } from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import {
  getNamedType,
  GraphQLList,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as peerQueries from '../../bench/peer/queries.js';
import { PEER_TYPE_DEFS } from '../../bench/peer/server.js';
import { schema } from '../../src/api/schema.js';
import { HOP_FIELD, type HopFieldMark } from '../../src/api/selection.js';
import {
  EDGE_CATALOGUE,
  EDGE_TYPES,
  HOP_FIELDS,
  LABEL_GROUPS,
  NODE_LABELS,
  targetNameOf,
  type HopField,
  type PropertyType,
} from '../../src/graph/index.js';
import { explorerLinks } from '../../src/server/pages.js';

/**
 * The edge catalogue (src/graph/edges.ts) is the one declaration of every relationship. What is derived
 * from it must say the same: the API's hop fields, the explorer's list, the peer's typeDefs and the edge
 * table of docs/graph-model.md. Each test below compares one of them to the catalogue, so a relationship
 * added, renamed or turned round in one place only fails here.
 */

const ENTITY_TYPES = new Set<string>([...NODE_LABELS, ...Object.keys(LABEL_GROUPS)]);

/** What a field says about a relationship, in one line, so that two sides compare as sorted lists. */
const line = (label: string, name: string, rest: string) => `${label}.${name} ${rest}`;

/** How the catalogue says a field is exposed: its shape and the type it reaches. */
const expectedShape = (field: HopField) =>
  line(
    field.label,
    field.name,
    `${field.shape}${field.dated ? ' dated' : ''} → ${targetNameOf(field.reaches)}`,
  );

const unwrap = (type: GraphQLType): GraphQLType => (isNonNullType(type) ? type.ofType : type);

/** The relationship fields of the API's schema: every field of an entity type that reaches entities. */
function apiRelationshipFields(api: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const label of NODE_LABELS) {
    const type = api.getType(label);
    if (!isObjectType(type)) throw new Error(`${label} is not an object type`);
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const direct = getNamedType(field.type);
      const returned = unwrap(field.type);
      if (ENTITY_TYPES.has(direct.name)) {
        found.push(line(label, field.name, `${isListType(returned) ? 'list' : 'one'} → ${direct.name}`));
        continue;
      }
      if (!isObjectType(direct) || !direct.name.endsWith('Connection') || !('edges' in direct.getFields()))
        continue;
      const edge = getNamedType(direct.getFields().edges!.type);
      const node = isObjectType(edge) ? edge.getFields().node : undefined;
      if (node === undefined || !ENTITY_TYPES.has(getNamedType(node.type).name)) continue;
      const dated = ['from', 'to', 'order'].every((arg) => field.args.some((a) => a.name === arg));
      found.push(
        line(label, field.name, `connection${dated ? ' dated' : ''} → ${getNamedType(node.type).name}`),
      );
    }
  }
  return found.sort();
}

/** The @relationship fields of the peer's typeDefs, with the edge type and direction each declares. */
function peerRelationshipFields(typeDefs: DocumentNode): string[] {
  const found: string[] = [];
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
      continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'relationship');
      if (directive === undefined) continue;
      const arg = (name: string) => {
        const value = directive.arguments?.find((a) => a.name.value === name)?.value;
        return value?.kind === Kind.STRING || value?.kind === Kind.ENUM ? value.value : undefined;
      };
      let target = field.type;
      while (target.kind !== Kind.NAMED_TYPE) target = target.type;
      const way = arg('queryDirection') === 'UNDIRECTED' ? 'both' : arg('direction')!.toLowerCase();
      found.push(
        line(definition.name.value, field.name.value, `${arg('type')} ${way} → ${target.name.value}`),
      );
    }
  }
  return found.sort();
}

describe('the edge catalogue', () => {
  it('puts each field at the end of the edge it walks from, once per label', () => {
    for (const type of EDGE_TYPES) {
      const spec = EDGE_CATALOGUE[type];
      for (const field of spec.fields) {
        const at = field.direction === 'out' ? spec.from : field.direction === 'in' ? spec.to : spec.from;
        for (const label of field.on ?? []) expect(at, `${type} ${field.name}`).toContain(label);
      }
    }
    const names = HOP_FIELDS.map((field) => `${field.label}.${field.name}`);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('is what the API serves: every field of an entity type that reaches entities, shape and type alike', () => {
    const expected = HOP_FIELDS.map(expectedShape);
    // Person.roles and contactDetails read LISTED_IN as lists of roles, not of entities: not hop fields.
    expect(apiRelationshipFields(schema)).toEqual(expected.sort());
  });

  it("is what the API's label groups hold: the union and the interface a field reaches", () => {
    for (const [group, labels] of Object.entries(LABEL_GROUPS))
      expect(
        schema
          .getPossibleTypes(schema.getType(group) as never)
          .map((t) => t.name)
          .sort(),
        group,
      ).toEqual([...labels].sort());
  });

  it('is what each API hop field reads: the edge type and direction of the catalogue', () => {
    const marks = HOP_FIELDS.filter((field) => field.shape !== 'list').map((field) => {
      const type = schema.getType(field.label);
      if (!isObjectType(type)) throw new Error(`${field.label} is not an object type`);
      const mark = type.getFields()[field.name]?.extensions[HOP_FIELD] as HopFieldMark | undefined;
      return [`${field.label}.${field.name}`, mark?.hop, mark?.dated];
    });
    expect(marks).toEqual(
      HOP_FIELDS.filter((field) => field.shape !== 'list').map((field) => [
        `${field.label}.${field.name}`,
        { type: field.type, direction: field.direction },
        field.dated,
      ]),
    );
  });

  it('is what the explorer draws: every hop field of every kind, each one the API answers in that shape', () => {
    const links = explorerLinks();
    const drawn = Object.entries(links).flatMap(([label, fields]) =>
      fields.map((link) => {
        const type = schema.getType(label);
        const field = isObjectType(type) ? type.getFields()[link.field] : undefined;
        expect(field, `${label}.${link.field} is not in the API`).toBeDefined();
        const returned = unwrap(field!.type);
        const shape = link.single ? 'one' : link.list ? 'list' : `connection${link.dated ? ' dated' : ''}`;
        // What the explorer selects: one entity, a list of them, or a connection with totalCount and edges.
        if (link.single)
          expect(isListType(returned) || getNamedType(returned).name.endsWith('Connection')).toBe(false);
        if (link.list) expect(returned).toBeInstanceOf(GraphQLList);
        if (!link.single && !link.list) {
          const connection = getNamedType(returned);
          expect(isObjectType(connection) && Object.keys(connection.getFields())).toEqual(
            expect.arrayContaining(['totalCount', 'edges']),
          );
        }
        if (link.dated)
          expect(field!.args.map((a) => a.name)).toEqual(expect.arrayContaining(['from', 'to']));
        const way = link.undirected ? 'both' : link.out ? 'out' : 'in';
        return line(label, link.field, `${link.relation} ${way} ${shape}`);
      }),
    );
    expect(drawn.sort()).toEqual(
      HOP_FIELDS.map((field) =>
        line(
          field.label,
          field.name,
          `${field.type} ${field.direction} ${field.shape}${field.dated ? ' dated' : ''}`,
        ),
      ).sort(),
    );
    // It covers both ends of the edges the old hand-written list left out.
    expect(links.Network.map((link) => link.field)).toContain('published');
    expect(links.Person.map((link) => link.field)).toContain('possiblySameAs');
  });

  it('is where explore.js takes its fields from: the module the server writes, not a list of its own', () => {
    const script = readFileSync(new URL('../../src/server/pages/explore.js', import.meta.url), 'utf8');
    expect(script).toContain("import { FIELDS } from '/assets/relationships.js';");
    expect(script).not.toMatch(/\b(const|let|var)\s+FIELDS\b/);
    expect(script).not.toMatch(/'(HAS_ITEM|MENTIONS|FEEDS|PUBLISHED_BY)'/);
  });

  it("is what the peer's typeDefs declare: each hop field with the catalogue's edge type and direction", () => {
    expect(peerRelationshipFields(parse(PEER_TYPE_DEFS))).toEqual(
      HOP_FIELDS.map((field) =>
        line(field.label, field.name, `${field.type} ${field.direction} → ${targetNameOf(field.reaches)}`),
      ).sort(),
    );
  });

  it("is what the peer's groups hold, and every benchmark query of the peer is valid against its schema", async () => {
    const peer = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS }).getSchema();
    for (const [group, labels] of Object.entries(LABEL_GROUPS))
      expect(
        peer
          .getPossibleTypes(peer.getType(group) as never)
          .map((t) => t.name)
          .sort(),
        group,
      ).toEqual([...labels].sort());
    // Each query function's first request, checked before anything is sent (the send stops there).
    const sent: string[] = [];
    const stop = new Error('sent');
    const send = async (text: string) => {
      sent.push(text);
      throw stop;
    };
    const calls = [
      () => peerQueries.reportFeeds(send),
      () => peerQueries.networkContacts(send),
      () => peerQueries.authorityMentions(send, 'isle of wight'),
      () => peerQueries.publishedBy(send, 'department for education'),
      () => peerQueries.networkMeetings(send, 'se quality assurance network'),
      () => peerQueries.searchAndStats(send, 'fostering'),
      () => peerQueries.deepNetworkReports(send),
      () => peerQueries.deepPeopleMeetings(send),
    ];
    for (const call of calls) await expect(call()).rejects.toBe(stop);
    expect(sent).toHaveLength(calls.length);
    for (const text of sent)
      expect(
        validate(peer, parse(text)).map((e) => e.message),
        text,
      ).toEqual([]);
  });

  it('is the edge table of docs/graph-model.md: every edge type with its ends and its properties', () => {
    const doc = readFileSync(new URL('../../docs/graph-model.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `\((.+?)\)-\[:(\w+)(?: \{(.*?)\})?\]->\((.+?)\)` +\|/gm)].map(
      ([, from, type, props, to]) => {
        const labels = (list: string) => list!.split(' \\| ').sort().join(' | ');
        return `${type} ${labels(from!)} → ${labels(to!)} {${props ?? ''}}`;
      },
    );
    expect(rows.sort()).toEqual(
      EDGE_TYPES.map((type) => {
        const spec = EDGE_CATALOGUE[type];
        const props = Object.keys(spec.props as Record<string, PropertyType>).join(', ');
        return `${type} ${[...spec.from].sort().join(' | ')} → ${[...spec.to].sort().join(' | ')} {${props}}`;
      }).sort(),
    );
  });
});
