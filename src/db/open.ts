import type { Config } from '../config.js';
import { projectPath } from '../project.js';
import type { Logger } from '../log.js';
import { Database, DatabaseError } from './database.js';
import { startEmbeddedNeo4j, superviseEmbeddedNeo4j, type SupervisedNeo4j } from './embedded.js';

export interface OpenDatabase {
  db: Database;
  /** The Bolt URI the app connected to: NEO4J_URI, or the embedded Neo4j's. */
  uri: string;
  /** The embedded Neo4j this process started (restarted after a crash when `supervise` was asked for). */
  embedded: SupervisedNeo4j | undefined;
  /** Closes the driver, then stops the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * Neo4j could not be reached, or refused the credentials, when the app first connected: the one error a
 * command meets before doing anything, named with the URI so the operator knows which setting to fix.
 */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
  constructor(
    readonly uri: string,
    user: string,
    override readonly cause: DatabaseError,
  ) {
    super(
      cause.code === 'AUTH'
        ? `Neo4j at ${uri} refused the credentials of user ${user}`
        : `Neo4j at ${uri} is unreachable`,
      { cause },
    );
  }
}

/**
 * Connects to NEO4J_URI, or starts the embedded Neo4j when it is unset, and applies the schema.
 * Every command and the tests go through here, so they all meet the database the same way.
 */
export async function openDatabase(
  config: Config,
  log: Logger,
  { supervise = false }: { supervise?: boolean } = {},
): Promise<OpenDatabase> {
  const embeddedOptions = {
    dataDir: projectPath(config.NEO4J_EMBEDDED_DIR),
    port: config.NEO4J_EMBEDDED_PORT,
    heapMb: config.NEO4J_EMBEDDED_HEAP_MB,
    pageCacheMb: config.NEO4J_EMBEDDED_PAGE_CACHE_MB,
    txMemoryMb: config.NEO4J_EMBEDDED_TX_MEMORY_MB,
    txLogMb: config.NEO4J_EMBEDDED_TX_LOG_MB,
    startTimeoutSeconds: config.NEO4J_EMBEDDED_START_TIMEOUT,
    log,
  };
  const started = config.NEO4J_URI === undefined ? await startEmbeddedNeo4j(embeddedOptions) : undefined;
  // A one-shot command has no use for restarts: it fails, and is run again.
  const embedded =
    started === undefined
      ? undefined
      : supervise
        ? superviseEmbeddedNeo4j(started, embeddedOptions)
        : { current: started, state: 'running' as const, restarts: 0, stop: () => started.stop() };
  const uri = started?.uri ?? config.NEO4J_URI!;
  const db = Database.connect({
    uri,
    user: config.NEO4J_USER,
    // The embedded Neo4j runs without auth; a password set for a remote server must not be sent to it.
    password: embedded === undefined ? config.NEO4J_PASSWORD : undefined,
    database: config.NEO4J_DATABASE,
    // While the supervisor restarts a crashed embedded Neo4j, requests fail at once (SERVICE_UNAVAILABLE).
    downBecause: () =>
      embedded === undefined || embedded.state === 'running'
        ? null
        : `the embedded Neo4j is ${embedded.state === 'restarting' ? 'being restarted' : 'down and could not be restarted'}`,
  });
  const close = async () => {
    await db.close();
    await embedded?.stop();
  };
  try {
    await db.verifyConnectivity();
    await db.applySchema();
  } catch (error) {
    await close();
    const refused = error instanceof DatabaseError && (error.code === 'UNAVAILABLE' || error.code === 'AUTH');
    throw refused ? new DatabaseConnectError(uri, config.NEO4J_USER, error) : error;
  }
  return { db, uri, embedded, close };
}
