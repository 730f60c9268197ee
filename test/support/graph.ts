import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { Database, toPlain } from '../../src/db/database.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { silentLogger } from '../../src/log.js';

/**
 * The configuration tests run with: built by the app's own loadConfig, pointing at the Neo4j that the
 * global setup started (never at NEO4J_URI from the environment).
 */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', NEO4J_URI: inject('neo4jUri'), ...overrides });
}

/** Opens the test database through the app's path (connect + schema) and empties it. */
export async function openEmptyTestDatabase(config: Config = testConfig()): Promise<OpenDatabase> {
  const opened = await openDatabase(config, silentLogger);
  await opened.db.write('test-clear-graph');
  return opened;
}

/**
 * Runs Cypher written in a test, to check facts in the graph independently of the app's own queries.
 * Opens its own driver on the test database; values come back as plain JSON like the app's.
 */
export async function query(
  text: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const driver = neo4j.driver(inject('neo4jUri'), undefined, { disableLosslessIntegers: true });
  try {
    const result = await driver.executeQuery(text, params, { database: 'neo4j' });
    return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
  } finally {
    await driver.close();
  }
}

/** Every node and relationship with all its properties, in a stable order: "the graph exactly". */
export async function graphSnapshot(): Promise<{ nodes: unknown[]; edges: unknown[] }> {
  const nodes = await query(`MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.uid`);
  const edges = await query(
    `MATCH (a)-[r]->(b) RETURN a.uid AS from, type(r) AS type, b.uid AS to, properties(r) AS props
     ORDER BY from, type, to, r.key, r.rule`,
  );
  return { nodes, edges };
}

/** A Database pointed at a port where nothing listens: for the unreachable-Neo4j paths. Close it after use. */
export function unreachableDatabase(): Database {
  return Database.connect({
    uri: 'bolt://127.0.0.1:1',
    user: 'neo4j',
    password: undefined,
    database: 'neo4j',
  });
}
