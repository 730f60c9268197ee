/**
 * The benchmark's graphs: N Updates (the five seeds plus N-5 synthetic ones) loaded by the real ingest into an
 * embedded Neo4j, kept in a temp folder between runs. A graph is reused only when it was built from the
 * same synthetic generator version and the same write path: the loader, the Cypher it runs, data/, and what
 * parse and extract make of a sample of the Updates. Any change there gives a new cache key and a rebuild,
 * so a run never measures a graph the current code would not write, while a change to the read side (or a
 * parser fix that alters no graph) keeps the cached graph.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Database } from '../src/db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embedded.js';
import { extractGraph } from '../src/extract/extract.js';
import { loadParseOptions, loadResolver } from '../src/load/reference.js';
import { ingestFiles } from '../src/load/ingest.js';
import { createLogger } from '../src/log.js';
import { parseUpdate } from '../src/parse/index.js';
import {
  SYNTHETIC_VERSION,
  syntheticUpdate,
  writeSyntheticUpdates,
} from '../test/support/synthetic-updates.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED_COUNT = readdirSync(join(ROOT, 'seed')).filter((f) => f.endsWith('.txt')).length;

/** Neo4j sized for the largest graph and the heaviest legal query (the brief: about 2 GB of heap). */
export const BENCH_NEO4J = { heapMb: 2048, pageCacheMb: 1024, txMemoryMb: 1536 } as const;

/** What building a graph measured; stored beside the cached graph so reruns can print it. */
export interface BuildFigures {
  /** Updates loaded by this build (the ones added, for a graph grown from a smaller one). */
  updates: number;
  synthetic: number;
  /** The size of the cached graph this one was grown from (its Updates were not loaded again), or null. */
  grownFrom: number | null;
  failed: number;
  ingestSeconds: number;
  deriveSeconds: number;
  /** Updates per second, load only (parse + extract + write; derive excluded). */
  updatesPerSecond: number;
  /**
   * Load time per Update (its batch's time over the batch's Updates), p50 over the first and the last tenth:
   * does loading slow as the graph grows?
   */
  firstTenthMs: number;
  lastTenthMs: number;
  nodes: number;
  edges: number;
  /** JVM resident memory right after the build, MiB (null without /proc). */
  jvmRssMb: number | null;
  builtAt: string;
}

export interface CachedGraph {
  dataDir: string;
  figures: BuildFigures;
  /** False when this run built it. */
  reused: boolean;
}

/** The loader's files, data/, the derive rules and the Cypher files the loader runs. */
function writePathFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  for (const dir of ['src/load', 'data', 'nlp']) walk(join(ROOT, dir));
  // The derived edges' rules run on the loaded graph, so the sample's records below do not show them.
  for (const file of [
    'extract/derive.ts',
    'extract/people.ts',
    'text/names.ts',
    'text/lists.ts',
    'text/sentences.ts',
  ])
    files.push(join(ROOT, 'src', file));
  // The Cypher files the loader names, and the schema.
  const loader = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  const named = new Set([...loader.matchAll(/'([a-z]+(?:-[a-z]+)*)'/g)].map((match) => match[1]));
  const cypherDir = join(ROOT, 'cypher');
  for (const name of readdirSync(cypherDir).sort()) {
    const base = name.replace(/\.cypher$/, '');
    if (base === 'schema' || named.has(base)) files.push(join(cypherDir, name));
  }
  return files;
}

/** Every 50th synthetic Update up to the largest graph, beside the seeds, stands for what extract makes of all. */
const SAMPLE_STEP = 50;
const SAMPLE_END = 5000;
let cacheKey: string | null = null;

/** The cache key: generator version and a digest of the write path (computed once per run). */
export async function graphCacheKey(): Promise<string> {
  if (cacheKey !== null) return cacheKey;
  const hash = createHash('sha256');
  for (const file of writePathFiles()) hash.update(relative(ROOT, file)).update(readFileSync(file));
  const [resolver, parseOptions] = await Promise.all([loadResolver(), loadParseOptions()]);
  const seeds = readdirSync(join(ROOT, 'seed')).filter((name) => name.endsWith('.txt'));
  const sample = [
    ...seeds.sort().map((name) => ({ name, text: readFileSync(join(ROOT, 'seed', name), 'utf8') })),
    ...Array.from({ length: SAMPLE_END / SAMPLE_STEP }, (_, i) => ({
      name: `synthetic-${i * SAMPLE_STEP}.txt`,
      text: syntheticUpdate(i * SAMPLE_STEP),
    })),
  ];
  for (const { name, text } of sample) {
    hash.update(JSON.stringify(extractGraph(parseUpdate(text, name, parseOptions), resolver)));
  }
  cacheKey = `v${SYNTHETIC_VERSION}-${hash.digest('hex').slice(0, 12)}`;
  return cacheKey;
}

export const cacheRoot = (): string =>
  process.env.BENCH_CACHE_DIR ?? join(tmpdir(), 'seslip-kg-bench-graphs');

