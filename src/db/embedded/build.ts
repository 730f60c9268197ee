import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../../log.js';
import { sourceAssetPath } from '../../project.js';
import { EmbeddedNeo4jError } from './failure.js';

/**
 * The embedded Neo4j's launcher, built once: Java 17+ is checked, then Maven compiles
 * src/db/embedded/src/main/java and resolves Neo4j's jars (from Maven Central on first use, cached by Maven).
 * The compiled launcher and its classpath live in src/db/embedded/target, shared by src/ and dist/.
 */

const mavenProject = sourceAssetPath('db', 'embedded');
const targetDir = join(mavenProject, 'target');
const classpathFile = join(targetDir, 'classpath.txt');
const launcherClass = join(targetDir, 'classes', 'seslip', 'EmbeddedNeo4j.class');
const launcherSource = join(mavenProject, 'src', 'main', 'java', 'seslip', 'EmbeddedNeo4j.java');
/** Records which pom and launcher source the build in target/ came from. */
const buildStamp = join(targetDir, 'build-stamp.txt');

/** The JVM classpath of the built launcher: its classes, then Neo4j's jars. */
export function launcherClasspath(): string {
  return `${join(targetDir, 'classes')}:${readFileSync(classpathFile, 'utf8').trim()}`;
}

export function checkJava(): void {
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
  for (const source of [join(mavenProject, 'pom.xml'), launcherSource]) hash.update(readFileSync(source));
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
export async function ensureLauncherBuilt(log: Logger): Promise<void> {
  if (isBuilt()) return;
  log.info('resolving Neo4j jars with Maven (first run only: about 100 MB from Maven Central)');
  mkdirSync(targetDir, { recursive: true });
  let downloaded = 0;
  let bytes = 0;
  let lastReport = 0;
  const output: string[] = [];
  const child = spawn('mvn', ['-B', '-f', join(mavenProject, 'pom.xml'), 'compile'], {
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
