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
import {
  and,
  as,
  caseWhen,
  collect,
  comprehension,
  count,
  EMPTY_LIST,
  fn,
  index,
  int,
  isNotNull,
  isNull,
  labelOf,
  list,
  matchUid,
  named,
  namedParam,
  NULL,
  op,
  param,
  printQuery,
  prop,
  sliceTo,
  str,
  variable,
  wire,
  withClause,
  type Expression,
  type Pattern,
  type PrintedQuery,
  type Variable,
} from './cypher-tree.js';
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
 * tree of these (src/api/selection.ts); this module builds from it a Cypher tree (src/storage/cypher-tree.ts)
 * of nested COLLECT / COUNT subqueries — the shape @neo4j/graphql's translator gives a selection — so that a
 * node and every page of every hop below it, each ordered, sliced and counted in the database, travel in one
 * round trip. Only the selected properties are projected; relationship types are written into the text
 * (identifiers of the graph model) because the planner uses only what it can see; the selected property
 * names and every value a user gives (dates, window) are parameters, so one shape of hops is one cached plan,
 * whichever scalar fields it selects (planning a new text takes hundreds of ms, running it a few).
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

// ---- the rows on the wire ---------------------------------------------------------------------------

/*
 * What a projection returns, slot by slot: each list is written (below) and read (decode*) through these
 * named schemas only. Values the request did not select are left out (null).
 */
/** key, label (null: the one the hop reaches), the projection's `props` in order, its `hops`' pages in order. */
interface NodeWire {
  key: string;
  label: string | null;
  values: unknown[];
  pages: unknown[] | null;
}
/** The list's length (null: not counted), the hits. */
interface PageWire {
  total: number | null;
  hits: unknown[];
}
/** The node reached, the relationship, the hit's sort key. */
interface HitWire {
  node: unknown;
  rel: unknown;
  sortKey: SortKey;
}
/** The values of `relProps`, first and last seen, and what evidenceRead reads. */
interface RelWire {
  values: unknown[];
  firstSeen: string | null;
  lastSeen: string | null;
  evidenceCount: number | null;
  sources: string[] | null;
  quotes: string[] | null;
  seenOn: string[] | null;
  evidenceNodes: unknown[] | null;
}
/** The Update and the Item of one evidence entry (null: not read, or none). */
interface EvidenceNodesWire {
  issue: unknown;
  item: unknown;
}
/** An Item's `issueNumber` and `date`: its Update's page when issueOnItem. */
interface ItemIssueWire {
  number: number | null;
  date: unknown;
}
/** A root list's entry: the node, and the figure the list counted for it. */
interface ListEntryWire {
  node: unknown;
  count: number | null;
}
/** A FEEDS pair. */
interface FeedWire {
  report: unknown;
  network: unknown;
  rel: unknown;
}

const NODE = wire<NodeWire>('node', ['key', 'label', 'values', 'pages']);
const PAGE = wire<PageWire>('page', ['total', 'hits']);
const HIT = wire<HitWire>('hit', ['node', 'rel', 'sortKey']);
const REL = wire<RelWire>('relationship', [
  'values',
  'firstSeen',
  'lastSeen',
  'evidenceCount',
  'sources',
  'quotes',
  'seenOn',
  'evidenceNodes',
]);
const EVIDENCE_NODES = wire<EvidenceNodesWire>('evidence nodes', ['issue', 'item']);
const ITEM_ISSUE = wire<ItemIssueWire>("item's update", ['number', 'date']);
const LIST_ENTRY = wire<ListEntryWire>('list entry', ['node', 'count']);
const FEED = wire<FeedWire>('feed', ['report', 'network', 'rel']);

// ---- writing Cypher -------------------------------------------------------------------------------

/** A node with the projection's properties and hop pages; `labels`: those it can have (one: not read). */
function nodeExpression(
  node: Variable,
  projection: NodeProjection,
  labels: readonly NodeLabel[] = [],
): Expression {
  return NODE.write({
    key: prop(node, 'key'),
    label: labels.length === 1 ? NULL : labelOf(node),
    values: propertyValues(node, projection.props),
    ...(projection.hops.length === 0
      ? {}
      : { pages: list(projection.hops.map((hop) => pageExpression(node, hop))) }),
  });
}

