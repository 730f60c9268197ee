import {
  compareEvidence,
  DERIVED_EDGE_TYPES,
  isNodeLabel,
  issueNumberOfSource,
  listPropertiesOf,
  NODE_PROPERTIES,
  type NodeLabel,
} from '../graph/index.js';

/**
 * What a decision does to the graph, as pure functions from the part of the graph it touches (a subgraph: some
 * nodes with every relationship that touches them, or some relationships alone) to what that part becomes.
 * src/storage/decisions.ts reads the part, calls these, writes the result in its place and keeps both, so that
 * undoing a decision puts the part back exactly.
 */

export type Props = Record<string, unknown>;

/** A node with every property, and which properties are stored as integers (or lists of them). */
export interface SnapNode {
  labels: string[];
  props: Props;
  ints: string[];
  intLists: string[];
}

/** A relationship with every property, its type and its ends (uids). */
export interface SnapRel {
  type: string;
  from: string;
  to: string;
  props: Props;
  ints: string[];
  intLists: string[];
}

export interface Subgraph {
  nodes: SnapNode[];
  rels: SnapRel[];
}

export interface RelIdentity {
  type: string;
  from: string;
  to: string;
  key: string;
}

export const relIdentity = (rel: SnapRel): RelIdentity => ({
  type: rel.type,
  from: rel.from,
  to: rel.to,
  key: typeof rel.props.key === 'string' ? rel.props.key : '',
});

const identityText = (rel: SnapRel): string => JSON.stringify(Object.values(relIdentity(rel)));

export const labelOf = (node: SnapNode): NodeLabel => {
  const label = node.labels.find(isNodeLabel);
  if (label === undefined) throw new Error(`node ${String(node.props.uid)} has no known label`);
  return label;
};

/** The property that names a node of this label: `name`, or `title` for reports, items and meetings. */
export const namePropertyOf = (label: NodeLabel): string =>
  'name' in NODE_PROPERTIES[label] ? 'name' : 'title';

/** Where a node keeps the other names it goes by: `variants` for people, `aliases` for everything else. */
export const aliasPropertyOf = (label: NodeLabel): string => (label === 'Person' ? 'variants' : 'aliases');

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The full-text `searchText` as merge-nodes.cypher writes it: every list property's values, joined. */
export function searchTextOf(label: NodeLabel, props: Props): string {
  const lists = [...new Set([...listPropertiesOf(label), aliasPropertyOf(label)])];
  return lists
    .map(
      (name) =>
        ' ' +
        strings(props[name])
          .map((value) => ' ' + value)
          .join(''),
    )
    .join('');
}

function withList(node: SnapNode, name: string, values: string[]): void {
  node.props[name] = [...new Set(values)].sort(byCodePoint);
}

const clone = <T>(value: T): T => structuredClone(value);

/** A stored integer property, or null when the node has none. */
const integer = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/**
 * Sets a shared node's Update bookkeeping as the loader keeps it (src/load/versions.ts): `issueCount`, how many
 * Updates name it, and `lastIssue`, the newest of them, both stored as integers. Nothing when no Update names it.
 */
function setIssues(node: SnapNode, count: number, last: number | null): void {
  if (count <= 0 || last === null) return;
  node.props.issueCount = count;
  node.props.lastIssue = last;
  for (const name of ['issueCount', 'lastIssue']) if (!node.ints.includes(name)) node.ints.push(name);
}

/** The highest of the numbers given, null for none. */
const highest = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((max, v) => (v === null ? max : max === null ? v : Math.max(max, v)), null);

interface Entry {
  source: string;
  quote: string;
  date: string;
}

function entriesOf(rel: SnapRel): Entry[] | null {
  if (!Array.isArray(rel.props.sources)) return null;
  const sources = strings(rel.props.sources);
  const quotes = strings(rel.props.quotes);
  const dates = strings(rel.props.seenOn);
  return sources.map((source, i) => ({ source, quote: quotes[i] ?? '', date: dates[i] ?? '' }));
}

