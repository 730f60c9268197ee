import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../log.js';
import { sourceAssetPath } from '../project.js';

/**
 * Runs Neo4j Community in a JVM beside the app (src/db/embedded/*.java), so that dev, tests and CI
 * have a real database without Docker. The jars come from Maven Central on first use and are cached
 * by Maven; the compiled launcher and its classpath live in src/db/embedded/target.
 */

const projectDir = sourceAssetPath('db', 'embedded');
const targetDir = join(projectDir, 'target');
const classpathFile = join(targetDir, 'classpath.txt');
const launcherClass = join(targetDir, 'classes', 'seslip', 'EmbeddedNeo4j.class');
const launcherSource = join(projectDir, 'src', 'main', 'java', 'seslip', 'EmbeddedNeo4j.java');
/** Records which pom and launcher source the build in target/ came from. */
const buildStamp = join(targetDir, 'build-stamp.txt');

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

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  heapMb: number;
  pageCacheMb: number;
  txMemoryMb: number;
  /** Transaction log kept beyond the last checkpoint, in MiB (Neo4j's default keeps two days of it). */
  txLogMb?: number;
  startTimeoutSeconds: number;
  log: Logger;
}

export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Settles when the JVM exits, whatever the reason (stop(), a crash, kill -9). */
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(): Promise<void>;
}

/** Why the embedded Neo4j could not be started; each has its own fix, which the CLI prints. */
export type EmbeddedFailure =
  'JAVA_MISSING' | 'MAVEN_FAILED' | 'PORT_IN_USE' | 'STORE_IN_USE' | 'START_FAILED';

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
  constructor(
    readonly reason: EmbeddedFailure,
    message: string,
    /** What the operator should do, in one sentence. */
    readonly fix: string,
    /** Log lines that explain a failed start (shown under --debug). */
    readonly details: string = '',
  ) {
    super(message);
  }
}

/**
 * Written in the data folder while a process of ours runs Neo4j on it, so that a second process (the CLI
 * beside a running server) can say where that Neo4j listens instead of failing on Neo4j's store lock.
 */
export const serverFileName = 'seslip-kg-neo4j.json';

interface ServerFile {
  javaPid: number;
  ownerPid: number;
  uri: string;
  port: number;
}

/** Whether something listens on host:port already (a bind attempt fails with EADDRINUSE). */
export function isPortTaken(host: string, port: number): Promise<boolean> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolvePromise(true) : reject(error),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolvePromise(false)));
  });
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

/** Refuses to start on a store that a live Neo4j of ours holds; a file left by a killed one is removed. */
async function checkStoreFree(dataDir: string): Promise<void> {
  const path = join(dataDir, serverFileName);
  if (!existsSync(path)) return;
  let holder: ServerFile | undefined;
  try {
    holder = JSON.parse(readFileSync(path, 'utf8')) as ServerFile;
  } catch {
    holder = undefined;
  }
  if (holder !== undefined && isAlive(holder.javaPid) && (await isPortTaken('127.0.0.1', holder.port))) {
    throw new EmbeddedNeo4jError(
      'STORE_IN_USE',
      `the embedded Neo4j in ${dataDir} is in use by another seslip-kg process (pid ${holder.ownerPid}), listening on ${holder.uri}`,
      `set NEO4J_URI=${holder.uri} to use that Neo4j, or stop the other process first`,
    );
  }
  rmSync(path, { force: true });
}

