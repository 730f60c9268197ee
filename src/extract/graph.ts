import type {
  EdgeRecord,
  ExtractedEdgeType,
  GraphRecords,
  NodeLabel,
  NodeRecord,
  NodeRef,
  Properties,
  PropertyValue,
} from './records.js';
import { NODE_LABELS } from './records.js';

/** Where an edge was read, less the date, which is the same for a whole Update. */
export interface Source {
  source: string;
  quote: string;
}

/**
 * Collects one Update's nodes, edges and warnings, and hands them back as GraphRecords.
 *
 * It enforces the contract's invariants in one place, so the readers of each kind of fact need not:
 * - a node added twice (same label and key) is one record: the first non-null value of each property
 *   wins and list properties (aliases, variants) are united;
 * - an edge can only be made between nodes already added, so no edge dangles;
 * - an edge repeated with the same (type, from, to, key, source) is kept once, with its first quote;
 * - every edge carries evidence dated with the Update's date;
 * - the output is sorted, so the same document always yields the same records in the same order.
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly edges = new Map<string, EdgeRecord>();
  private readonly warnings: { line: number; message: string }[] = [];

  constructor(
    private readonly issueNumber: number,
    private readonly date: string,
  ) {}

  /** Adds (or merges into) a node and returns its reference, for use in edges. */
  node(record: NodeRecord): NodeRef {
    const id = refId(record);
    const existing = this.nodes.get(id);
    this.nodes.set(id, existing === undefined ? copyNode(record) : mergeNodes(existing, record));
    return { label: record.label, key: record.key };
  }

  edge(
    type: ExtractedEdgeType,
    from: NodeRef,
    to: NodeRef,
    where: Source,
    props: Properties = {},
    key = '',
  ): void {
    const [fromId, toId] = [refId(from), refId(to)];
    for (const end of [fromId, toId]) {
      if (!this.nodes.has(end)) throw new Error(`${type} edge to unknown node ${end}`);
    }
    if (where.quote.trim() === '') throw new Error(`${type} edge from ${fromId} without a quote`);
    const id = [type, fromId, toId, key, where.source].join('\u0000');
    if (this.edges.has(id)) return;
    // Tidied only for an edge that is kept: the rules read many edges again.
    const quote = where.quote.replace(/\s+/g, ' ').trim();
    this.edges.set(id, {
      type,
      from: { label: from.label, key: from.key },
      to: { label: to.label, key: to.key },
      key,
      props,
      evidence: { source: where.source, quote, date: this.date },
    });
  }

  /** The nodes of one label recorded so far: what this Update has already named. */
  nodesOf(label: NodeLabel): NodeRecord[] {
    return [...this.nodes.values()].filter((n) => n.label === label);
  }

  /** Records a doubt for a person to see; the same doubt on the same line is recorded once. */
  warn(line: number, message: string): void {
    if (!this.warnings.some((w) => w.line === line && w.message === message))
      this.warnings.push({ line, message });
  }

  records(): GraphRecords {
    const nodes = [...this.nodes.values()].sort(
      (a, b) => NODE_LABELS.indexOf(a.label) - NODE_LABELS.indexOf(b.label) || compare(a.key, b.key),
    );
    const edges = [...this.edges.values()].sort(
      (a, b) =>
        compare(a.type, b.type) ||
        compare(refId(a.from), refId(b.from)) ||
        compare(refId(a.to), refId(b.to)) ||
        compare(a.key, b.key) ||
        compare(a.evidence.source, b.evidence.source),
    );
    const warnings = [...this.warnings].sort((a, b) => a.line - b.line || compare(a.message, b.message));
    return { issueNumber: this.issueNumber, nodes, edges, warnings };
  }
}

const refId = (ref: NodeRef): string => `${ref.label}:${ref.key}`;

/** Code-point order: unlike localeCompare, the same on every machine. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function copyNode(record: NodeRecord): NodeRecord {
  return {
    ...record,
    props: { ...record.props },
    ...(record.listProps && { listProps: [...record.listProps] }),
  };
}

function mergeNodes(first: NodeRecord, next: NodeRecord): NodeRecord {
  const listProps = [...new Set([...(first.listProps ?? []), ...(next.listProps ?? [])])];
  const props: Properties = { ...first.props };
  for (const [name, value] of Object.entries(next.props)) {
    props[name] = listProps.includes(name) ? unite(props[name], value) : (props[name] ?? value);
  }
  return { ...first, props, ...(listProps.length > 0 && { listProps }) };
}

function unite(a: PropertyValue | undefined, b: PropertyValue): PropertyValue {
  const list = (v: PropertyValue | undefined): string[] => (Array.isArray(v) ? v.map(String) : []);
  return [...new Set([...list(a), ...list(b)])];
}
