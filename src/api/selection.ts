import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { NODE_LABELS, propertiesOf } from '../graph/index.js';

/**
 * What a request selected below a field, read before the field's query runs, so that only the selected
 * properties travel from Neo4j and evidence is sliced in the database. Fragments, inline fragments and
 * aliases are resolved by graphql-parse-resolve-info.
 */

/** Every stored node property name of the graph model: a selected field not among them is not a property. */
const STORED = new Set(NODE_LABELS.flatMap(propertiesOf));

/** How many evidence entries an edge gives when `evidence(first:)` is not given. */
export const DEFAULT_EVIDENCE = 10;
export const MAX_EVIDENCE = 100;

const children = (trees: ResolveTree[]): ResolveTree[] =>
  trees.flatMap((tree) => Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields)));

const named = (trees: ResolveTree[], name: string): ResolveTree[] =>
  children(trees).filter((tree) => tree.name === name);

const unique = (names: string[]): string[] => [...new Set(names)].sort();

function rootOf(info: GraphQLResolveInfo): ResolveTree[] {
  const tree = parseResolveInfo(info);
  // Without `keepRoot`, the library answers with the field's own tree (it has a name) or null.
  return tree !== null && tree !== undefined && 'name' in tree && 'fieldsByTypeName' in tree
    ? [tree as ResolveTree]
    : [];
}

const intArg = (tree: ResolveTree, name: string, fallback: number): number => {
  const value = tree.args[name];
  return typeof value === 'number' ? value : fallback;
};

/** The stored properties selected on the nodes under these trees. */
const nodeProps = (nodes: ResolveTree[]): string[] =>
  unique(children(nodes).map((tree) => tree.name)).filter((name) => STORED.has(name));

/** How far into each edge's evidence list any selection of `evidence(first:, offset:)` reaches (0: none). */
function evidenceReach(edges: ResolveTree[]): number {
  return Math.max(
    0,
    ...named(edges, 'evidence').map(
      (tree) => intArg(tree, 'offset', 0) + intArg(tree, 'first', DEFAULT_EVIDENCE),
    ),
  );
}

/** The trees reached from the field along a path of field names (every alias and type condition). */
const treesAt = (info: GraphQLResolveInfo, path: readonly string[]): ResolveTree[] =>
  path.reduce((trees, name) => named(trees, name), rootOf(info));

/** The names of the fields selected at a path below the field. */
export const fieldsAt = (info: GraphQLResolveInfo, path: readonly string[] = []): string[] =>
  unique(children(treesAt(info, path)).map((tree) => tree.name));

/** The stored node properties selected at a path below the field (`[]`: the field's own node). */
export const propsAt = (info: GraphQLResolveInfo, path: readonly string[] = []): string[] =>
  nodeProps(treesAt(info, path));

/** How much evidence the objects at a path below the field ask for (`evidence(first:, offset:)`). */
export const evidenceAt = (info: GraphQLResolveInfo, path: readonly string[] = []): number =>
  evidenceReach(treesAt(info, path));

export interface ConnectionSelection {
  nodeProps: string[];
  /** Fields selected on the edges: the relationship properties among them are projected. */
  edgeFields: string[];
  evidence: number;
}

/** For a connection field: what its edges and nodes select. */
export const connectionSelection = (info: GraphQLResolveInfo): ConnectionSelection => ({
  nodeProps: propsAt(info, ['edges', 'node']),
  edgeFields: fieldsAt(info, ['edges']),
  evidence: evidenceAt(info, ['edges']),
});

/** For a field returning a node (or a list of them): the stored properties it selects. */
export const nodeSelection = (info: GraphQLResolveInfo): string[] => propsAt(info);