async function checkBoltPortFree(port: number): Promise<void> {
  if (port === 0 || !(await isPortTaken('127.0.0.1', port))) return;
  throw new EmbeddedNeo4jError(
    'PORT_IN_USE',
    `the embedded Neo4j's Bolt port ${port} on 127.0.0.1 is in use by another program`,
    `stop that program, or set NEO4J_EMBEDDED_PORT=0 to pick a free port (if it is a Neo4j you want to use, set NEO4J_URI=bolt://127.0.0.1:${port})`,
  );
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

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  checkJava();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  options.log.info('starting embedded Neo4j', { dataDir, port: options.port });
  // Checked before Maven and the JVM: a busy store or port is reported in a second, not after a minute.
  await checkStoreFree(dataDir);
  await checkBoltPortFree(options.port);
  await ensureLauncherBuilt(options.log);
  const classpath = `${join(targetDir, 'classes')}:${readFileSync(classpathFile, 'utf8').trim()}`;
  const args = [
    `-Xms${options.heapMb}m`,
    `-Xmx${options.heapMb}m`,
    ...jvmFlags,
    '-cp',
    classpath,
    'seslip.EmbeddedNeo4j',
    '--data-dir',
    dataDir,
    '--port',
    String(options.port),
    '--page-cache-mb',
    String(options.pageCacheMb),
    '--tx-memory-mb',
    String(options.txMemoryMb),
    '--tx-log-mb',
    String(options.txLogMb ?? 64),
  ];
  // Own process group: a Ctrl-C on the terminal reaches only Node, which then stops the JVM in order.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 30) recent.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);
  const diagnostics = () => [...recent, ...tailOf(join(dataDir, 'logs', 'debug.log'), 15)].join('\n');
  let ready: { uri: string; version: string };
  try {
    ready = await waitForReadiness(child, remember, options.startTimeoutSeconds, diagnostics);
  } catch (error) {
    throw classifyStartFailure(diagnostics(), dataDir, options.port) ?? error;
  }
  options.log.info('embedded Neo4j ready', { uri: ready.uri, version: ready.version, pid: child.pid });
  const serverFile = join(dataDir, serverFileName);
  const holder: ServerFile = {
    javaPid: child.pid!,
    ownerPid: process.pid,
    uri: ready.uri,
    port: Number(new URL(ready.uri).port),
  };
  writeFileSync(serverFile, JSON.stringify(holder) + '\n');
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.once('exit', (code, signal) => {
      rmSync(serverFile, { force: true });
      done({ code, signal });
    }),
  );
  return { ...ready, pid: child.pid!, exited, stop: () => stopChild(child) };
}

export type SupervisorState = 'running' | 'restarting' | 'failed';

export interface SupervisedNeo4j {
  /** The Neo4j running now (a new one after each restart). */
  readonly current: EmbeddedNeo4j;
  readonly state: SupervisorState;
  /** Restarts done so far, over the supervisor's life. */
  readonly restarts: number;
  stop(): Promise<void>;
}

export interface RestartPolicy {
  /** Attempts after one crash before giving up. */
  attempts: number;
  /** Wait before the first attempt; doubled for each next one. */
  firstDelayMs: number;
}

/**
 * Keeps an embedded Neo4j running for a long-lived process (serve): when the JVM dies without stop() (a crash,
 * the OOM killer, kill -9), it is started again on the same port and folder, so the driver reconnects to the
 * same URI, after 1 s, 2 s, 4 s… up to `attempts` tries, each logged. Neo4j's own recovery replays the
 * transaction log, so a committed Update is kept and an interrupted one is absent.
 */
