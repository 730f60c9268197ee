import {
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import {
  EDGE_CATALOGUE,
  NODE_PROPERTIES,
  type EdgeType,
  type GraphNode,
  type Hop,
  type NodeLabel,
} from '../graph/index.js';
import type { FeedProjection, HopProjection, NodeProjection, RelProjection } from '../storage/projection.js';
import { FIRST_ROWS, type Window } from '../storage/window.js';
import type { builder } from './builder.js';
import { windowOf, type PageArgs } from './pagination.js';

/**
 * What a request selected below a field, read before the field's query runs, so that only the selected
 * properties travel from Neo4j, evidence is sliced in the database, and every hop selected below is read in
 * the same query (a projection, src/storage/projection.ts). Fragments, inline fragments and aliases are
 * resolved by graphql-parse-resolve-info; a field is a hop when its definition carries HOP_FIELD, and reads
 * a stored property when it carries PROPERTY_FIELD (its name, which need not be the field's).
 */

/** The extension key naming the stored node property a field shows (`stored` below sets it). */
export const PROPERTY_FIELD = 'seslipProperty';
/** The extension key naming the relationship type and stored property an edge's field shows (`readsEdge`). */
export const EDGE_PROPERTY_FIELD = 'seslipEdgeProperty';

interface EdgeProperty {
  edge: EdgeType;
  property: string;
}

/** Marks an edge's field as showing the relationship's `property` (the edge catalogue types it). */
export const readsEdge = (edge: EdgeType, property: string): Record<string, EdgeProperty> => ({
  [EDGE_PROPERTY_FIELD]: { edge, property },
});

/** What an edge shows besides its stored values, read when selected (src/storage/projection.ts). */
const EDGE_MARKS = new Set(['evidenceCount', 'firstSeen', 'lastSeen', 'id']);

/**
 * Stored node properties, each declared on its field with the property it shows (selection.ts projects it,
 * and checks it against the graph model when the schema is built). A field that must have a value fails
 * on a node that lacks it (a null in a non-null field is an error in GraphQL too) rather than answer a
 * default; a nullable one answers null. Spread into a field's options: `t.string({ ...stored(t, 'title') })`.
 */
type StoredOptions<N, V> = { extensions: Record<string, string>; resolve: (node: N) => V };
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type AnyFieldBuilder<N> = PothosSchemaTypes.RootFieldBuilder<Types, N>;

/** Marks a field as showing `property`, for a field whose value is worked out from it. */
export const reads = (property: string): Record<string, string> => ({ [PROPERTY_FIELD]: property });

export function stored<N extends GraphNode, P extends keyof N & string>(
  _t: AnyFieldBuilder<N>,
  property: P,
): StoredOptions<N, NonNullable<N[P]>> {
  return {
    extensions: reads(property),
    resolve: (node) => {
      const value = node[property];
      if (value === null || value === undefined)
        throw new Error(`${node.uid} has no ${property} in the graph, or it was not read`);
      return value;
    },
  };
}

export function storedOrNull<N extends GraphNode, P extends keyof N & string>(
  _t: AnyFieldBuilder<N>,
  property: P,
): StoredOptions<N, NonNullable<N[P]> | null> {
  return { extensions: reads(property), resolve: (node) => node[property] ?? null };
}

/** A list property: a node without one has none (lists are stored united across Updates, never null). */
export function storedList<N extends GraphNode, P extends keyof N & string>(
  _t: AnyFieldBuilder<N>,
  property: P,
): StoredOptions<N, NonNullable<N[P]> | []> {
  return { extensions: reads(property), resolve: (node) => node[property] ?? [] };
}

type AnyField = GraphQLField<unknown, unknown>;

const propertyOf = (field: AnyField | undefined): string | undefined => {
  const property = field?.extensions[PROPERTY_FIELD];
  return typeof property === 'string' ? property : undefined;
};

const edgePropertyOf = (field: AnyField | undefined): EdgeProperty | undefined => {
  const declared = field?.extensions[EDGE_PROPERTY_FIELD];
  return typeof declared === 'object' && declared !== null && 'edge' in declared && 'property' in declared
    ? (declared as EdgeProperty)
    : undefined;
};

const fieldsOf = (schema: GraphQLSchema, typeName: string): Record<string, AnyField> => {
  const type = schema.getType(typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
};

/**
 * Checks, when the schema is built, that every field declaring a stored property names one that the graph
 * model (src/graph/labels.ts) gives each label its type stands for (`labelsOf`: node types by name), so a
 * misspelt or renamed property fails the start, not every answer with a silent null.
 */
export function checkedPropertyFields(
  schema: GraphQLSchema,
  labelsOf: ReadonlyMap<string, readonly NodeLabel[]>,
): GraphQLSchema {
  const wrong = Object.values(schema.getTypeMap()).flatMap((type) =>
    isObjectType(type) || isInterfaceType(type)
      ? Object.values(type.getFields()).flatMap((field) => {
          const onEdge = edgePropertyOf(field);
          if (onEdge !== undefined && !(onEdge.property in EDGE_CATALOGUE[onEdge.edge].props))
            return [
              `${type.name}.${field.name} reads "${onEdge.property}", which ${onEdge.edge} does not store`,
            ];
          const property = propertyOf(field);
          if (property === undefined) return [];
          const labels = labelsOf.get(type.name);
          if (labels === undefined)
            return [`${type.name}.${field.name} reads "${property}" but is not a node type`];
          const lacking = labels.filter((label) => !(property in NODE_PROPERTIES[label]));
          return lacking.length === 0
            ? []
            : [`${type.name}.${field.name} reads "${property}", which ${lacking.join(', ')} does not store`];
        })
      : [],
  );
  if (wrong.length > 0) throw new Error(`schema: ${wrong.join('; ')}`);
  return schema;
}

/** How many evidence entries an edge gives when `evidence(first:)` is not given. */
export const DEFAULT_EVIDENCE = 10;
export const MAX_EVIDENCE = 100;

/** The extension key marking a field that reads a relationship hop (fields.ts sets it). */
export const HOP_FIELD = 'seslipHop';

/** What a hop field's mark says: the hop, whether it takes date arguments, and whether it reads one node. */
export interface HopFieldMark {
  hop: Hop;
  dated: boolean;
  one: boolean;
}

const isHopMark = (value: unknown): value is HopFieldMark =>
  typeof value === 'object' && value !== null && 'hop' in value && 'dated' in value && 'one' in value;

const hopMarkOf = (field: GraphQLField<unknown, unknown> | undefined): HopFieldMark | undefined => {
  const mark = field?.extensions[HOP_FIELD];
  return isHopMark(mark) ? mark : undefined;
};

const children = (trees: ResolveTree[]): ResolveTree[] =>
  trees.flatMap((tree) => Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields)));

