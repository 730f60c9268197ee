import neo4j from 'neo4j-driver';
import { toPlain } from '../../src/db/database.js';

/**
 * Ad-hoc Cypher against a Neo4j at `uri`, independent of the app's own queries: for tests (through
 * test/support/graph.ts) and for `npm run soak`, which compares two databases. Values come back as plain JSON.
 */
export async function queryAt(
  uri: string,
  text: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  try {
    const result = await driver.executeQuery(text, params, { database: 'neo4j' });
    return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
  } finally {
    await driver.close();
  }
}

export interface GraphSnapshot {
  nodes: unknown[];
  edges: unknown[];
}

/** Every node and relationship with all its properties, in a stable order: "the graph exactly". */
export async function graphSnapshotAt(uri: string): Promise<GraphSnapshot> {
  const nodes = await queryAt(
    uri,
    `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props
     ORDER BY n.uid, n.edge, n.date, n.source, n.quote`,
  );
  const edges = await queryAt(
    uri,
    `MATCH (a)-[r]->(b) RETURN a.uid AS from, type(r) AS type, b.uid AS to, properties(r) AS props
     ORDER BY from, type, to, r.key, r.rule`,
  );
  return { nodes, edges };
}
