import { EDGE_CATALOGUE, type GraphNode, type Hop, type PropertyType } from '../graph/index.js';
import {
  decodeNode,
  decodeRel,
  type EvidenceNodes,
  type NodeRow,
  type RelData,
  type RelRow,
} from './rows.js';
import type { Slice, Window } from './window.js';

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

/** One page of a relationship hop from a node. */
export interface HopProjection {
  /** Where the page is filed on the parent node: the GraphQL response key that asked for it. */
  key: string;
  hop: Hop;
  window: Window;
  /** Bounds on the reached node's `date` (a Report's `publishedOn`). */
  from: string | null;
  to: string | null;
  oldestFirst: boolean;
  /** Relationship properties to read (those the edge catalogue gives this type). */
  relProps: readonly string[];
  /** How many evidence entries to bring per relationship, and whose nodes with them. */
  evidence: number;
  evidenceNodes: EvidenceNodesProjection | null;
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

function nodeExpression(q: QueryText, node: string, projection: NodeProjection): string {
  const values = projection.props.map((prop) => `${node}.${identifier(prop)}`).join(', ');
  const hops =
    projection.hops.length === 0
      ? ''
      : `, hops: [${projection.hops.map((hop) => pageExpression(q, node, hop)).join(', ')}]`;
  return `{uid: ${node}.uid, key: ${node}.key, label: [l IN labels(${node}) WHERE l <> 'Entity'][0], values: [${values}]${hops}}`;
}

function evidenceNodesExpression(q: QueryText, rel: string, projection: HopProjection): string {
  const wanted = projection.evidenceNodes;
  if (wanted === null || (wanted.issue === null && wanted.item === null)) return '';
  const [index, source, issue, item] = ['k', 'src', 'ei', 'et'].map((prefix) => q.variable(prefix)) as [
    string,
    string,
    string,
    string,
  ];
  const look = (variable: string, uid: string, p: NodeProjection | null) =>
    p === null ? '' : `OPTIONAL MATCH (${variable}:Entity {uid: ${uid}}) `;
  const value = (variable: string, p: NodeProjection | null) =>
    p === null
      ? 'null'
      : `CASE WHEN ${variable} IS NULL THEN null ELSE ${nodeExpression(q, variable, p)} END`;
  return (
    `, evidenceNodes: COLLECT { UNWIND range(0, size(coalesce(${rel}.sources, [])[..${q.param(projection.evidence)}]) - 1) AS ${index} ` +
    `WITH ${index}, ${rel}.sources[${index}] AS ${source} ` +
    look(issue, SOURCE_ISSUE_UID(source), wanted.issue) +
    look(item, SOURCE_ITEM_UID(source), wanted.item) +
    `WITH ${index}${wanted.issue === null ? '' : `, ${issue}`}${wanted.item === null ? '' : `, ${item}`} ORDER BY ${index} ` +
    `RETURN {issue: ${value(issue, wanted.issue)}, item: ${value(item, wanted.item)}} }`
  );
}

/** The requested relationship properties that the edge catalogue gives the hop's type, with their types. */
function storedRelProps(projection: HopProjection) {
  const types = EDGE_CATALOGUE[projection.hop.type].props as Record<string, PropertyType>;
  return { types, names: projection.relProps.filter((name) => name in types) };
}

function relExpression(q: QueryText, rel: string, projection: HopProjection): string {
  const values = storedRelProps(projection)
    .names.map((prop) => `${rel}.${identifier(prop)}`)
    .join(', ');
  const slice = (list: string) => `coalesce(${rel}.${list}, [])[..${q.param(projection.evidence)}]`;
  // Evidence lists can hold hundreds of entries: they are read only when the request asked for them.
  const selected = (field: string, expression: string) =>
    projection.relProps.includes(field) ? `, ${field}: ${expression}` : '';
  const evidence =
    projection.evidence === 0
      ? ''
      : `, sources: ${slice('sources')}, quotes: ${slice('quotes')}, seenOn: ${slice('seenOn')}`;
  return (
    `{values: [${values}]${evidence}` +
    selected('evidenceCount', `size(coalesce(${rel}.sources, []))`) +
    selected('firstSeen', `${rel}.firstSeen`) +
    selected('lastSeen', `${rel}.lastSeen`) +
    `${evidenceNodesExpression(q, rel, projection)}}`
  );
}

/**
 * A page of a hop from `parent`: `{total, hits}`. The order is an Update's items by position; otherwise
 * newest first (oldest with `oldestFirst`), undated last; then position and key. A window from the end
 * reads the list in reverse (every term flipped, so the order is exactly reversed) and decodePage turns it
 * round; the database sorts only the top of the list (ORDER BY … LIMIT).
 */
function pageExpression(q: QueryText, parent: string, projection: HopProjection): string {
  const type = identifier(projection.hop.type);
  const pattern = (rel: string, node: string) =>
    projection.hop.direction === 'out'
      ? `(${parent})-[${rel}:${type}]->(${node}:Entity)`
      : `(${parent})<-[${rel}:${type}]-(${node}:Entity)`;
  const datedOf = (node: string) => `coalesce(${node}.date, ${node}.publishedOn)`;
  const within = (dated: string) => {
    const bounds = [
      ...(projection.from === null ? [] : [`${dated} >= ${q.param(projection.from)}`]),
      ...(projection.to === null ? [] : [`${dated} <= ${q.param(projection.to)}`]),
    ];
    return bounds.length === 0 ? '' : `WHERE ${bounds.join(' AND ')} `;
  };
  const [rel, node, dated] = ['r', 'n', 'd'].map((prefix) => q.variable(prefix)) as [string, string, string];
  const terms: [string, boolean][] = [
    [`${rel}.position`, true],
    [`${dated} IS NULL`, true],
    [dated, projection.oldestFirst],
    [`${node}.position`, true],
    [`${node}.key`, true],
  ];
  const order = terms
    .map(([term, ascending]) => `${term}${ascending !== projection.window.fromEnd ? '' : ' DESC'}`)
    .join(', ');
  const counted = q.variable('c');
  const total =
    projection.counted || projection.window.fromEnd
      ? `COUNT { MATCH ${pattern('', counted)} ${within(datedOf(counted))}}`
      : 'null';
  const hits = !projection.listed
    ? '[]'
    : `COLLECT { MATCH ${pattern(rel, node)} WITH ${rel}, ${node}, ${datedOf(node)} AS ${dated} ${within(dated)}` +
      `ORDER BY ${order} ` +
      // Parameters arrive as floats (the driver sends JS numbers so); SKIP and LIMIT want integers.
      (projection.window.fromEnd ? '' : `SKIP toInteger(${q.param(projection.window.skip)}) `) +
      `LIMIT toInteger(${q.param(projection.window.limit)}) ` +
      `RETURN {node: ${nodeExpression(q, node, projection.node)}, rel: ${relExpression(q, rel, projection)}} }`;
  return `{total: ${total}, hits: ${hits}}`;
}

export interface ProjectedQuery {
  text: string;
  params: Record<string, unknown>;
}

/** Nodes by uid (`$uids`), each with its projection: rows `{node}`. */
export function nodesQuery(uids: readonly string[], projection: NodeProjection): ProjectedQuery {
  const q = new QueryText();
  const node = nodeExpression(q, 'node', projection);
  return {
    text: `UNWIND $uids AS uid MATCH (node:Entity {uid: uid}) RETURN ${node} AS node`,
    params: { ...q.params, uids },
  };
}

/** A page of one hop for each parent uid (`$parents`): rows `{parentUid, page}`. */
export function hopPagesQuery(parents: readonly string[], projection: HopProjection): ProjectedQuery {
  const q = new QueryText();
  const page = pageExpression(q, 'parent', projection);
  return {
    text: `UNWIND $parents AS parentUid MATCH (parent:Entity {uid: parentUid}) RETURN parentUid, ${page} AS page`,
    params: { ...q.params, parents },
  };
}

// ---- reading rows ---------------------------------------------------------------------------------

/** A node as nodeExpression projects it. */
export interface ProjectedNodeRow extends NodeRow {
  hops?: PageRow[];
}

/** A page as pageExpression projects it. */
export interface PageRow {
  total: number | null;
  hits: {
    node: ProjectedNodeRow;
    rel: RelRow & {
      evidenceNodes?: { issue: ProjectedNodeRow | null; item: ProjectedNodeRow | null }[];
    };
  }[];
}

/** A projected node row → the GraphNode, with the pages read below it filed for prefetchedPage. */
export function decodeProjectedNode(row: ProjectedNodeRow, projection: NodeProjection): GraphNode {
  const node = decodeNode(row, projection.props);
  if (projection.hops.length > 0) {
    const pages = new Map<string, Slice<HopHit>>();
    projection.hops.forEach((hop, i) => {
      const page = row.hops?.[i];
      if (page !== undefined) pages.set(hop.key, decodePage(page, hop));
    });
    prefetched.set(node, pages);
  }
  return node;
}

const optionalNode = (row: ProjectedNodeRow | null, projection: NodeProjection | null): GraphNode | null =>
  row === null || projection === null ? null : decodeProjectedNode(row, projection);

export function decodePage(row: PageRow, projection: HopProjection): Slice<HopHit> {
  const { types, names: relProps } = storedRelProps(projection);
  const items = row.hits.map((hit): HopHit => {
    const rel = decodeRel(hit.rel, relProps, types);
    const wanted = projection.evidenceNodes;
    const evidenceNodes: EvidenceNodes[] | undefined =
      hit.rel.evidenceNodes === undefined || wanted === null
        ? undefined
        : hit.rel.evidenceNodes.map((found) => ({
            issue: optionalNode(found.issue, wanted.issue),
            item: optionalNode(found.item, wanted.item),
          }));
    return {
      node: decodeProjectedNode(hit.node, projection.node),
      rel: evidenceNodes === undefined ? rel : { ...rel, evidenceNodes },
    };
  });
  const { skip, fromEnd } = projection.window;
  if (!fromEnd) return { items, start: skip, total: row.total ?? skip + items.length };
  // Read last-first: turn round, and keep nothing before `skip` (a window from the end never reaches back past it).
  const total = row.total ?? items.length;
  items.reverse();
  const start = total - items.length;
  const dropped = Math.max(0, skip - start);
  return { items: items.slice(dropped), start: start + dropped, total };
}