const stores = (labels: readonly NodeLabel[], name: string): boolean =>
  labels.some((label) => name in NODE_PROPERTIES[label]);

/**
 * The date a hop's nodes are ordered and bounded by, as the graph model stores it for the labels reached
 * (an Item's or Meeting's `date`, a Report's `publishedOn`), or null when they have none. Only stored
 * properties are read: a property no node has would still be looked up on every one.
 */
function datedExpression(labels: readonly NodeLabel[], node: Variable): Expression | null {
  const dates = ['date', 'publishedOn']
    .filter((name) => stores(labels, name))
    .map((name) => prop(node, name));
  if (dates.length === 0) return null;
  return dates.length === 1 ? dates[0]! : fn('coalesce', ...dates);
}

/**
 * The Cypher side of the evidence codec (src/graph/evidence.ts: sourceIssueUid, sourceItemUid): a source is
 * an Item key "518/3" or an Update key "issue:518". test/api/projection.test.ts checks the two agree.
 */
export const SOURCE_ISSUE_UID = (source: Expression): Expression =>
  op(
    str('Issue:issue:'),
    '+',
    index(fn('split', fn('replace', source, str('issue:'), str('')), str('/')), 0),
  );
export const SOURCE_ITEM_UID = (source: Expression): Expression =>
  caseWhen(op(source, 'STARTS WITH', str('issue:')), NULL, op(str('Item:'), '+', source));

type EvidenceList = 'sources' | 'quotes' | 'seenOn';

/** An `:Evidence` node's property for each evidence list, in the order its entries are read (beyondEdge). */
const BEYOND_EDGE: readonly (readonly [EvidenceList, string])[] = [
  ['sources', 'source'],
  ['quotes', 'quote'],
  ['seenOn', 'date'],
];
const BEYOND_SLOT = (list: EvidenceList): number => BEYOND_EDGE.findIndex(([name]) => name === list);

/**
 * The first `reach` entries of an edge's evidence beyond its own lists (src/graph/evidence.ts), each as
 * [source, quote, date] in evidence order: none unless the edge has some (`overflow`).
 */
function beyondEdge(rel: Variable, reach: Expression): Expression {
  const evidence = variable('ev');
  const tab = str('\t');
  // evidenceEdgeId: the edge's ends, type and key.
  const edgeId = [
    prop(fn('startNode', rel), 'uid'),
    fn('type', rel),
    prop(fn('endNode', rel), 'uid'),
    fn('coalesce', prop(rel, 'key'), str('')),
  ].reduce((id, part) => op(op(id, '+', tab), '+', part));
  const read = (name: string) => prop(evidence, name);
  return caseWhen(
    op(fn('coalesce', prop(rel, 'overflow'), int(0)), '=', int(0)),
    EMPTY_LIST,
    collect([
      {
        kind: 'matchNode',
        node: evidence,
        label: 'Evidence',
        property: 'edge',
        value: edgeId,
        optional: false,
        where: and(BEYOND_EDGE.map(([, name]) => isNotNull(read(name)))),
      },
      withClause([evidence], {
        // `edge` first (one value here): the evidence_edge index then gives the order, and only `reach` are read.
        orderBy: ['edge', 'date', 'source', 'quote'].map((name) => ({
          expression: read(name),
          descending: false,
        })),
        limit: fn('toInteger', reach),
      }),
      { kind: 'return', items: [list(BEYOND_EDGE.map(([, name]) => read(name)))] },
    ]),
  );
}

/**
 * Everything a request reads of a relationship's evidence, written in this one place: how many entries it
 * has, the slices of its evidence lists as far as the request reaches (`sources` numbers the entries;
 * `quotes` and `seenOn` only when quote or date is selected), the `:Evidence` entries beyond the edge's own
 * lists only when the request reaches past them, and each entry's Update and Item when selected. `around`
 * wraps the relationship's expression, to read the entries beyond the edge once for all its lists.
 */
