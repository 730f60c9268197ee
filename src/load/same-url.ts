import type { GraphRecords, NodeRecord, NodeRef, Properties } from '../extract/records.js';

/**
 * Reports with the same address are one Report whatever their titles: "Keeping children safe in education 2023"
 * linked in one Update and "KCSIE 2023" linked to the same page in another are one document. The extractor
 * keys a Report by its title, so that the text of an Update and its web page give the same records, and joins
 * the Reports of one address within one Update; across Updates the loader does it here, before it plans its
 * writes: a Report record that carries a url loads onto the Report already stored with that url, found by the
 * index on Report.url (one lookup per address, whatever the archive's size), and every edge of the Update that
 * touches it follows. The Update records the key it was written under (its Issue's describedNodes and
 * describedEdges), so replacing it later takes back what was written.
 *
 * Which key survives: the stored one, when a Report with the url is stored (the smallest key, should several
 * be); else, within one batch, the smallest of the keys that name the url. Loading A then B in separate
 * batches keeps A's key, B then A keeps B's: the same Report, the same properties and edges, under another key.
 * A later Update that names the moved title without a link is matched by title only, and so finds no Report
 * under that key.
 */

/** Report keys of a batch → the Report key their records load onto (only the keys that move). */
export type ReportMoves = Map<string, string>;

/** The Report records of the batch that carry a url: their keys and urls. */
function linkedReports(batch: GraphRecords[]): { key: string; url: string }[] {
  return batch.flatMap((records) =>
    records.nodes.flatMap((node) =>
      node.label === 'Report' && typeof node.props.url === 'string'
        ? [{ key: node.key, url: node.props.url }]
        : [],
    ),
  );
}

/** The addresses the Report records of the batch carry, each once. */
export const reportUrls = (batch: GraphRecords[]): string[] => [
  ...new Set(linkedReports(batch).map(({ url }) => url)),
];

/**
 * Where each Report of the batch loads: `stored` maps a url to the key of the Report stored with it. Keys that
 * share a url, in the store or in the batch, are one Report (transitively: a key linked to two addresses joins
 * both); its key is a stored one if any, else the smallest.
 */
export function reportMoves(batch: GraphRecords[], stored: ReadonlyMap<string, string>): ReportMoves {
  const storedKeys = new Set(stored.values());
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  /** Whether `a` rather than `b` names the joined Report: a stored key first, then the smaller. */
  const before = (a: string, b: string): boolean =>
    storedKeys.has(a) === storedKeys.has(b) ? a < b : storedKeys.has(a);
  const union = (a: string, b: string) => {
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA === rootB) return;
    if (before(rootA, rootB)) parent.set(rootB, rootA);
    else parent.set(rootA, rootB);
  };
  const firstOf = new Map<string, string>();
  for (const { key, url } of linkedReports(batch)) {
    parent.set(key, parent.get(key) ?? key);
    const storedKey = stored.get(url);
    if (storedKey !== undefined) union(key, storedKey);
    const first = firstOf.get(url);
    if (first === undefined) firstOf.set(url, key);
    else union(key, first);
  }
  const moves: ReportMoves = new Map();
  for (const key of parent.keys()) if (find(key) !== key) moves.set(key, find(key));
  return moves;
}

/**
 * One Update's records with its moved Reports under the key they load onto. Two Reports of the Update that
 * become one (one named by title, one by its link) are one record: each property as the first of them gives it,
 * lists united.
 */
export function withReportsMoved(records: GraphRecords, moves: ReportMoves): GraphRecords {
  if (moves.size === 0) return records;
  const moved = (ref: NodeRef): NodeRef =>
    ref.label === 'Report' && moves.has(ref.key) ? { label: 'Report', key: moves.get(ref.key)! } : ref;
  const nodes = new Map<string, NodeRecord>();
  for (const node of records.nodes) {
    const { label, key } = moved(node);
    const id = `${label}:${key}`;
    const seen = nodes.get(id);
    nodes.set(id, seen === undefined ? { ...node, label, key } : joined(seen, node));
  }
  return {
    ...records,
    nodes: [...nodes.values()],
    edges: records.edges.map((edge) => ({ ...edge, from: moved(edge.from), to: moved(edge.to) })),
  };
}

function joined(first: NodeRecord, second: NodeRecord): NodeRecord {
  const props: Properties = { ...first.props };
  for (const [name, value] of Object.entries(second.props)) {
    const have = props[name];
    if (Array.isArray(have) && Array.isArray(value))
      props[name] = [...new Set<string | number>([...have, ...value])] as string[] | number[];
    else if (have === undefined || have === null) props[name] = value;
  }
  const listProps = [...new Set([...(first.listProps ?? []), ...(second.listProps ?? [])])];
  return { ...first, props, ...(listProps.length === 0 ? {} : { listProps }) };
}
