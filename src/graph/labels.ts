/**
 * The node labels of the graph and the properties each stores, with their types. Every other layer
 * (extract's records, the loader, storage, the GraphQL types) takes labels and property names from here.
 * Every node also carries the label `Entity`, a `uid` ("<Label>:<key>", unique across labels) and a `key`
 * (unique within its label); bookkeeping properties (`versions`, `issueCount`, `lastIssue`, `searchText`, and the
 * Issue's `describedNodes` and `describedEdges`) are the loader's and never leave storage.
 */

export const NODE_LABELS = [
  'Issue',
  'Item',
  'Report',
  'Organisation',
  'Person',
  'Network',
  'Meeting',
  'LocalAuthority',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const isNodeLabel = (value: string): value is NodeLabel =>
  (NODE_LABELS as readonly string[]).includes(value);

/** How a property is stored: `int` is a Neo4j INTEGER (never a float), `date` an ISO string YYYY-MM-DD. */
export type PropertyType = 'string' | 'int' | 'boolean' | 'date' | 'string[]';

export type ValueOf<T> = T extends 'int'
  ? number
  : T extends 'boolean'
    ? boolean
    : T extends 'string[]'
      ? string[]
      : string;

export const NODE_PROPERTIES = {
  Issue: { number: 'int', date: 'date', headline: 'string', sourceFile: 'string', truncated: 'boolean' },
  Item: {
    issueNumber: 'int',
    position: 'int',
    title: 'string',
    section: 'string',
    programme: 'string',
    body: 'string',
    actionRequired: 'string',
    lineStart: 'int',
    lineEnd: 'int',
    date: 'date',
    links: 'string[]',
  },
  Report: { title: 'string', publishedOn: 'date', kind: 'string', verb: 'string', url: 'string' },
  Organisation: { name: 'string', aliases: 'string[]', kind: 'string' },
  Person: { name: 'string', variants: 'string[]' },
  Network: { name: 'string', aliases: 'string[]', topics: 'string[]' },
  Meeting: { date: 'date', time: 'string', topic: 'string', title: 'string' },
  LocalAuthority: { name: 'string', aliases: 'string[]', region: 'string', seslip: 'boolean' },
} as const satisfies Record<NodeLabel, Record<string, PropertyType>>;

export type NodeProperties<L extends NodeLabel> = {
  -readonly [P in keyof (typeof NODE_PROPERTIES)[L]]?: ValueOf<(typeof NODE_PROPERTIES)[L][P]> | null;
};

/**
 * A node as it leaves storage: its identity, and those stored properties the request selected (a property
 * not selected is absent; one the node lacks is null).
 */
export type GraphNode<L extends NodeLabel = NodeLabel> = {
  [K in L]: { label: K; uid: string; key: string } & NodeProperties<K>;
}[L];

/** The names of the properties a label stores. */
export const propertiesOf = (label: NodeLabel): string[] => Object.keys(NODE_PROPERTIES[label]);

/** The integer properties of a label: the loader stores these as Neo4j integers. */
export const integerPropertiesOf = (label: NodeLabel): string[] =>
  Object.entries(NODE_PROPERTIES[label] as Record<string, PropertyType>)
    .filter(([, type]) => type === 'int')
    .map(([name]) => name);

/** The list properties of a label: united across Updates, and joined into the node's `searchText`. */
export const listPropertiesOf = (label: NodeLabel): string[] =>
  Object.entries(NODE_PROPERTIES[label] as Record<string, PropertyType>)
    .filter(([, type]) => type === 'string[]')
    .map(([name]) => name);

/**
 * Labels whose nodes one Update alone describes (its Issue, its Items): their properties are that Update's,
 * kept without the per-Update versions shared nodes need (src/load/versions.ts).
 */
export const UPDATE_OWNED_LABELS: readonly NodeLabel[] = ['Issue', 'Item'];