function evidenceRead(
  rel: Variable,
  projection: RelProjection,
): {
  fields: { [K in 'evidenceCount' | EvidenceList | 'evidenceNodes']?: Expression };
  around: (relationship: Expression) => Expression;
} {
  const own = (name: EvidenceList) => fn('coalesce', prop(rel, name), EMPTY_LIST);
  const counted = projection.relProps.includes('evidenceCount')
    ? { evidenceCount: op(fn('size', own('sources')), '+', fn('coalesce', prop(rel, 'overflow'), int(0))) }
    : {};
  if (projection.evidence === 0) return { fields: counted, around: (relationship) => relationship };
  // One parameter for how far into the evidence lists the request reaches, shared by every slice of them.
  const reach = param(projection.evidence);
  const beyond = projection.evidence > EVIDENCE_PREVIEW ? variable('ov') : null;
  const entry = variable('x');
  const listOf = (name: EvidenceList) =>
    sliceTo(
      beyond === null
        ? own(name)
        : op(own(name), '+', comprehension(entry, beyond, index(entry, BEYOND_SLOT(name)))),
      reach,
    );
  const slice = (name: EvidenceList) =>
    name === 'sources' || projection.evidenceLists.includes(name) ? listOf(name) : undefined;
  const wanted = projection.evidenceNodes;
  const issueRead = wanted === null || issueFromSource(wanted.issue) ? null : wanted.issue;
  const itemRead = wanted?.item ?? null;
  let evidenceNodes: Expression | undefined;
  if (issueRead !== null || itemRead !== null) {
    const at = variable('k');
    const source = variable('src');
    const issue = variable('ei');
    const item = variable('et');
    const value = (node: Variable, read: NodeProjection | null, label: NodeLabel) =>
      read === null ? undefined : caseWhen(isNull(node), NULL, nodeExpression(node, read, [label]));
    evidenceNodes = collect([
      { kind: 'unwind', list: fn('range', int(0), op(fn('size', listOf('sources')), '-', int(1))), as: at },
      withClause([at, as(index(listOf('sources'), at), source)]),
      ...(issueRead === null ? [] : [matchUid(issue, SOURCE_ISSUE_UID(source), true)]),
      ...(itemRead === null ? [] : [matchUid(item, SOURCE_ITEM_UID(source), true)]),
      withClause([at, ...(issueRead === null ? [] : [issue]), ...(itemRead === null ? [] : [item])], {
        orderBy: [{ expression: at, descending: false }],
      }),
      {
        kind: 'return',
        items: [
          EVIDENCE_NODES.write({
            issue: value(issue, issueRead, 'Issue'),
            item: value(item, itemRead, 'Item'),
          }),
        ],
      },
    ]);
  }
  return {
    fields: {
      ...counted,
      sources: slice('sources'),
      quotes: slice('quotes'),
      seenOn: slice('seenOn'),
      evidenceNodes,
    },
    around:
      beyond === null
        ? (relationship) => relationship
        : (relationship) => index(comprehension(beyond, list([beyondEdge(rel, reach)]), relationship), 0),
  };
}

/**
 * Neo4j caches a plan per query text and per size class of each list parameter (0, 1, 2–10, 11–100…,
 * measured on 5.26): a list that moves from one class to another is planned again. The lists a
 * projection sends are therefore padded to this length with '', a property name no node has (it reads
 * null, and decoding reads only the names asked for) and a uid no node has (it matches nothing, and
 * callers look their rows up by uid): one uid and a handful then share a plan.
 */
const LIST_PARAMETER_LENGTH = 2;

const padded = (values: readonly string[]): string[] => [
  ...values,
  ...Array<string>(Math.max(0, LIST_PARAMETER_LENGTH - values.length)).fill(''),
];

/**
 * The values of `props` on a node or relationship, in their order. The names are a parameter, not written
 * into the text: two selections that differ only in their scalar fields (up to ten of them) are then one
 * query text and one plan; planning a text of nested subqueries takes a few hundred ms, running it a few.
 */
function propertyValues(entity: Variable, props: readonly string[]): Expression {
  const name = variable('prop');
  return comprehension(name, param(padded(props)), index(entity, name));
}