const named = (trees: ResolveTree[], name: string): ResolveTree[] =>
  children(trees).filter((tree) => tree.name === name);

const unique = (names: string[]): string[] => [...new Set(names)].sort();

/**
 * A selection worked out once per field of the document and request, not once per parent: graphql-js hands
 * every parent of a list the same `fieldNodes` array, and each request has its own `variableValues`.
 */
class PerField<T> {
  private readonly cache = new WeakMap<readonly FieldNode[], WeakMap<object, T>>();

  get(info: GraphQLResolveInfo, build: () => T): T {
    let byRequest = this.cache.get(info.fieldNodes);
    if (byRequest === undefined) {
      byRequest = new WeakMap();
      this.cache.set(info.fieldNodes, byRequest);
    }
    let value = byRequest.get(info.variableValues);
    if (value === undefined) {
      value = build();
      byRequest.set(info.variableValues, value);
    }
    return value;
  }
}

const roots = new PerField<ResolveTree[]>();

/** The field's own tree of selections (fragments, inline fragments and aliases resolved), parsed once per field and request. */
const rootOf = (info: GraphQLResolveInfo): ResolveTree[] =>
  roots.get(info, () => {
    const tree = parseResolveInfo(info);
    // Without `keepRoot`, the library answers with the field's own tree (it has a name) or null.
    return tree !== null && tree !== undefined && 'name' in tree && 'fieldsByTypeName' in tree
      ? [tree as ResolveTree]
      : [];
  });

const intArg = (tree: ResolveTree, name: string, fallback: number): number => {
  const value = tree.args[name];
  return typeof value === 'number' ? value : fallback;
};

const textArg = (tree: ResolveTree, name: string): string | null => {
  const value = tree.args[name];
  return typeof value === 'string' ? value : null;
};

