import {
  EDGE_CATALOGUE,
  EVIDENCE_PREVIEW,
  ISSUE_KEY_PROPERTY,
  isNodeLabel,
  issueKey,
  issueNumberOfSource,
  isDecisionSource,
  issueUid,
  NODE_PROPERTIES,
  reachedLabels,
  uidOf,
  type GraphNode,
  type EdgeType,
  type Hop,
  type NodeLabel,
  type PropertyType,
} from '../graph/index.js';
import { decodeNode, decodeRel, StorageRowError, type RelData } from './rows.js';
import {
  ascending,
  descending,
  keyExpression,
  keysetWhere,
  orderByTerms,
  overflowLimit,
  pagedRows,
  sliceOf,
  type Slice,
  type SortKey,
  type SortTerm,
  type Window,
} from './window.js';

/**
 * Projections: what a request reads below a node, as one Cypher expression. A GraphQL selection becomes a
 * tree of these (src/api/selection.ts); this module writes the tree as nested COLLECT / COUNT subqueries —
 * the shape @neo4j/graphql's translator gives a selection — so that a node and every page of every hop
 * below it, each ordered, sliced and counted in the database, travel in one round trip. Only the selected
 * properties are projected; relationship types and property names are written into the text (they are
 * identifiers of the graph model) because the planner uses only what it can see; every value a user gives
 * (dates, window) is a parameter, so one selection shape is one cached plan.
 */

export interface NodeProjection {
  /** Stored properties to read (those a reached label lacks come back absent). */
  props: readonly string[];
  /** Hops whose pages are read with the node and filed under their `key` (prefetchedPage). */
  hops: readonly HopProjection[];
}

/** The evidence entries' Update and Item nodes, read with the relationship (null: not selected). */
export interface EvidenceNodesProjection {
  issue: NodeProjection | null;
  item: NodeProjection | null;
}

/** What a request reads of a relationship. */
export interface RelProjection {
  /** Relationship properties to read (those the edge catalogue gives the type), and which of evidenceCount, firstSeen, lastSeen. */
  relProps: readonly string[];
  /** How many evidence entries to bring per relationship, and whose nodes with them. */
  evidence: number;
  /** The evidence lists read beside `sources` (which numbers the entries): `quotes` for quote, `seenOn` for date. */
  evidenceLists: readonly ('quotes' | 'seenOn')[];
  evidenceNodes: EvidenceNodesProjection | null;
}

/** One page of a relationship hop from a node. */
export interface HopProjection extends RelProjection {
  /** Where the page is filed on the parent node: the GraphQL response key that asked for it. */
  key: string;
  hop: Hop;
  window: Window;
  /** Bounds on the reached node's `date` (a Report's `publishedOn`). */
  from: string | null;
  to: string | null;
  oldestFirst: boolean;
  /** Whether the page needs the list's length (totalCount, pageInfo, a window from the end). */
  counted: boolean;
  /** Whether the page's hits are read (edges or pageInfo selected); else only its length. */
  listed: boolean;
  node: NodeProjection;
}

/** One hit of a hop: the node reached and the relationship's data. */
export interface HopHit {
  node: GraphNode;
  rel: RelData;
}

/** Pages read with a node, by the key its projection filed them under. */
const prefetched = new WeakMap<GraphNode, ReadonlyMap<string, Slice<HopHit>>>();

/** The page a node's projection read for `key` with it, if it did (the resolver then runs no query). */
export const prefetchedPage = (node: GraphNode, key: string): Slice<HopHit> | undefined =>
  prefetched.get(node)?.get(key);

// ---- writing Cypher -------------------------------------------------------------------------------

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`projection: "${name}" is not a property or type name`);
  return name;
}

/** Collects parameters and hands out fresh variable names while one query is written. */
class QueryText {
  readonly params: Record<string, unknown> = {};
  private count = 0;

