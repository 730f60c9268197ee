import { z } from 'zod';
import type { RowReader, Transaction } from '../db/database.js';
import {
  DERIVED_EDGE_TYPES,
  evidenceEdgeId,
  sourceIssueNumber,
  splitEvidence,
  type Evidence,
} from '../graph/index.js';

/**
 * An edge's whole evidence in its own lists, and back to the stored form (src/graph/evidence.ts): the first
 * entries on the edge, the rest as `:Evidence` nodes. Decisions and the graph file work on relationships with
 * every entry in their lists, so that what they keep, compare and write back is the whole edge; the stored
 * form is the loader's business alone.
 */

/** A relationship as decisions and the graph file hold it (`ints` names the properties stored as integers). */
export interface WholeRelationship {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
  ints?: string[];
}

const idOf = (rel: WholeRelationship): string =>
  evidenceEdgeId(rel.from, rel.type, rel.to, typeof rel.props.key === 'string' ? rel.props.key : '');

const overflowOf = (rel: WholeRelationship): number =>
  typeof rel.props.overflow === 'number' ? rel.props.overflow : 0;

const entriesRow = z.object({
  id: z.string(),
  entries: z.array(z.object({ source: z.string(), quote: z.string(), date: z.string() })),
});

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The relationships with their entries beyond the lists appended to them (one query for all), no `overflow`. */
export async function withWholeEvidence<R extends WholeRelationship>(
  reader: RowReader,
  rels: R[],
): Promise<R[]> {
  const ids = [...new Set(rels.filter((rel) => overflowOf(rel) > 0).map(idOf))];
  if (ids.length === 0) return rels;
  const beyond = new Map(
    (await reader.query('evidence-beyond', entriesRow, { ids })).map((row) => [row.id, row.entries]),
  );
  return rels.map((rel) => {
    if (overflowOf(rel) === 0) return rel;
    const more = beyond.get(idOf(rel)) ?? [];
    const { overflow: _overflow, ...props } = rel.props;
    return {
      ...rel,
      props: {
        ...props,
        sources: [...strings(props.sources), ...more.map((e) => e.source)],
        quotes: [...strings(props.quotes), ...more.map((e) => e.quote)],
        seenOn: [...strings(props.seenOn), ...more.map((e) => e.date)],
      },
      ...(rel.ints === undefined ? {} : { ints: rel.ints.filter((name) => name !== 'overflow') }),
    };
  });
}

/** Whether an edge of this type keeps only its first entries (derived edges keep every one). */
const splits = (type: string): boolean => !(DERIVED_EDGE_TYPES as readonly string[]).includes(type);

/**
 * The relationships as they are stored (their first entries in their lists), and a `storeEvidenceBeyond`
 * to run once they are created, which writes the rest.
 */
export function storedForm<R extends WholeRelationship>(
  rels: R[],
): { rels: R[]; storeEvidenceBeyond: (tx: Transaction) => Promise<void> } {
  const beyond: { id: string; from: string; type: string; to: string; key: string; entries: unknown[] }[] =
    [];
  const stored = rels.map((rel) => {
    const sources = strings(rel.props.sources);
    if (!splits(rel.type) || !Array.isArray(rel.props.sources)) return rel;
    const quotes = strings(rel.props.quotes);
    const dates = strings(rel.props.seenOn);
    const entries: Evidence[] = sources.map((source, i) => ({
      source,
      quote: quotes[i] ?? '',
      date: dates[i] ?? '',
    }));
    const { preview, overflow } = splitEvidence(entries);
    if (overflow.length === 0) return rel;
    beyond.push({
      id: idOf(rel),
      from: rel.from,
      type: rel.type,
      to: rel.to,
      key: typeof rel.props.key === 'string' ? rel.props.key : '',
      entries: overflow.map((e) => ({ ...e, issue: sourceIssueNumber(e.source) })),
    });
    return { ...rel, props: { ...rel.props, ...preview } };
  });
  return {
    rels: stored,
    storeEvidenceBeyond: async (tx) => {
      if (beyond.length > 0) await tx.run('evidence-create', { rows: beyond });
    },
  };
}

/**
 * Deletes the `:Evidence` nodes of these relationships (before they are deleted or rewritten), whether they
 * are in their stored or their whole form.
 */
export async function deleteEvidenceBeyond(tx: Transaction, rels: WholeRelationship[]): Promise<void> {
  const ids = [...new Set(rels.filter((rel) => splits(rel.type)).map(idOf))];
  if (ids.length > 0) await tx.run('evidence-delete', { ids });
}