/** Sets a relationship's evidence lists (sorted by date then source, each entry once) and first/last seen. */
export function setEntries(rel: SnapRel, entries: Entry[]): void {
  const unique = [...new Map(entries.map((e) => [JSON.stringify([e.source, e.quote, e.date]), e])).values()];
  unique.sort(compareEvidence);
  rel.props.sources = unique.map((e) => e.source);
  rel.props.quotes = unique.map((e) => e.quote);
  rel.props.seenOn = unique.map((e) => e.date);
  rel.props.firstSeen = unique[0]?.date ?? null;
  rel.props.lastSeen = unique.at(-1)?.date ?? null;
  if (rel.props.firstSeen === null) delete rel.props.firstSeen;
  if (rel.props.lastSeen === null) delete rel.props.lastSeen;
}

/**
 * Relationships that became one (same type, ends and key) after their ends moved: the first keeps its own
 * properties, and the evidence of all of them is united.
 */
export function combineRels(rels: SnapRel[]): SnapRel[] {
  const combined = new Map<string, { rel: SnapRel; entries: Entry[] | null }>();
  for (const rel of rels) {
    const id = identityText(rel);
    const found = combined.get(id);
    const entries = entriesOf(rel);
    if (found === undefined) {
      combined.set(id, { rel: clone(rel), entries });
      continue;
    }
    if (entries !== null) found.entries = [...(found.entries ?? []), ...entries];
  }
  return [...combined.values()].map(({ rel, entries }) => {
    if (entries !== null) setEntries(rel, entries);
    return rel;
  });
}

/** mergeEntities: the others' names become the kept node's aliases, their edges move to it, they go. */
export function mergeSubgraph(sub: Subgraph, keep: string, others: readonly string[]): Subgraph {
  const byUid = new Map(sub.nodes.map((node) => [String(node.props.uid), node]));
  const kept = clone(byUid.get(keep)!);
  const label = labelOf(kept);
  const nameProp = namePropertyOf(label);
  const aliasProp = aliasPropertyOf(label);
  const names = strings(kept.props[aliasProp]);
  const merged = strings(kept.props.mergedUids);
  // The Updates that name the merged node: each node's count added up (an Update that named two of them counts
  // twice: the nodes keep no list of numbers to tell), the newest of all.
  let issueCount = integer(kept.props.issueCount) ?? 0;
  const lastIssues = [integer(kept.props.lastIssue)];
  for (const uid of others) {
    const other = byUid.get(uid)!;
    const name = other.props[nameProp];
    if (typeof name === 'string') names.push(name);
    names.push(...strings(other.props[aliasProp]), ...strings(other.props.variants));
    merged.push(uid, ...strings(other.props.mergedUids));
    issueCount += integer(other.props.issueCount) ?? 0;
    lastIssues.push(integer(other.props.lastIssue));
  }
  withList(
    kept,
    aliasProp,
    names.filter((name) => name !== kept.props[nameProp]),
  );
  withList(kept, 'mergedUids', merged);
  setIssues(kept, issueCount, highest(lastIssues));
  kept.props.searchText = searchTextOf(label, kept.props);
  const gone = new Set(others);
  const end = (uid: string) => (gone.has(uid) ? keep : uid);
  // The kept node's own relationships first, so that their properties win when two become one.
  const ordered = [
    ...sub.rels.filter((rel) => !gone.has(rel.from) && !gone.has(rel.to)),
    ...sub.rels.filter((rel) => gone.has(rel.from) || gone.has(rel.to)),
  ];
  const moved = ordered
    .map((rel) => ({ ...clone(rel), from: end(rel.from), to: end(rel.to) }))
    .filter((rel) => !(rel.from === keep && rel.to === keep));
  return { nodes: [kept], rels: combineRels(moved) };
}

/** renameEntity: the new name, the old one kept as an alias. */
export function renameSubgraph(sub: Subgraph, uid: string, name: string): Subgraph {
  const node = clone(sub.nodes.find((n) => n.props.uid === uid)!);
  const label = labelOf(node);
  const nameProp = namePropertyOf(label);
  const aliasProp = aliasPropertyOf(label);
  const old = node.props[nameProp];
  const names = strings(node.props[aliasProp]);
  if (typeof old === 'string' && old !== name) names.push(old);
  node.props[nameProp] = name;
  withList(
    node,
    aliasProp,
    names.filter((n) => n !== name),
  );
  node.props.searchText = searchTextOf(label, node.props);
  return { nodes: [node], rels: sub.rels.map(clone) };
}