/** Resident memory of a process (VmRSS), in MiB; null where /proc is not available. */
export function rssMb(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const startBenchNeo4j = (dataDir: string): Promise<EmbeddedNeo4j> =>
  startEmbeddedNeo4j({
    dataDir,
    port: 0,
    ...BENCH_NEO4J,
    startTimeoutSeconds: 600,
    log: createLogger('warn'),
  });

/** The graph of `size` Updates: from the cache when its key matches, else built now (and cached). */
export async function graphOf(size: number, progress: (message: string) => void): Promise<CachedGraph> {
  if (size <= SEED_COUNT)
    throw new RangeError(`a bench graph needs more than the ${SEED_COUNT} seeds, got ${size}`);
  const key = await graphCacheKey();
  const dir = join(cacheRoot(), `${key}-${size}`);
  const metaFile = join(dir, 'figures.json');
  if (existsSync(metaFile)) {
    return {
      dataDir: join(dir, 'neo4j'),
      figures: JSON.parse(readFileSync(metaFile, 'utf8')) as BuildFigures,
      reused: true,
    };
  }
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const synthetic = size - SEED_COUNT;
  // A bigger graph starts as a copy of the biggest smaller one: its first Updates are the same files.
  const base = smallerCachedSize(key, size);
  const fromIndex = base === null ? 0 : base - SEED_COUNT;
  if (base !== null)
    cpSync(join(cacheRoot(), `${key}-${base}`, 'neo4j'), join(building, 'neo4j'), {
      recursive: true,
    });
  progress(
    `building the ${size}-Update graph in ${building}: ` +
      (base === null
        ? `the seeds + ${synthetic} synthetic Updates`
        : `the ${base}-Update graph + ${synthetic - fromIndex} synthetic Updates`),
  );
  const paths = await writeSyntheticUpdates(join(building, 'updates'), synthetic, 1000, fromIndex);
  try {
    const inputs = base === null ? [join(ROOT, 'seed'), ...paths] : paths;
    const figures = {
      ...(await ingestInto(join(building, 'neo4j'), inputs, progress)),
      synthetic,
      grownFrom: base,
    };
    rmSync(join(building, 'updates'), { recursive: true, force: true });
    writeFileSync(join(building, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    renameSync(building, dir);
    return { dataDir: join(dir, 'neo4j'), figures, reused: false };
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
}

/** The biggest cached graph (same key) smaller than `size`, or null. */
function smallerCachedSize(key: string, size: number): number | null {
  const prefix = `${key}-`;
  if (!existsSync(cacheRoot())) return null;
  const sizes = readdirSync(cacheRoot())
    .filter((name) => name.startsWith(prefix) && existsSync(join(cacheRoot(), name, 'figures.json')))
    .map((name) => Number(name.slice(prefix.length)))
    .filter((n) => Number.isInteger(n) && n < size);
  return sizes.length === 0 ? null : Math.max(...sizes);
}

/** Loads `inputs` (files or folders) into the Neo4j in `dataDir`, timing it; Neo4j is stopped afterwards. */
async function ingestInto(
  dataDir: string,
  inputs: string[],
  progress: (message: string) => void,
): Promise<Omit<BuildFigures, 'synthetic' | 'grownFrom'>> {
  const neo4j = await startBenchNeo4j(dataDir);
  const db = Database.connect({ uri: neo4j.uri, user: 'neo4j', password: undefined, database: 'neo4j' });
  try {
    await db.verifyConnectivity();
    await db.applySchema();
    const resolver = await loadResolver();
    // Per Update: its batch's time (read, parse, extract and the write transaction) over the batch's Updates.
    const perUpdateMs: number[] = [];
    let last = performance.now();
    const started = last;
    const summary = await ingestFiles(db, resolver, inputs, {
      onFile: (_outcome, done, total) => {
        if (done % 100 === 0 || done === total) progress(`  ${done}/${total} Updates loaded`);
      },
      onBatch: (updates) => {
        const now = performance.now();
        for (let i = 0; i < updates; i += 1) perUpdateMs.push((now - last) / updates);
        last = now;
      },
    });
    const ended = performance.now();
    const tenth = Math.max(1, Math.floor(perUpdateMs.length / 10));
    const counted = z.object({ count: z.number() });
    const [nodes, edges] = await Promise.all([
      db.query('stats-nodes', counted),
      db.query('stats-edges', counted),
    ]);
    const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
    const loaded = summary.counts.loaded + summary.counts.replaced;
    return {
      updates: loaded,
      failed: summary.counts.failed,
      ingestSeconds: (ended - started) / 1000,
      // ingestFiles runs derive after the last batch, and nothing else.
      deriveSeconds: (ended - last) / 1000,
      updatesPerSecond: loaded / ((last - started) / 1000),
      firstTenthMs: median(perUpdateMs.slice(0, tenth)),
      lastTenthMs: median(perUpdateMs.slice(-tenth)),
      nodes: sum(nodes),
      edges: sum(edges),
      jvmRssMb: rssMb(neo4j.pid),
      builtAt: new Date().toISOString(),
    };
  } finally {
    await db.close();
    await neo4j.stop();
  }
}