/** The requested relationship properties that the edge catalogue gives the hop's type, with their types. */
function storedRelProps(type: EdgeType, projection: RelProjection) {
  // `key` (the role of a role edge, '' for most) is read when the edge's stable `id` is selected.
  const types = { ...(EDGE_CATALOGUE[type].props as Record<string, PropertyType>), key: 'string' as const };
  const names = projection.relProps.filter((name) => name in types && name !== 'key');
  return { types, names: projection.relProps.includes('id') ? [...names, 'key'] : names };
}

/** A relationship: the stored values selected, first and last seen when selected, and its evidence. */
function relExpression(rel: Variable, type: EdgeType, projection: RelProjection): Expression {
  const selected = (field: 'firstSeen' | 'lastSeen') =>
    projection.relProps.includes(field) ? prop(rel, field) : undefined;
  const evidence = evidenceRead(rel, projection);
  return evidence.around(
    REL.write({
      values: propertyValues(rel, storedRelProps(type, projection).names),
      firstSeen: selected('firstSeen'),
      lastSeen: selected('lastSeen'),
      ...evidence.fields,
    }),
  );
}

/** The Update's properties an Item stores too, as `issueNumber` and `date` (src/extract/nodes.ts: itemNode). */
const ISSUE_ON_ITEM = new Set(['number', 'date']);

/**
 * Whether a hop is an Item's Update (its `issue` field), asked only for what the Item stores of it: the page is
 * then read from the Item's own properties. Every nested COLLECT subquery is one more query the planner
 * plans when it meets a new shape, and `issue { number date }` below an item is among the most common.
 */
const issueOnItem = (projection: HopProjection): boolean =>
  projection.hop.type === 'HAS_ITEM' &&
  projection.hop.direction === 'in' &&
  projection.window.limit === 1 &&
  projection.window.after === null &&
  projection.window.before === null &&
  !projection.counted &&
  projection.listed &&
  projection.relProps.length === 0 &&
  projection.evidence === 0 &&
  projection.node.hops.length === 0 &&
  projection.node.props.every((name) => ISSUE_ON_ITEM.has(name));

/**
 * A page of a hop from `parent`. The order is an Update's items by position; otherwise newest first
 * (oldest with `oldestFirst`), undated last; then position, key and uid. The page is the hits whose key
 * comes after the window's cursor (keyset paging, src/storage/window.ts); a window from the end reads the
 * list in reverse and decodePage turns it round; the database sorts only the top of the list
 * (ORDER BY … LIMIT).
 */
function pageExpression(parent: Variable, projection: HopProjection): Expression {
  if (issueOnItem(projection))
    return ITEM_ISSUE.write({
      number: prop(parent, 'issueNumber'),
      date: prop(parent, 'date'),
    });
  const { type, direction } = projection.hop;
  const labels = reachedLabels(projection.hop);
  // Every node is an :Entity: writing the label in would only add a label check per hit, and a count
  // without it (and without bounds) is the node's degree, which Neo4j reads without expanding.
  const pattern = (rel: Variable | null, node: Variable): Pattern => ({
    from: parent,
    rel,
    type,
    direction,
    to: node,
  });
  const rel = variable('r');
  const node = variable('n');
  const counted = variable('c');
  // The bounds are one parameter each, shared by the count and the page.
  const from = projection.from === null ? null : param(projection.from);
  const to = projection.to === null ? null : param(projection.to);
  const within = (date: Expression | null): Expression | null => {
    const bounds = [
      ...(from === null ? [] : [op(date ?? NULL, '>=', from)]),
      ...(to === null ? [] : [op(date ?? NULL, '<=', to)]),
    ];
    if (bounds.length > 0 && date === null)
      throw new Error(`projection: ${type} reaches ${labels.join(', ')}, which hold no date to bound`);
    return and(bounds);
  };
  const nodeDate = datedExpression(labels, node);
  const dated = nodeDate === null ? null : variable('d');
  const terms = hopOrder(projection, rel, node, dated);
  const total = projection.counted
    ? count(pattern(null, counted), within(datedExpression(labels, counted)))
    : NULL;
  if (!projection.listed) return PAGE.write({ total, hits: EMPTY_LIST });
  const hits = collect([
    { kind: 'match', pattern: pattern(rel, node), where: null },
    // One WITH reads the date once per hit; its WHERE bounds it and keeps the hits after the window's cursors.
    withClause([rel, node, ...(dated === null || nodeDate === null ? [] : [as(nodeDate, dated)])], {
      where: and([within(dated), keysetWhere(terms, projection.window)].filter((term) => term !== null)),
      orderBy: orderByTerms(terms, projection.window),
      limit: overflowLimit(projection.window),
    }),
    {
      kind: 'return',
      items: [
        HIT.write({
          node: nodeExpression(node, projection.node, labels),
          rel: relExpression(rel, type, projection),
          sortKey: keyExpression(terms),
        }),
      ],
    },
  ]);
  return PAGE.write({ total, hits });
}