export function superviseEmbeddedNeo4j(
  first: EmbeddedNeo4j,
  options: EmbeddedOptions,
  policy: RestartPolicy = { attempts: 5, firstDelayMs: 1000 },
): SupervisedNeo4j {
  const port = Number(new URL(first.uri).port);
  let current = first;
  let state: SupervisorState = 'running';
  let restarts = 0;
  let stopping = false;
  const watch = async (): Promise<void> => {
    for (;;) {
      const exit = await current.exited;
      if (stopping) return;
      options.log.error('embedded Neo4j exited unexpectedly; restarting it', { ...exit, pid: current.pid });
      state = 'restarting';
      let restarted: EmbeddedNeo4j | undefined;
      for (
        let attempt = 1;
        attempt <= policy.attempts && restarted === undefined && !stopping;
        attempt += 1
      ) {
        await new Promise((done) => setTimeout(done, policy.firstDelayMs * 2 ** (attempt - 1)));
        try {
          restarted = await startEmbeddedNeo4j({ ...options, port });
        } catch (error) {
          options.log.warn('embedded Neo4j restart failed', {
            attempt,
            of: policy.attempts,
            error: (error as Error).message,
          });
        }
      }
      if (restarted === undefined) {
        state = 'failed';
        if (!stopping) options.log.error('embedded Neo4j could not be restarted; giving up', { ...policy });
        return;
      }
      if (stopping) {
        await restarted.stop();
        return;
      }
      current = restarted;
      restarts += 1;
      state = 'running';
      options.log.info('embedded Neo4j restarted', { uri: current.uri, pid: current.pid, restarts });
    }
  };
  void watch();
  return {
    get current() {
      return current;
    },
    get state() {
      return state;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
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

function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error !== undefined) {
    throw new EmbeddedNeo4jError(
      'JAVA_MISSING',
      'Java 17 or newer is required to run the embedded Neo4j, and `java` was not found on PATH',
      'install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`) or set NEO4J_URI to use another Neo4j',
    );
  }
  const major = Number(/version "(\d+)/.exec(result.stderr)?.[1] ?? 0);
  if (major < 17) {
    throw new EmbeddedNeo4jError(
      'JAVA_MISSING',
      `Java 17 or newer is required for Neo4j 5; found Java ${major || 'unknown'}`,
      'install a JDK 17+ and put it first on PATH, or set NEO4J_URI to use another Neo4j',
    );
  }
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const source of [join(projectDir, 'pom.xml'), launcherSource]) hash.update(readFileSync(source));
  return hash.digest('hex');
}

function isBuilt(): boolean {
  return (
    existsSync(classpathFile) &&
    existsSync(launcherClass) &&
    existsSync(buildStamp) &&
    readFileSync(buildStamp, 'utf8') === sourceHash()
  );
}

/** Compiles the launcher and resolves its jars with Maven, once; later starts skip straight to the JVM. */
async function ensureLauncherBuilt(log: Logger): Promise<void> {
  if (isBuilt()) return;
  log.info('resolving Neo4j jars with Maven (first run only: about 100 MB from Maven Central)');
  mkdirSync(targetDir, { recursive: true });
  let downloaded = 0;
  let bytes = 0;
  let lastReport = 0;
  const output: string[] = [];
  const child = spawn('mvn', ['-B', '-f', join(projectDir, 'pom.xml'), 'compile'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const spawned = new Promise<number>((resolvePromise, reject) => {
    child.once('error', (err) =>
      reject(
        new EmbeddedNeo4jError(
          'MAVEN_FAILED',
          `Maven 3.8+ is required to fetch the embedded Neo4j, and \`mvn\` could not be run (${err.message})`,
          'install Maven (e.g. `apt-get install maven`) or set NEO4J_URI to use another Neo4j',
        ),
      ),
    );
    child.once('close', (code) => resolvePromise(code ?? 1));
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > 40) output.shift();
      const download = mavenDownload(line);
      if (download === null) return;
      downloaded += 1;
      bytes += download.bytes;
      if (Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        log.info(`Maven: ${downloaded} files, ${megabytes(bytes)} MB downloaded so far`, {
          latest: download.artifact,
        });
      }
    });
  }
  const code = await spawned;
  if (code !== 0) {
    throw new EmbeddedNeo4jError(
      'MAVEN_FAILED',
      `Maven failed to build the embedded Neo4j launcher (exit ${code})`,
      "run with --debug to see Maven's output (a network or proxy problem is the usual cause), or set NEO4J_URI to use another Neo4j",
      output.join('\n'),
    );
  }
  writeFileSync(buildStamp, sourceHash());
  log.info('embedded Neo4j launcher built', { filesDownloaded: downloaded, megabytes: megabytes(bytes) });
}

const sizeUnits: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/**
 * One line of Maven's transfer log, e.g. `[INFO] Downloaded from central: https://…/x.jar (1.2 MB at 3.4 MB/s)`
 * (batch mode prefixes `[INFO] `; older Mavens print it bare): the file and its size, or null for other lines.
 */
export function mavenDownload(line: string): { artifact: string; bytes: number } | null {
  const match = /^(?:\[INFO\] )?Downloaded from [^:]+: (\S+)(?: \((\d+(?:\.\d+)?) (B|kB|KB|MB|GB)\b)?/.exec(
    line,
  );
  if (match === null) return null;
  const size = match[2] === undefined ? 0 : Number(match[2]) * (sizeUnits[match[3]!] ?? 1);
  return { artifact: match[1]!.split('/').pop()!, bytes: Math.round(size) };
}

function megabytes(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}
