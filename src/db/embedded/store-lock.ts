import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { Logger } from '../../log.js';
import { EmbeddedNeo4jError } from './failure.js';

/**
 * The lock a process of ours holds on an embedded store for as long as it runs Neo4j on it, restarts
 * included (proper-lockfile: a folder created atomically, its mtime refreshed while the holder lives, stale
 * 30 s after the holder stops refreshing it). Beside it, the server file says who holds the store and, once
 * Neo4j is ready, where it listens: another process (the CLI beside a running `serve`) uses that Neo4j
 * instead of failing on Neo4j's own store lock.
 */

export const lockName = 'seslip-kg.lock';
export const serverFileName = 'seslip-kg-neo4j.json';

export interface ServerFile {
  ownerPid: number;
  /** Set once Neo4j is ready, and removed again when it exits. */
  javaPid?: number;
  uri?: string;
}

export interface StoreLock {
  /** Records where the Neo4j started under this lock listens. */
  announce(neo4j: { pid: number; uri: string }): void;
  /** The Neo4j has exited: the server file no longer names it (the store stays claimed). */
  withdraw(): void;
  /** Gives the store up; later calls wait for the first. */
  release(): Promise<void>;
}

const staleMs = 30_000;
const lockOptions = (dataDir: string) => ({
  lockfilePath: join(dataDir, lockName),
  realpath: false,
  stale: staleMs,
});

function readServerFile(dataDir: string): ServerFile | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, serverFileName), 'utf8')) as ServerFile;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The embedded Neo4j another live process of ours runs on this store, if any. */
export async function runningNeo4j(dataDir: string): Promise<Required<ServerFile> | undefined> {
  const holder = readServerFile(dataDir);
  if (holder?.uri === undefined || holder.javaPid === undefined) return undefined;
  if (holder.ownerPid === process.pid || !isAlive(holder.ownerPid)) return undefined;
  return (await lockfile.check(dataDir, lockOptions(dataDir))) ? (holder as Required<ServerFile>) : undefined;
}

/**
 * Claims the store for this process, or refuses in a second when a live process of ours holds it. A lock left
 * by a process that was killed (its owner no longer exists) is taken over at once rather than after 30 s.
 */
export async function claimStore(dataDir: string, log: Logger): Promise<StoreLock> {
  const options = {
    ...lockOptions(dataDir),
    // Refreshing the lock's mtime was delayed past `stale` (a blocked event loop): say so, do not crash.
    onCompromised: (error: Error) => log.warn('embedded store lock compromised', { error: error.message }),
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = readServerFile(dataDir);
    if (holder === undefined || isAlive(holder.ownerPid)) throw storeInUse(dataDir, holder);
    log.info('taking over the store lock of a process that no longer runs', { pid: holder.ownerPid });
    rmSync(options.lockfilePath, { recursive: true, force: true });
    release = await lockfile.lock(dataDir, options);
  }
  // A supervised Neo4j and its relaunches share this lock: the first to stop gives it up, once.
  let released: Promise<void> | undefined;
  const write = (file: ServerFile) => {
    if (released === undefined) writeFileSync(join(dataDir, serverFileName), JSON.stringify(file) + '\n');
  };
  write({ ownerPid: process.pid });
  return {
    announce: ({ pid, uri }) => write({ ownerPid: process.pid, javaPid: pid, uri }),
    withdraw: () => write({ ownerPid: process.pid }),
    release: () => {
      if (released === undefined) {
        rmSync(join(dataDir, serverFileName), { force: true });
        released = release();
      }
      return released;
    },
  };
}

function storeInUse(dataDir: string, holder: ServerFile | undefined): EmbeddedNeo4jError {
  const who =
    holder === undefined ? 'another seslip-kg process' : `another seslip-kg process (pid ${holder.ownerPid})`;
  return holder?.uri === undefined
    ? new EmbeddedNeo4jError(
        'STORE_IN_USE',
        `the embedded Neo4j in ${dataDir} is being started by ${who}`,
        'wait until it is ready (commands then use it), or stop the other process first',
      )
    : new EmbeddedNeo4jError(
        'STORE_IN_USE',
        `the embedded Neo4j in ${dataDir} is in use by ${who}, listening on ${holder.uri}`,
        `set NEO4J_URI=${holder.uri} to use that Neo4j, or stop the other process first`,
      );
}
