import { z } from 'zod';
import type { Database } from '../db/database.js';
import { storedForm, withWholeEvidence } from './edge-evidence.js';

/**
 * The whole graph read and written node by node, for `seslip-kg export` and `import` (the file itself is
 * src/load/graph-file.ts's). Stored properties are strings, numbers, booleans and lists of them: the
 * rows are checked to be so, and a file's lines are checked against the same schema.
 */

const value = z.union([z.string(), z.number(), z.boolean()]);
const properties = z.record(z.string(), z.union([value, z.array(value)]));
export type StoredProperties = z.infer<typeof properties>;

/** One node: its labels, every property and its outgoing relationships. */
export const storedNode = z.object({
  labels: z.array(z.string().min(1)).min(1),
  props: properties.and(z.object({ uid: z.string().min(1) })),
  out: z.array(z.object({ type: z.string().min(1), to: z.string().min(1), props: properties })),
});
export type StoredNode = z.infer<typeof storedNode>;

/** One relationship between two nodes, by their uids. */
export interface StoredRelationship {
  from: string;
  to: string;
  type: string;
  props: StoredProperties;
}

export interface GraphSize {
  /** Entities; decisions are counted apart and have no relationships. */
  nodes: number;
  relationships: number;
  decisions: number;
}

export async function graphSize(db: Database): Promise<GraphSize> {
  const [size] = await db.query(
    'graph-size',
    z.object({ nodes: z.number(), relationships: z.number(), decisions: z.number() }),
  );
  return size ?? { nodes: 0, relationships: 0, decisions: 0 };
}

const PAGE = 500;

/** Every entity in uid order, with its relationships (each with its whole evidence), read a page at a time. */
export async function* storedNodes(db: Database): AsyncGenerator<StoredNode> {
  let after = '';
  for (;;) {
    const rows = await db.query('export-page', storedNode, { after, limit: PAGE });
    const outs = rows.flatMap((node) => node.out.map((rel) => ({ ...rel, from: node.props.uid })));
    const whole = await withWholeEvidence(db, outs);
    let next = 0;
    for (const node of rows) {
      node.out = node.out.map(() => {
        const { from: _from, ...rel } = whole[next++]!;
        return rel as StoredNode['out'][number];
      });
    }
    yield* rows;
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.props.uid;
  }
}

/** Deletes every node and relationship (the schema stays). */
export async function clearGraph(db: Database): Promise<void> {
  await db.write('clear-graph');
}

export async function createNodes(
  db: Database,
  nodes: Pick<StoredNode, 'labels' | 'props'>[],
): Promise<void> {
  await db.write('import-nodes', { rows: nodes });
}

/** Both ends must exist already. Each carries its whole evidence, which is stored as the loader stores it. */
export async function createRelationships(db: Database, relationships: StoredRelationship[]): Promise<void> {
  const stored = storedForm(relationships);
  await db.writeTransaction(async (tx) => {
    await tx.run('import-relationships', { rows: stored.rels });
    await stored.storeEvidenceBeyond(tx);
  });
}

/** A curator's decision stored as it was exported, its applied state too (so undo still works). */
export async function saveDecisionNode(db: Database, props: Record<string, unknown>): Promise<void> {
  await db.write('decision-save', { props });
}
