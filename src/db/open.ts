import type { Config } from '../config.js';
import { projectPath } from '../project.js';
import type { Logger } from '../log.js';
import { Database, DatabaseError } from './database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded.js';
import { runningNeo4j } from './embedded/store-lock.js';
import { supervise, type Supervised } from './embedded/supervise.js';

export interface OpenDatabase {
  db: Database;
  /** The Bolt URI the app connected to: NEO4J_URI, the running server's embedded Neo4j, or our own. */
  uri: string;
  /** The embedded Neo4j this process started (restarted after a crash when `supervise` was asked for). */
  embedded: Supervised<EmbeddedNeo4j> | undefined;
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
 * Connects to NEO4J_URI; when it is unset, to the embedded Neo4j a running `serve` holds on the same data
 * folder (its lock file says where it listens), or else starts the embedded Neo4j; then applies the schema.
 * Every command and the tests go through here, so they all meet the database the same way.
 */
export async function openDatabase(
  config: Config,
  log: Logger,
  { supervise: restartOnCrash = false }: { supervise?: boolean } = {},
): Promise<OpenDatabase> {
  const dataDir = projectPath(config.NEO4J_EMBEDDED_DIR);
  // A long-lived server keeps a Neo4j of its own; a one-shot command beside it shares the server's.
  const shared = config.NEO4J_URI === undefined && !restartOnCrash ? await runningNeo4j(dataDir) : undefined;
  if (shared !== undefined)
    log.info("using the running server's embedded Neo4j", { uri: shared.uri, pid: shared.ownerPid });
  const embeddedOptions = {
    dataDir,
    port: config.NEO4J_EMBEDDED_PORT,
    heapMb: config.NEO4J_EMBEDDED_HEAP_MB,
    pageCacheMb: config.NEO4J_EMBEDDED_PAGE_CACHE_MB,
    txMemoryMb: config.NEO4J_EMBEDDED_TX_MEMORY_MB,
    txLogMb: config.NEO4J_EMBEDDED_TX_LOG_MB,
    startTimeoutSeconds: config.NEO4J_EMBEDDED_START_TIMEOUT,
    log,
  };
  const started =
    config.NEO4J_URI === undefined && shared === undefined
      ? await startEmbeddedNeo4j(embeddedOptions)
      : undefined;
  // A one-shot command has no use for restarts: it fails, and is run again.
  const embedded =
    started === undefined
      ? undefined
      : restartOnCrash
        ? supervise(started, log)
        : { current: started, state: 'running' as const, restarts: 0, stop: () => started.stop() };
  const uri = started?.uri ?? shared?.uri ?? config.NEO4J_URI!;
  const db = Database.connect({
    uri,
    user: config.NEO4J_USER,
    // The embedded Neo4j runs without auth; a password set for a remote server must not be sent to it.
    password: config.NEO4J_URI === undefined ? undefined : config.NEO4J_PASSWORD,
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
