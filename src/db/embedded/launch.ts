import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EmbeddedNeo4jError } from './failure.js';

/**
 * One run of the embedded Neo4j's JVM (src/db/embedded/src/main/java): spawned with the built launcher,
 * ready when it prints `READY <uri> <version>`, stopped with SIGTERM (SIGKILL after 30 s). It exits by itself
 * when its stdin closes, so a Node process killed without a word does not leave a database running.
 */

/** Flags Neo4j 5 needs on Java 17+ (as in the server's neo4j.conf), plus fast failure diagnostics. */
const jvmFlags = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UseG1GC',
];

export interface JvmSettings {
  /** An absolute path. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  heapMb: number;
  pageCacheMb: number;
  txMemoryMb: number;
  /** Transaction log kept beyond the last checkpoint, in MiB (Neo4j's default keeps two days of it). */
  txLogMb?: number;
  startTimeoutSeconds: number;
}

export interface RunningJvm {
  uri: string;
  version: string;
  pid: number;
  /** Settles when the JVM exits, whatever the reason (stop(), a crash, kill -9). */
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(): Promise<void>;
}

/** Starts the JVM and resolves once Neo4j accepts Bolt connections; a failed start says why and what to do. */
export async function launchJvm(settings: JvmSettings, classpath: string): Promise<RunningJvm> {
  const args = [
    `-Xms${settings.heapMb}m`,
    `-Xmx${settings.heapMb}m`,
    ...jvmFlags,
    '-cp',
    classpath,
    'seslip.EmbeddedNeo4j',
    '--data-dir',
    settings.dataDir,
    '--port',
    String(settings.port),
    '--page-cache-mb',
    String(settings.pageCacheMb),
    '--tx-memory-mb',
    String(settings.txMemoryMb),
    '--tx-log-mb',
    String(settings.txLogMb ?? 64),
  ];
  // Own process group: a Ctrl-C on the terminal reaches only Node, which then stops the JVM in order.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 30) recent.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);
  const diagnostics = () =>
    [...recent, ...tailOf(join(settings.dataDir, 'logs', 'debug.log'), 15)].join('\n');
  let ready: { uri: string; version: string };
  try {
    ready = await waitForReadiness(child, remember, settings.startTimeoutSeconds, diagnostics);
  } catch (error) {
    throw classifyStartFailure(diagnostics(), settings.dataDir, settings.port) ?? error;
  }
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { ...ready, pid: child.pid!, exited, stop: () => stopChild(child) };
}

/** Neo4j's own complaints that map to a known fix, found in the log lines of a failed start. */
function classifyStartFailure(log: string, dataDir: string, port: number): EmbeddedNeo4jError | undefined {
  if (/FileLockException|Lock file has been locked|locked by another process/i.test(log)) {
    return new EmbeddedNeo4jError(
      'STORE_IN_USE',
      `the embedded Neo4j store in ${dataDir} is locked by another process`,
      'stop the other Neo4j using that folder, or set NEO4J_URI to connect to it, or set NEO4J_EMBEDDED_DIR to another folder',
      log,
    );
  }
  if (/Address already in use|BindException/i.test(log)) {
    return new EmbeddedNeo4jError(
      'PORT_IN_USE',
      `the embedded Neo4j could not bind its Bolt port ${port} on 127.0.0.1`,
      'stop the program using it, or set NEO4J_EMBEDDED_PORT=0 to pick a free port',
      log,
    );
  }
  return undefined;
}

function waitForReadiness(
  child: ChildProcess,
  remember: (line: string) => void,
  timeoutSeconds: number,
  diagnostics: () => string,
): Promise<{ uri: string; version: string }> {
  return new Promise((resolvePromise, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new EmbeddedNeo4jError(
          'START_FAILED',
          `embedded Neo4j ${why}`,
          'run with --debug to see its last log lines, or set NEO4J_URI to use another Neo4j',
          diagnostics(),
        ),
      );
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutSeconds}s`), timeoutSeconds * 1000);
    child.once('exit', (code, signal) => fail(`exited during start-up (code ${code}, signal ${signal})`));
    child.once('error', (err) => fail(`could not be spawned: ${err.message}`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^READY (\S+) (\S+)$/.exec(line);
      if (match === null) return remember(line);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolvePromise({ uri: match[1]!, version: match[2]! });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

function tailOf(path: string, lines: number): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines);
}