/** The stored properties the fields selected on the nodes under these trees show, as each field declares. */
const nodeProps = (schema: GraphQLSchema, nodes: ResolveTree[]): string[] =>
  unique(
    nodes.flatMap((tree) =>
      Object.entries(tree.fieldsByTypeName).flatMap(([typeName, selected]) => {
        const fields = fieldsOf(schema, typeName);
        return Object.values(selected).flatMap((child) => propertyOf(fields[child.name]) ?? []);
      }),
    ),
  );

/**
 * What the request reads of the relationships under these trees: the stored properties their fields
 * declare, and which of evidenceCount, firstSeen, lastSeen and id (the edge's key) are selected.
 */
const edgeProps = (schema: GraphQLSchema, edges: ResolveTree[]): string[] =>
  unique(
    edges.flatMap((tree) =>
      Object.entries(tree.fieldsByTypeName).flatMap(([typeName, selected]) => {
        const fields = fieldsOf(schema, typeName);
        return Object.values(selected).flatMap(
          (child) =>
            edgePropertyOf(fields[child.name])?.property ?? (EDGE_MARKS.has(child.name) ? child.name : []),
        );
      }),
    ),
  );

/** How far into each edge's evidence list any selection of `evidence(first:, offset:)` reaches (0: none). */
function evidenceReach(edges: ResolveTree[]): number {
  return Math.max(
    0,
    ...named(edges, 'evidence').map(
      (tree) => intArg(tree, 'offset', 0) + intArg(tree, 'first', DEFAULT_EVIDENCE),
    ),
  );
}

/**
 * What the request reads of the nodes these trees select: their properties and, when the trees name one
 * object type, every hop field selected on it (below a union the same response key could mean different
 * fields on different members; those hops are left to their resolvers).
 */
function projectNode(schema: GraphQLSchema, trees: ResolveTree[]): NodeProjection {
  const props = nodeProps(schema, trees);
  const objects = unique(trees.flatMap((tree) => Object.keys(tree.fieldsByTypeName)))
    .map((name) => schema.getType(name))
    .filter(isObjectType);
  const [type] = objects;
  if (type === undefined || objects.length > 1) return { props, hops: [] };
  const byKey = new Map<string, ResolveTree[]>();
  for (const tree of trees)
    for (const child of Object.values(tree.fieldsByTypeName[type.name] ?? {}))
      byKey.set(child.alias, [...(byKey.get(child.alias) ?? []), child]);
  const hops: HopProjection[] = [];
  for (const [key, group] of byKey) {
    const [first] = group;
    const mark = first === undefined ? undefined : hopMarkOf(type.getFields()[first.name]);
    // Trees merged from several evidence selections must agree on the field and its arguments.
    const agreed = group.every(
      (tree) => tree.name === first?.name && JSON.stringify(tree.args) === JSON.stringify(first.args),
    );
    if (mark === undefined || first === undefined || !agreed) continue;
    const window = nestedWindow(first, mark);
    if (window !== null) hops.push(projectHop(schema, key, group, mark, window));
  }
  return { props, hops };
}

/** The window of a hop selected below the field, or null when its arguments are wrong (its resolver says so). */
function nestedWindow(tree: ResolveTree, mark: HopFieldMark): Window | null {
  if (mark.one) return ONE_NODE;
  try {
    return windowOf(tree.args, hopOrderName(mark.hop, tree.args));
  } catch {
    return null;
  }
}

/** The window of a field reading one node of a hop (publisher, network, contact…): its first. */
export const ONE_NODE: Window = { ...FIRST_ROWS(1), pageInfoUnread: true };

/** The window, marked when the connection's selection (`trees`) reads no pageInfo (see Window). */
const withPageInfoOf = (trees: ResolveTree[], window: Window): Window =>
  named(trees, 'pageInfo').length > 0 ? window : { ...window, pageInfoUnread: true };

/** The window of a root connection's arguments, marked when the request reads no pageInfo of it. */
export const rootWindow = (info: GraphQLResolveInfo, args: PageArgs, order: string): Window =>
  withPageInfoOf(rootOf(info), windowOf(args, order));

/** The name of a hop connection's order, which its cursors carry: the hop, and the date order asked for. */
export const hopOrderName = (hop: Hop, args: object): string =>
  `${hop.type}:${hop.direction}:${'order' in args && typeof args.order === 'string' ? args.order : ''}`;