/** The order of a hop's hits, over its relationship, node and (when the nodes are dated) date variables. */
function hopOrder(
  projection: HopProjection,
  rel: Variable,
  node: Variable,
  dated: Variable | null,
): SortTerm[] {
  const labels = reachedLabels(projection.hop);
  const byDate = projection.oldestFirst ? ascending : descending;
  return [
    ...('position' in EDGE_CATALOGUE[projection.hop.type].props ? [ascending(prop(rel, 'position'))] : []),
    ...(dated === null ? [] : [ascending(isNull(dated)), byDate(dated)]),
    ...(stores(labels, 'position') ? [ascending(prop(node, 'position'))] : []),
    ascending(prop(node, 'key')),
    ascending(prop(node, 'uid')),
  ];
}

export type ProjectedQuery = PrintedQuery;

/** Nodes by uid (`$uids`), each with its projection: rows `{node}`, none for a uid no node has. */
export function nodesQuery(uids: readonly string[], projection: NodeProjection): ProjectedQuery {
  const uid = named('uid');
  const node = named('node');
  return printQuery([
    { kind: 'unwind', list: namedParam('uids', padded(uids)), as: uid },
    matchUid(node, uid, false),
    { kind: 'return', items: [as(nodeExpression(node, projection), node)] },
  ]);
}

/** A page of one hop for each parent uid (`$parents`): rows `{parentUid, page}`, none for a uid no node has. */
export function hopPagesQuery(parents: readonly string[], projection: HopProjection): ProjectedQuery {
  const parentUid = named('parentUid');
  const parent = named('parent');
  return printQuery([
    { kind: 'unwind', list: namedParam('parents', padded(parents)), as: parentUid },
    matchUid(parent, parentUid, false),
    { kind: 'return', items: [parentUid, as(pageExpression(parent, projection), named('page'))] },
  ]);
}

/**
 * A root list (a cypher/list-*.cypher file returning rows `n, count`), its page in the terms' order:
 * rows `{total, entries}` (window.ts: pagedRows), each entry a node and its count.
 */
export function listQuery(
  listText: string,
  terms: readonly SortTerm[],
  window: Window,
  projection: NodeProjection,
): ProjectedQuery {
  const entry = LIST_ENTRY.write({ node: nodeExpression(named('n'), projection), count: named('count') });
  return printQuery(pagedRows(listText, ['n', 'count'], terms, window, entry));
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
  const entry = FEED.write({
    report: nodeExpression(named('r'), projection.report, ['Report']),
    network: nodeExpression(named('n'), projection.network, ['Network']),
    rel: relExpression(named('f'), 'FEEDS', projection.rel),
  });
  return printQuery(pagedRows(feedsText, ['r', 'f', 'n'], terms, window, entry));
}

// ---- reading rows ---------------------------------------------------------------------------------

/** The decoder of feedsQuery's entries: report, network and relationship each. */
export function feedDecoder(
  projection: FeedProjection,
): (entry: unknown) => { report: GraphNode; network: GraphNode; rel: RelData } {
  const decodeRelRow = relDecoder('FEEDS', projection.rel);
  return (entry) => {
    const { report, network, rel } = FEED.read(entry);
    return {
      report: decodeProjectedNode(report, projection.report, ['Report']),
      network: decodeProjectedNode(network, projection.network, ['Network']),
      rel: decodeRelRow(rel),
    };
  };
}

