import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '../log.js';
import { isPortFree } from '../ports.js';
import { checkJava, ensureLauncherBuilt, launcherClasspath } from './embedded/build.js';
import { EmbeddedNeo4jError } from './embedded/failure.js';
import { launchJvm, type JvmSettings } from './embedded/launch.js';
import { claimStore, type StoreLock } from './embedded/store-lock.js';

/**
 * Runs Neo4j Community in a JVM beside the app, so that dev, tests and CI have a real database without
 * Docker. The steps live in src/db/embedded/: build (Java check, Maven), launch (the JVM), store-lock (who
 * holds a data folder, and where its Neo4j listens) and supervise (restarts with backoff, for serve).
 */

export interface EmbeddedOptions extends Omit<JvmSettings, 'dataDir'> {
  dataDir: string;
  log: Logger;
}

export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Settles when the JVM exits, whatever the reason (stop(), a crash, kill -9). */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** Starts Neo4j again on the same folder and port, under the store lock this one holds (after a crash). */
  relaunch(): Promise<EmbeddedNeo4j>;
  /** Stops the JVM and gives the store up. */
  stop(): Promise<void>;
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  checkJava();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  options.log.info('starting embedded Neo4j', { dataDir, port: options.port });
  // Checked before Maven and the JVM: a busy store or port is reported in a second, not after a minute.
  const lock = await claimStore(dataDir, options.log);
  try {
    await checkBoltPortFree(options.port);
    await ensureLauncherBuilt(options.log);
    return await launchUnder(lock, { ...options, dataDir });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function launchUnder(lock: StoreLock, options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const jvm = await launchJvm(options, launcherClasspath());
  options.log.info('embedded Neo4j ready', { uri: jvm.uri, version: jvm.version, pid: jvm.pid });
  lock.announce(jvm);
  void jvm.exited.then(() => lock.withdraw());
  return {
    ...jvm,
    // The same port as before, so that the driver finds the new Neo4j at the URI it knows.
    relaunch: () => launchUnder(lock, { ...options, port: Number(new URL(jvm.uri).port) }),
    stop: async () => {
      await jvm.stop();
      await lock.release();
    },
  };
}

async function checkBoltPortFree(port: number): Promise<void> {
  if (port === 0 || (await isPortFree('127.0.0.1', port))) return;
  throw new EmbeddedNeo4jError(
    'PORT_IN_USE',
    `the embedded Neo4j's Bolt port ${port} on 127.0.0.1 is in use by another program`,
    `stop that program, or set NEO4J_EMBEDDED_PORT=0 to pick a free port (if it is a Neo4j you want to use, set NEO4J_URI=bolt://127.0.0.1:${port})`,
  );
}