  param(value: unknown): string {
    const name = `p${this.count++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  variable(prefix: string): string {
    return `${prefix}${this.count++}`;
  }
}

/**
 * The Cypher side of the evidence codec (src/graph/evidence.ts: sourceIssueUid, sourceItemUid): a source is
 * an Item key "518/3" or an Update key "issue:518". test/api/projection.test.ts checks the two agree.
 */
export const SOURCE_ISSUE_UID = (source: string) =>
  `'Issue:issue:' + split(replace(${source}, 'issue:', ''), '/')[0]`;
export const SOURCE_ITEM_UID = (source: string) =>
  `CASE WHEN ${source} STARTS WITH 'issue:' THEN null ELSE 'Item:' + ${source} END`;

/** A node as a NodeTuple: key, label (null when the hop can reach only one), values, hop pages. */
function nodeExpression(
  q: QueryText,
  node: string,
  projection: NodeProjection,
  labels: readonly NodeLabel[] = [],
): string {
  const label = labels.length === 1 ? 'null' : `[l IN labels(${node}) WHERE l <> 'Entity'][0]`;
  const values = projection.props.map((prop) => `${node}.${identifier(prop)}`).join(', ');
  const hops =
    projection.hops.length === 0
      ? ''
      : `, [${projection.hops.map((hop) => pageExpression(q, node, hop)).join(', ')}]`;
  return `[${node}.key, ${label}, [${values}]${hops}]`;
}

const stores = (labels: readonly NodeLabel[], prop: string): boolean =>
  labels.some((label) => prop in NODE_PROPERTIES[label]);

/**
 * The date a hop's nodes are ordered and bounded by, as the graph model stores it for the labels reached
 * (an Item's or Meeting's `date`, a Report's `publishedOn`), or null when they have none. Only stored
 * properties are read: a property no node has would still be looked up on every one.
 */
function datedExpression(labels: readonly NodeLabel[], node: string): string | null {
  const props = ['date', 'publishedOn'].filter((prop) => stores(labels, prop));
  if (props.length === 0) return null;
  return props.length === 1
    ? `${node}.${props[0]}`
    : `coalesce(${props.map((p) => `${node}.${p}`).join(', ')})`;
}

function evidenceNodesExpression(
  q: QueryText,
  sources: string,
  reach: string,
  projection: RelProjection,
): string {
  const wanted = projection.evidenceNodes;
  const issueRead = wanted === null || issueFromSource(wanted.issue) ? null : wanted.issue;
  if (wanted === null || (issueRead === null && wanted.item === null)) return 'null';
  const index = q.variable('k');
  const source = q.variable('src');
  const issue = q.variable('ei');
  const item = q.variable('et');
  const look = (variable: string, uid: string, p: NodeProjection | null) =>
    p === null ? '' : `OPTIONAL MATCH (${variable}:Entity {uid: ${uid}}) `;
  const value = (variable: string, p: NodeProjection | null, label: NodeLabel) =>
    p === null
      ? 'null'
      : `CASE WHEN ${variable} IS NULL THEN null ELSE ${nodeExpression(q, variable, p, [label])} END`;
  return (
    `COLLECT { UNWIND range(0, size(${sources}) - 1) AS ${index} ` +
    `WITH ${index}, ${sources}[${index}] AS ${source} ` +
    look(issue, SOURCE_ISSUE_UID(source), issueRead) +
    look(item, SOURCE_ITEM_UID(source), wanted.item) +
    `WITH ${index}${issueRead === null ? '' : `, ${issue}`}${wanted.item === null ? '' : `, ${item}`} ORDER BY ${index} ` +
    `RETURN [${value(issue, issueRead, 'Issue')}, ${value(item, wanted.item, 'Item')}] }`
  );
}

/** The requested relationship properties that the edge catalogue gives the hop's type, with their types. */
function storedRelProps(type: EdgeType, projection: RelProjection) {
  // `key` (the role of a role edge, '' for most) is read when the edge's stable `id` is selected.
  const types = { ...(EDGE_CATALOGUE[type].props as Record<string, PropertyType>), key: 'string' as const };
  const names = projection.relProps.filter((name) => name in types && name !== 'key');
  return { types, names: projection.relProps.includes('id') ? [...names, 'key'] : names };
}

/**
 * The first `reach` entries of an edge's evidence beyond its own lists (src/graph/evidence.ts), as
 * [source, quote, date] lists in evidence order: none unless the edge has some (`overflow`).
 */
function overflowExpression(q: QueryText, rel: string, reach: string): string {
  const e = q.variable('ev');
  const edge = `startNode(${rel}).uid + '\\t' + type(${rel}) + '\\t' + endNode(${rel}).uid + '\\t' + coalesce(${rel}.key, '')`;
  return (
    `CASE WHEN coalesce(${rel}.overflow, 0) = 0 THEN [] ELSE COLLECT { ` +
    `MATCH (${e}:Evidence {edge: ${edge}}) ` +
    `WHERE ${e}.date IS NOT NULL AND ${e}.source IS NOT NULL AND ${e}.quote IS NOT NULL ` +
    `WITH ${e} ORDER BY ${e}.edge, ${e}.date, ${e}.source, ${e}.quote LIMIT toInteger(${reach}) RETURN [${e}.source, ${e}.quote, ${e}.date] } END`
  );
}

const EVIDENCE_LISTS = { sources: 0, quotes: 1, seenOn: 2 } as const;

/**
 * A relationship as a RelTuple; evidence lists can hold hundreds of entries, so only what was asked for is
 * read: the edge's own lists, and its `:Evidence` nodes only when the request reaches past them.
 */
function relExpression(q: QueryText, rel: string, type: EdgeType, projection: RelProjection): string {
  const values = storedRelProps(type, projection)
    .names.map((prop) => `${rel}.${identifier(prop)}`)
    .join(', ');
  // One parameter for how far into the evidence lists the request reaches, shared by every slice of them.
  const reach = projection.evidence === 0 ? null : q.param(projection.evidence);
  const beyond = reach !== null && projection.evidence > EVIDENCE_PREVIEW ? q.variable('ov') : null;
  const entry = q.variable('x');
  const list = (name: keyof typeof EVIDENCE_LISTS) =>
    beyond === null
      ? `coalesce(${rel}.${name}, [])[..${reach}]`
      : `(coalesce(${rel}.${name}, []) + [${entry} IN ${beyond} | ${entry}[${EVIDENCE_LISTS[name]}]])[..${reach}]`;
  const slice = (name: keyof typeof EVIDENCE_LISTS) =>
    reach === null || (name !== 'sources' && !projection.evidenceLists.includes(name)) ? 'null' : list(name);
  const selected = (field: string, expression: string) =>
    projection.relProps.includes(field) ? expression : 'null';
  const tuple = `[${[
    `[${values}]`,
    slice('sources'),
    slice('quotes'),
    slice('seenOn'),
    selected('evidenceCount', `size(coalesce(${rel}.sources, [])) + coalesce(${rel}.overflow, 0)`),
    selected('firstSeen', `${rel}.firstSeen`),
    selected('lastSeen', `${rel}.lastSeen`),
    reach === null ? 'null' : evidenceNodesExpression(q, list('sources'), reach, projection),
  ].join(', ')}]`;
  return beyond === null ? tuple : `[${beyond} IN [${overflowExpression(q, rel, reach!)}] | ${tuple}][0]`;
}

/**
 * A page of a hop from `parent`, as a PageTuple. The order is an Update's items by position; otherwise
 * newest first (oldest with `oldestFirst`), undated last; then position, key and uid. The page is the hits
 * whose key comes after the window's cursor (keyset paging, src/storage/window.ts); a window from the end
 * reads the list in reverse and decodePage turns it round; the database sorts only the top of the list
 * (ORDER BY … LIMIT).
 */
function pageExpression(q: QueryText, parent: string, projection: HopProjection): string {
  const type = identifier(projection.hop.type);
  const labels = reachedLabels(projection.hop);
  // Every node is an :Entity: writing the label in would only add a label check per hit, and a count
  // without it (and without bounds) is the node's degree, which Neo4j reads without expanding.
  const pattern = (rel: string, node: string) =>
    projection.hop.direction === 'out'
      ? `(${parent})-[${rel}:${type}]->(${node})`
      : `(${parent})<-[${rel}:${type}]-(${node})`;
  const rel = q.variable('r');
  const node = q.variable('n');
  const dated = q.variable('d');
  const counted = q.variable('c');
  const datedOf = (variable: string) => datedExpression(labels, variable);
  const within = (date: string | null) => {
    const bounds = [
      ...(projection.from === null ? [] : [`${date} >= ${q.param(projection.from)}`]),
      ...(projection.to === null ? [] : [`${date} <= ${q.param(projection.to)}`]),
    ];
    if (bounds.length > 0 && date === null)
      throw new Error(`projection: ${type} reaches ${labels.join(', ')}, which hold no date to bound`);
    return bounds.length === 0 ? '' : `WHERE ${bounds.join(' AND ')} `;
  };
  const hasDate = datedOf(node) !== null;
  const terms = hopOrder(projection, rel, node, hasDate ? dated : null);
  const total = projection.counted
    ? `COUNT { MATCH ${pattern('', counted)} ${within(datedOf(counted))}}`
    : 'null';
  const param = (value: unknown) => q.param(value);
  const keyset = keysetWhere(terms, projection.window, param);
  const hits = !projection.listed
    ? '[]'
    : `COLLECT { MATCH ${pattern(rel, node)} WITH ${rel}, ${node}${hasDate ? `, ${datedOf(node)} AS ${dated}` : ''} ` +
      within(hasDate ? dated : null) +
      (keyset === '' ? '' : `WITH ${rel}, ${node}${hasDate ? `, ${dated}` : ''} ${keyset}`) +
      `ORDER BY ${orderByTerms(terms, projection.window)} ${overflowLimit(projection.window, param)} ` +
      `RETURN [${nodeExpression(q, node, projection.node, labels)}, ${relExpression(q, rel, projection.hop.type, projection)}, ${keyExpression(terms)}] }`;
  return `[${total}, ${hits}]`;
}

/** The order of a hop's hits, over its relationship, node and (when the nodes are dated) date variables. */
function hopOrder(projection: HopProjection, rel: string, node: string, dated: string | null): SortTerm[] {
  const labels = reachedLabels(projection.hop);
  const byDate = projection.oldestFirst ? ascending : descending;
  return [
    ...('position' in EDGE_CATALOGUE[projection.hop.type].props ? [ascending(`${rel}.position`)] : []),
    ...(dated === null ? [] : [ascending(`${dated} IS NULL`), byDate(dated)]),
    ...(stores(labels, 'position') ? [ascending(`${node}.position`)] : []),
    ascending(`${node}.key`),
    ascending(`${node}.uid`),
  ];
}

export interface ProjectedQuery {
  text: string;
  params: Record<string, unknown>;
}

/** Nodes by uid (`$uids`), each with its projection: rows `{node}` (a NodeTuple). */
export function nodesQuery(uids: readonly string[], projection: NodeProjection): ProjectedQuery {
  const q = new QueryText();
  const node = nodeExpression(q, 'node', projection);
  return {
    text: `UNWIND $uids AS uid MATCH (node:Entity {uid: uid}) RETURN ${node} AS node`,
    params: { ...q.params, uids },
  };
}

/** A page of one hop for each parent uid (`$parents`): rows `{parentUid, page}` (a PageTuple). */
export function hopPagesQuery(parents: readonly string[], projection: HopProjection): ProjectedQuery {
  const q = new QueryText();
  const page = pageExpression(q, 'parent', projection);
  return {
    text: `UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, ${page} AS page`,
    params: { ...q.params, parents },
  };
}

/**
 * A root list (a cypher/list-*.cypher file returning rows `n, count`), its page in the terms' order:
 * rows `{total, entries}`, each entry [[NodeTuple, count], key].
 */
export function listQuery(
  listText: string,
  terms: readonly SortTerm[],
  window: Window,
  projection: NodeProjection,
): ProjectedQuery {
  const q = new QueryText();
  const node = nodeExpression(q, 'n', projection);
  return {
    text: pagedRows(listText, ['n', 'count'], terms, window, `[${node}, count]`, (v) => q.param(v)),
    params: q.params,
  };
}

/** What a request reads of each FEEDS pair. */
export interface FeedProjection {
  report: NodeProjection;
  network: NodeProjection;
  rel: RelProjection;
}

/**
 * The report feeds (a file returning rows `r, f, n`), their page in the terms' order: rows `{total, entries}`,
 * each entry [[report, network, rel], key].
 */
export function feedsQuery(
  feedsText: string,
  terms: readonly SortTerm[],
  window: Window,
  projection: FeedProjection,
): ProjectedQuery {
  const q = new QueryText();
  const report = nodeExpression(q, 'r', projection.report, ['Report']);
  const network = nodeExpression(q, 'n', projection.network, ['Network']);
  const rel = relExpression(q, 'f', 'FEEDS', projection.rel);
  return {
    text: pagedRows(feedsText, ['r', 'f', 'n'], terms, window, `[${report}, ${network}, ${rel}]`, (v) =>
      q.param(v),
    ),
    params: q.params,
  };
}

/** The FEEDS entries as feedsQuery reads them → report, network and relationship each. */
export function decodeFeeds(
  entries: [[NodeTuple, NodeTuple, RelTuple], SortKey][],
  projection: FeedProjection,
): { report: GraphNode; network: GraphNode; rel: RelData }[] {
  const decodeRelRow = relDecoder('FEEDS', projection.rel);
  return entries.map(([[report, network, rel]]) => ({
    report: decodeProjectedNode(report, projection.report, ['Report']),
    network: decodeProjectedNode(network, projection.network, ['Network']),
    rel: decodeRelRow(rel),
  }));
}

// ---- reading rows ---------------------------------------------------------------------------------

/*
 * Projected rows are positional lists, not maps: Bolt sends a map's keys with every value, and decoding
 * those strings was the largest part of the time a deep answer spent in Node. The tuples, as the writers
 * above produce them:
 */
/** key, label (null: the one the hop reaches), the projection's `props` in order, its `hops`' pages in order. */
export type NodeTuple = [string, string | null, unknown[], PageTuple[]?];
/** The list's length (null: not counted), the hits. */
export type PageTuple = [number | null, HitTuple[]];
/** The node reached, the relationship, the hit's sort key. */
type HitTuple = [NodeTuple, RelTuple, SortKey];
/** Values of `relProps`, the evidence lists' slices, evidence count, first and last seen, evidence nodes. */
export type RelTuple = [
  unknown[],
  string[] | null,
  string[] | null,
  string[] | null,
  number | null,
  string | null,
  string | null,
  [NodeTuple | null, NodeTuple | null][] | null,
];

/** A projected node → the GraphNode, with the pages read below it filed for prefetchedPage. */
export function decodeProjectedNode(
  row: NodeTuple,
  projection: NodeProjection,
  reached: readonly NodeLabel[] = [],
): GraphNode {
  const [key, written, values, pages = []] = row;
  const label = written ?? (reached.length === 1 ? reached[0] : undefined);
  if (label === undefined || !isNodeLabel(label))
    throw new StorageRowError(`projected node ${key} has no known label (${String(written)})`);
  const node = decodeNode({ uid: uidOf(label, key), key, label, values }, projection.props);
  if (projection.hops.length > 0) {
    const filed = new Map<string, Slice<HopHit>>();
    projection.hops.forEach((hop, i) => {
      const page = pages[i];
      if (page !== undefined) filed.set(hop.key, decodePage(page, hop));
    });
    prefetched.set(node, filed);
  }
  return node;
}

const optionalNode = (
  row: NodeTuple | null | undefined,
  projection: NodeProjection | null,
  label: NodeLabel,
) =>
  row === null || row === undefined || projection === null
    ? null
    : decodeProjectedNode(row, projection, [label]);

/**
 * Whether an evidence entry's Update is asked for only what its key says (ISSUE_KEY_PROPERTY): then it is
 * made from the source, which names it, with no lookup — the source's Update is in the graph, since an
 * Update's evidence is written and retracted with it (src/load).
 */
const issueFromSource = (projection: NodeProjection | null): projection is NodeProjection =>
  projection !== null &&
  projection.hops.length === 0 &&
  projection.props.every((prop) => prop === ISSUE_KEY_PROPERTY);

const issueOfSource = (source: string, projection: NodeProjection): GraphNode | null => {
  // A curator's decision (assertEdge) is evidence of its own: no Update.
  if (isDecisionSource(source)) return null;
  const number = issueNumberOfSource(source);
  return decodeNode(
    {
      uid: issueUid(number),
      key: issueKey(number),
      label: 'Issue',
      // Every selected property is ISSUE_KEY_PROPERTY (issueFromSource), so each value is the number.
      values: projection.props.map(() => number),
    },
    projection.props,
  );
};

/**
 * The decoder of one projection's relationships: which stored properties it reads, worked out once for a
 * page, not once per hit. A RelTuple → its RelData, with its evidence's nodes when they were read.
 */
function relDecoder(type: EdgeType, projection: RelProjection): (row: RelTuple) => RelData {
  const { types, names } = storedRelProps(type, projection);
  const wanted = projection.evidenceNodes;
  const issueByKey = wanted !== null && issueFromSource(wanted.issue) ? wanted.issue : null;
  return ([values, sources, quotes, seenOn, evidenceCount, firstSeen, lastSeen, found]) => {
    const rel = decodeRel(
      { values, sources, quotes, seenOn, evidenceCount, firstSeen, lastSeen },
      names,
      types,
    );
    if (wanted === null || (found === null && issueByKey === null)) return rel;
    const evidenceNodes = rel.sources.map((source, i) => ({
      issue:
        issueByKey !== null
          ? issueOfSource(source, issueByKey)
          : optionalNode(found?.[i]?.[0], wanted.issue, 'Issue'),
      item: optionalNode(found?.[i]?.[1], wanted.item, 'Item'),
    }));
    return { ...rel, evidenceNodes };
  };
}

export function decodePage(row: PageTuple, projection: HopProjection): Slice<HopHit> {
  const reached = reachedLabels(projection.hop);
  const decodeRelRow = relDecoder(projection.hop.type, projection);
  const [counted, hits] = row;
  const items = hits.map(([node, rel]): HopHit => ({
    node: decodeProjectedNode(node, projection.node, reached),
    rel: decodeRelRow(rel),
  }));
  const keys = hits.map(([, , key]) => key);
  // Uncounted, the length is not asked for (totalCount not selected); the page's own is the best known.
  return sliceOf(items, keys, projection.window, counted ?? Math.min(items.length, projection.window.limit));
}