/** What the request reads of the relationships these edge trees select: values, evidence and its nodes. */
function projectEdge(schema: GraphQLSchema, edges: ResolveTree[]): RelProjection {
  const evidence = named(edges, 'evidence');
  const issue = named(evidence, 'issue');
  const item = named(evidence, 'item');
  return {
    relProps: edgeProps(schema, edges),
    evidence: evidenceReach(edges),
    evidenceLists: [
      ...(named(evidence, 'quote').length > 0 ? (['quotes'] as const) : []),
      ...(named(evidence, 'date').length > 0 ? (['seenOn'] as const) : []),
    ],
    evidenceNodes:
      issue.length === 0 && item.length === 0
        ? null
        : {
            issue: issue.length === 0 ? null : projectNode(schema, issue),
            item: item.length === 0 ? null : projectNode(schema, item),
          },
  };
}

function projectHop(
  schema: GraphQLSchema,
  key: string,
  trees: ResolveTree[],
  mark: HopFieldMark,
  window: Window,
): HopProjection {
  const [tree] = trees;
  const base = {
    key,
    hop: mark.hop,
    window: withPageInfoOf(trees, window),
    from: mark.dated && tree !== undefined ? textArg(tree, 'from') : null,
    to: mark.dated && tree !== undefined ? textArg(tree, 'to') : null,
    oldestFirst: mark.dated && tree !== undefined && tree.args.order === 'OLDEST_FIRST',
  };
  if (mark.one)
    return {
      ...base,
      relProps: [],
      evidence: 0,
      evidenceLists: [],
      evidenceNodes: null,
      counted: false,
      listed: true,
      node: projectNode(schema, trees),
    };
  const edges = named(trees, 'edges');
  return {
    ...base,
    ...projectEdge(schema, edges),
    counted: named(trees, 'totalCount').length > 0 || named(trees, 'pageInfo').length > 0,
    listed: edges.length > 0 || named(trees, 'pageInfo').length > 0,
    node: projectNode(schema, named(edges, 'node')),
  };
}

const hopProjections = new PerField<HopProjection>();
const nodeProjections = new PerField<NodeProjection>();

/**
 * For a hop field (its mark and the window its own arguments give): the page to read, with everything the
 * request selects below it.
 */
export const hopProjection = (info: GraphQLResolveInfo, mark: HopFieldMark, window: Window): HopProjection =>
  hopProjections.get(info, () =>
    projectHop(info.schema, info.path.key.toString(), rootOf(info), mark, window),
  );

/** For a field returning a node (or a list of them): what the request reads of it and below it. */
export const nodeProjection = (info: GraphQLResolveInfo): NodeProjection =>
  nodeProjections.get(info, () => projectNode(info.schema, rootOf(info)));

const listProjections = new PerField<NodeProjection>();

/** For a root list (a connection of nodes): what the request reads of its nodes and below them. */
export const listProjection = (info: GraphQLResolveInfo): NodeProjection =>
  listProjections.get(info, () => projectNode(info.schema, treesAt(info, ['edges', 'node'])));

const feedProjections = new PerField<FeedProjection>();

/** For the report feeds: what the request reads of each pair's report, network and FEEDS edge. */
export const feedProjection = (info: GraphQLResolveInfo): FeedProjection =>
  feedProjections.get(info, () => {
    const pairs = treesAt(info, ['edges', 'node']);
    return {
      report: projectNode(info.schema, named(pairs, 'report')),
      network: projectNode(info.schema, named(pairs, 'network')),
      rel: projectEdge(info.schema, pairs),
    };
  });

/** The trees reached from the field along a path of field names (every alias and type condition). */
const treesAt = (info: GraphQLResolveInfo, path: readonly string[]): ResolveTree[] =>
  path.reduce((trees, name) => named(trees, name), rootOf(info));

/** What the request reads of the relationships at a path below the field (see edgeProps). */
export const edgePropsAt = (info: GraphQLResolveInfo, path: readonly string[] = []): string[] =>
  edgeProps(info.schema, treesAt(info, path));

/** The stored node properties selected at a path below the field (`[]`: the field's own node). */
export const propsAt = (info: GraphQLResolveInfo, path: readonly string[] = []): string[] =>
  nodeProps(info.schema, treesAt(info, path));

/** How much evidence the objects at a path below the field ask for (`evidence(first:, offset:)`). */
export const evidenceAt = (info: GraphQLResolveInfo, path: readonly string[] = []): number =>
  evidenceReach(treesAt(info, path));
