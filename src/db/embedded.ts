import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';

/**
 * Runs Neo4j Community in a JVM beside the app (src/db/embedded/*.java), so that dev, tests and CI
 * have a real database without Docker. The jars come from Maven Central on first use and are cached
 * by Maven; the compiled launcher and its classpath live in src/db/embedded/target.
 */

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), 'embedded');
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
  startTimeoutSeconds: number;
  log: Logger;
}

export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  pid: number;
  stop(): Promise<void>;
}

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  checkJava();
  await ensureLauncherBuilt(options.log);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
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
  ];
  options.log.info('starting embedded Neo4j', { dataDir, port: options.port });
  // Own process group: a Ctrl-C on the terminal reaches only Node, which then stops the JVM in order.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 30) recent.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);
  const ready = await waitForReadiness(child, remember, options.startTimeoutSeconds, () =>
    [...recent, ...tailOf(join(dataDir, 'logs', 'debug.log'), 15)].join('\n'),
  );
  options.log.info('embedded Neo4j ready', { uri: ready.uri, version: ready.version, pid: child.pid });
  return { ...ready, pid: child.pid!, stop: () => stopChild(child) };
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
      reject(new EmbeddedNeo4jError(`embedded Neo4j ${why}; its last log lines:\n${diagnostics()}`));
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
      'Java 17 or newer is required to run the embedded Neo4j, and `java` was not found on PATH. ' +
        'Install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`) or set NEO4J_URI to use another Neo4j.',
    );
  }
  const major = Number(/version "(\d+)/.exec(result.stderr)?.[1] ?? 0);
  if (major < 17) {
    throw new EmbeddedNeo4jError(
      `Java 17 or newer is required for Neo4j 5; found Java ${major || 'unknown'}.`,
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
  let lastReport = Date.now();
  const output: string[] = [];
  const child = spawn('mvn', ['-B', '-f', join(projectDir, 'pom.xml'), 'compile'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const spawned = new Promise<number>((resolvePromise, reject) => {
    child.once('error', (err) =>
      reject(
        new EmbeddedNeo4jError(
          `Maven 3.8+ is required to fetch the embedded Neo4j, and \`mvn\` could not be run (${err.message}). ` +
            'Install Maven (e.g. `apt-get install maven`) or set NEO4J_URI to use another Neo4j.',
        ),
      ),
    );
    child.once('close', (code) => resolvePromise(code ?? 1));
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > 40) output.shift();
      if (!line.startsWith('Downloaded from')) return;
      downloaded += 1;
      if (Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        log.info(`Maven: ${downloaded} files downloaded so far`);
      }
    });
  }
  const code = await spawned;
  if (code !== 0) {
    throw new EmbeddedNeo4jError(
      `Maven failed to build the embedded Neo4j launcher (exit ${code}):\n${output.join('\n')}`,
    );
  }
  writeFileSync(buildStamp, sourceHash());
  log.info('embedded Neo4j launcher built', { filesDownloaded: downloaded });
}
