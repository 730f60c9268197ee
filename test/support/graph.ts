import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { silentLogger } from '../../src/log.js';
import { graphSnapshotAt, queryAt, type GraphSnapshot } from './snapshot.js';

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

/** Runs Cypher written in a test on the test database, to check facts independently of the app's own queries. */
export const query = (
  text: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> => queryAt(inject('neo4jUri'), text, params);

/** Every node and relationship of the test database with all its properties, in a stable order. */
export const graphSnapshot = (): Promise<GraphSnapshot> => graphSnapshotAt(inject('neo4jUri'));

/** A Database pointed at a port where nothing listens: for the unreachable-Neo4j paths. Close it after use. */
export function unreachableDatabase(): Database {
  return Database.connect({
    uri: 'bolt://127.0.0.1:1',
    user: 'neo4j',
    password: undefined,
    database: 'neo4j',
  });
}