/** A listQuery entry → the node, and the figure the list counted for it (null where it counts nothing). */
export function decodeListEntry(
  entry: unknown,
  projection: NodeProjection,
): { node: GraphNode; count: number | null } {
  const { node, count } = LIST_ENTRY.read(entry);
  return { node: decodeProjectedNode(node, projection), count };
}

/** A projected node → the GraphNode, with the pages read below it filed for prefetchedPage. */
export function decodeProjectedNode(
  row: unknown,
  projection: NodeProjection,
  reached: readonly NodeLabel[] = [],
): GraphNode {
  const { key, label: written, values, pages } = NODE.read(row);
  const label = written ?? (reached.length === 1 ? reached[0] : undefined);
  if (label === undefined || !isNodeLabel(label))
    throw new StorageRowError(`projected node ${key} has no known label (${String(written)})`);
  const node = decodeNode({ uid: uidOf(label, key), key, label, values }, projection.props);
  if (projection.hops.length > 0) {
    const filed = new Map<string, Slice<HopHit>>();
    projection.hops.forEach((hop, i) => {
      const page = pages?.[i];
      if (page !== undefined) filed.set(hop.key, decodePage(page, hop));
    });
    prefetched.set(node, filed);
  }
  return node;
}

const optionalNode = (row: unknown, projection: NodeProjection | null, label: NodeLabel) =>
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
 * page, not once per hit. A relationship on the wire → its RelData, with its evidence's nodes when they were read.
 */
function relDecoder(type: EdgeType, projection: RelProjection): (row: unknown) => RelData {
  const { types, names } = storedRelProps(type, projection);
  const wanted = projection.evidenceNodes;
  const issueByKey = wanted !== null && issueFromSource(wanted.issue) ? wanted.issue : null;
  return (row) => {
    const { evidenceNodes: found, ...read } = REL.read(row);
    const rel = decodeRel(read, names, types);
    if (wanted === null || (found === null && issueByKey === null)) return rel;
    const evidenceNodes = rel.sources.map((source, i) => {
      const entry = found?.[i] === undefined ? null : EVIDENCE_NODES.read(found[i]);
      return {
        issue:
          issueByKey !== null
            ? issueOfSource(source, issueByKey)
            : optionalNode(entry?.issue, wanted.issue, 'Issue'),
        item: optionalNode(entry?.item, wanted.item, 'Item'),
      };
    });
    return { ...rel, evidenceNodes };
  };
}

/**
 * An Item's Update read from the Item (issueOnItem): its one hit, or none for an item without an Update.
 * No sort key: the `issue` field is one node, never a page with cursors.
 */
function decodeIssueOnItem(row: unknown, projection: HopProjection): Slice<HopHit> {
  const { number, date } = ITEM_ISSUE.read(row);
  if (number === null) return sliceOf([], [], projection.window, 0);
  const issue = decodeNode(
    {
      uid: issueUid(number),
      key: issueKey(number),
      label: 'Issue',
      values: projection.node.props.map((name) => (name === 'number' ? number : date)),
    },
    projection.node.props,
  );
  const rel = decodeRel({ values: [] }, [], {});
  return sliceOf([{ node: issue, rel }], [], projection.window, 1);
}

export function decodePage(row: unknown, projection: HopProjection): Slice<HopHit> {
  if (issueOnItem(projection)) return decodeIssueOnItem(row, projection);
  const reached = reachedLabels(projection.hop);
  const decodeRelRow = relDecoder(projection.hop.type, projection);
  const { total: counted, hits } = PAGE.read(row);
  const read = hits.map((hit) => HIT.read(hit));
  const items = read.map(({ node, rel }): HopHit => ({
    node: decodeProjectedNode(node, projection.node, reached),
    rel: decodeRelRow(rel),
  }));
  const keys = read.map(({ sortKey }) => sortKey);
  // Uncounted, the length is not asked for (totalCount not selected); the page's own is the best known.
  return sliceOf(items, keys, projection.window, counted ?? Math.min(items.length, projection.window.limit));
}