/** How many evidence entries of the node's edges the listed Updates gave (splitEntity moves those). */
export function splitReach(sub: Subgraph, uid: string, updates: readonly number[]): number {
  return sub.rels
    .filter((rel) => (rel.from === uid || rel.to === uid) && !isDerived(rel.type))
    .flatMap((rel) => entriesOf(rel) ?? [])
    .filter((entry) => fromUpdates(entry, updates)).length;
}

const isDerived = (type: string): boolean => (DERIVED_EDGE_TYPES as readonly string[]).includes(type);

function fromUpdates(entry: Entry, updates: readonly number[]): boolean {
  if (entry.source.startsWith('decision:')) return false;
  try {
    return updates.includes(issueNumberOfSource(entry.source));
  } catch {
    return false;
  }
}

/**
 * splitEntity: what the listed Updates say about the node (their evidence on its edges) moves to a new node
 * named `name` (or to the node of that uid, when the reader yields one by now); an edge left with no evidence
 * goes. Derived edges stay with the node (the next derive recomputes them).
 */
export function splitSubgraph(
  sub: Subgraph,
  uid: string,
  newUid: string,
  name: string,
  updates: readonly number[],
): Subgraph {
  const node = clone(sub.nodes.find((n) => n.props.uid === uid)!);
  const label = labelOf(node);
  const existing = sub.nodes.find((n) => n.props.uid === newUid);
  const split: SnapNode = existing
    ? clone(existing)
    : {
        labels: [...node.labels],
        props: {
          uid: newUid,
          key: newUid.slice(label.length + 1),
          [namePropertyOf(label)]: name,
          ...(listPropertiesOf(label).includes(aliasPropertyOf(label))
            ? { [aliasPropertyOf(label)]: [] }
            : {}),
        },
        ints: [],
        intLists: [],
      };
  const rels: SnapRel[] = [];
  const movedIssues = new Set<number>();
  for (const rel of sub.rels) {
    const touches = rel.from === uid || rel.to === uid;
    const entries = entriesOf(rel);
    if (!touches || isDerived(rel.type) || entries === null || rel.from === newUid || rel.to === newUid) {
      rels.push(clone(rel));
      continue;
    }
    const moving = entries.filter((e) => fromUpdates(e, updates));
    const staying = entries.filter((e) => !fromUpdates(e, updates));
    if (moving.length > 0) {
      const copy = {
        ...clone(rel),
        from: rel.from === uid ? newUid : rel.from,
        to: rel.to === uid ? newUid : rel.to,
      };
      setEntries(copy, moving);
      rels.push(copy);
      for (const e of moving) movedIssues.add(issueNumberOfSource(e.source));
    }
    if (staying.length > 0) {
      const rest = clone(rel);
      setEntries(rest, staying);
      rels.push(rest);
    }
  }
  // The Updates whose evidence moved name the new node: how many, and the newest. A node of that uid the reader
  // already yields keeps its own count too (added up, as a merge does).
  if (movedIssues.size > 0)
    setIssues(
      split,
      (integer(split.props.issueCount) ?? 0) + movedIssues.size,
      highest([integer(split.props.lastIssue), ...movedIssues]),
    );
  split.props.searchText = searchTextOf(label, split.props);
  return { nodes: [node, split], rels: combineRels(rels) };
}

/** assertEdge: the edge with the decision as its evidence, added to the one the reader gave, if any. */
export function assertedRel(
  existing: SnapRel | null,
  identity: RelIdentity,
  evidence: { source: string; quote: string; date: string },
  ints: string[] = [],
): SnapRel {
  const rel: SnapRel = existing
    ? clone(existing)
    : { ...identity, props: { key: identity.key }, ints, intLists: [] };
  setEntries(rel, [...(entriesOf(rel) ?? []), evidence]);
  return rel;
}
