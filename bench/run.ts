/**
 * `npm run bench [-- --quick]`: speed and memory figures, printed as tables; asserts nothing and is never
 * part of `npm test`. Starts its own embedded Neo4j (free port, temp folder, removed afterwards), then:
 *   1. Neo4j cold start (empty folder) and warm start (restart on the same folder), JVM resident memory;
 *   2. parse time per Update over the seeds (bench/parse.ts);
 *   3. ingest throughput: the five seeds, then N synthetic Updates (test/support/synthetic-updates.ts),
 *      with the derive step timed apart;
 *   4. API latency (p50/p95 through app.fetch) and Cypher queries per request of every EXAMPLES query, on the
 *      seeded graph and on seeds + synthetic.
 * --quick: 50 synthetic Updates and fewer runs, for a smoke run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EXAMPLES } from '../src/api/examples.js';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embedded.js';
import { loadResolver, type Resolver } from '../src/extract/resolve.js';
import { ingestFiles, type IngestSummary } from '../src/load/ingest.js';
import { createLogger, silentLogger } from '../src/log.js';
import { createApp, type App } from '../src/server/app.js';
import { writeSyntheticUpdates } from '../test/support/synthetic-updates.js';
import { extractBenchmark, parseBenchmark } from './parse.js';
import { ms, percentile, table } from './stats.js';

const quick = process.argv.includes('--quick');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--quick');
if (unknown.length > 0) {
  console.error(`usage: npm run bench [-- --quick]   (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}
const SYNTHETIC = quick ? 50 : 200;
const API_RUNS = quick ? 10 : 50;
const API_WARMUP = quick ? 3 : 10;
const PARSE_ROUNDS = quick ? 30 : 200;

const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error' });
const log = createLogger('warn');
const neo4jOptions = (dataDir: string) => ({
  dataDir,
  port: 0,
  heapMb: config.NEO4J_EMBEDDED_HEAP_MB,
  pageCacheMb: config.NEO4J_EMBEDDED_PAGE_CACHE_MB,
  txMemoryMb: config.NEO4J_EMBEDDED_TX_MEMORY_MB,
  startTimeoutSeconds: 600,
  log,
});

/** Resident memory of a process (VmRSS), in MiB; null where /proc is not available. */
function rssMb(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}
const mb = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(0)} MiB`);

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

interface IngestFigures {
  label: string;
  summary: IngestSummary;
  seconds: number;
  deriveSeconds: number;
  /** Load time per Update (parse + extract + write), ms, in file order. */
  perUpdateMs: number[];
}

async function timedIngest(
  db: Database,
  resolver: Resolver,
  label: string,
  paths: string[],
): Promise<IngestFigures> {
  const perUpdateMs: number[] = [];
  let last = performance.now();
  const started = last;
  const summary = await ingestFiles(db, resolver, paths, {
    onFile: () => {
      const now = performance.now();
      perUpdateMs.push(now - last);
      last = now;
    },
  });
  const ended = performance.now();
  // After the last file, ingestFiles runs derive; nothing else happens in between.
  return {
    label,
    summary,
    seconds: (ended - started) / 1000,
    deriveSeconds: (ended - last) / 1000,
    perUpdateMs,
  };
}

interface ApiFigures {
  title: string;
  p50: number;
  p95: number;
  cypherQueries: number | null;
  /** Size of the JSON response, KiB. */
  kib: number;
  errors: number;
}

async function apiLatency(app: App): Promise<ApiFigures[]> {
  const figures: ApiFigures[] = [];
  for (const example of EXAMPLES) {
    const body = JSON.stringify({ query: example.query });
    const once = async () => {
      const started = performance.now();
      const response = await app.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await response.text();
      const elapsed = performance.now() - started;
      const result = JSON.parse(text) as { errors?: unknown[]; extensions?: { cypherQueries?: number } };
      return { ms: elapsed, result, bytes: Buffer.byteLength(text) };
    };
    for (let i = 0; i < API_WARMUP; i += 1) await once();
    const times: number[] = [];
    let cypherQueries: number | null = null;
    let errors = 0;
    let kib = 0;
    for (let i = 0; i < API_RUNS; i += 1) {
      const { ms: elapsed, result, bytes } = await once();
      times.push(elapsed);
      kib = bytes / 1024;
      cypherQueries = result.extensions?.cypherQueries ?? null;
      if ((result.errors?.length ?? 0) > 0) errors += 1;
    }
    figures.push({
      title: example.title,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      cypherQueries,
      kib,
      errors,
    });
  }
  return figures;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seslip-kg-bench-neo4j-'));
  const syntheticDir = mkdtempSync(join(tmpdir(), 'seslip-kg-bench-updates-'));
  let neo4j: EmbeddedNeo4j | undefined;
  let db: Database | undefined;
  try {
    progress(`${quick ? 'quick run' : 'full run'}; Neo4j data in ${dataDir}`);
    progress('cold start of the embedded Neo4j');
    let started = performance.now();
    neo4j = await startEmbeddedNeo4j(neo4jOptions(dataDir));
    const coldMs = performance.now() - started;
    const rssCold = rssMb(neo4j.pid);
    await neo4j.stop();
    neo4j = undefined;

    progress('warm start (same folder)');
    started = performance.now();
    neo4j = await startEmbeddedNeo4j(neo4jOptions(dataDir));
    const warmMs = performance.now() - started;
    const rssWarm = rssMb(neo4j.pid);
    const version = neo4j.version;

    db = Database.connect({ uri: neo4j.uri, user: 'neo4j', password: undefined, database: 'neo4j' });
    await db.verifyConnectivity();
    await db.applySchema();
    const resolver = await loadResolver();
    const app = createApp({
      config: { ...config, NEO4J_URI: neo4j.uri },
      db,
      resolver,
      log: silentLogger,
    });

    progress(`parse benchmark (${PARSE_ROUNDS} rounds over the seeds)`);
    const parse = parseBenchmark(PARSE_ROUNDS);
    const extract = extractBenchmark(resolver, Math.ceil(PARSE_ROUNDS / 4));

    progress('ingesting the seeds');
    const seeds = await timedIngest(db, resolver, 'seeds', ['seed']);
    const rssSeeds = rssMb(neo4j.pid);
    progress(`API latency on the seeded graph (${API_RUNS} runs after ${API_WARMUP} warm-up, per query)`);
    const apiSeeds = await apiLatency(app);

    progress(`writing and ingesting ${SYNTHETIC} synthetic Updates`);
    const paths = await writeSyntheticUpdates(syntheticDir, SYNTHETIC);
    const synthetic = await timedIngest(db, resolver, `${SYNTHETIC} synthetic`, paths);
    const rssSynthetic = rssMb(neo4j.pid);
    progress(`API latency on seeds + ${SYNTHETIC} synthetic`);
    const apiGrown = await apiLatency(app);
    const stats = await db.read('stats-nodes');
    const nodeCount = stats.reduce((sum, row) => sum + Number(row.count ?? 0), 0);

    console.log(
      `\nseslip-kg benchmark (${quick ? 'quick' : 'full'}) — Neo4j ${version} embedded, heap ${config.NEO4J_EMBEDDED_HEAP_MB} MiB, ` +
        `page cache ${config.NEO4J_EMBEDDED_PAGE_CACHE_MB} MiB; Node ${process.version}\n`,
    );
    console.log(
      table([
        ['embedded Neo4j', 'time', 'JVM RSS'],
        ['cold start (empty folder)', `${ms(coldMs, 0)} ms`, mb(rssCold)],
        ['warm start (same folder)', `${ms(warmMs, 0)} ms`, mb(rssWarm)],
        ['after loading the seeds', '', mb(rssSeeds)],
        [`after loading + ${SYNTHETIC} synthetic`, '', mb(rssSynthetic)],
      ]),
    );
    console.log();
    console.log(
      table([
        ['per seed Update', 'median ms', 'p95 ms', 'samples'],
        ['parse', ms(parse.medianMs, 3), ms(parse.p95Ms, 3), `${parse.seeds} × ${parse.rounds}`],
        [
          'extract (graph records)',
          ms(extract.medianMs, 3),
          ms(extract.p95Ms, 3),
          `${extract.seeds} × ${extract.rounds}`,
        ],
      ]),
    );
    console.log();
    const tenth = (figures: IngestFigures, which: 'first' | 'last') => {
      const n = Math.max(1, Math.floor(figures.perUpdateMs.length / 10));
      const part = which === 'first' ? figures.perUpdateMs.slice(0, n) : figures.perUpdateMs.slice(-n);
      return percentile(part, 50);
    };
    console.log(
      table([
        [
          'ingest',
          'Updates',
          'total s',
          'Updates/s',
          'derive s',
          'load p50 ms',
          'first 10% p50',
          'last 10% p50',
        ],
        ...[seeds, synthetic].map((f) => [
          f.label,
          f.summary.counts.loaded + f.summary.counts.replaced,
          ms(f.seconds, 2),
          ms((f.summary.counts.loaded + f.summary.counts.replaced) / (f.seconds - f.deriveSeconds), 1),
          ms(f.deriveSeconds, 2),
          ms(percentile(f.perUpdateMs, 50), 0),
          ms(tenth(f, 'first'), 0),
          ms(tenth(f, 'last'), 0),
        ]),
      ]),
    );
    console.log(
      `(Updates/s excludes derive; failed files: seeds ${seeds.summary.counts.failed}, synthetic ${synthetic.summary.counts.failed}; ` +
        `graph now ${nodeCount} nodes)`,
    );
    console.log();
    console.log(
      table([
        [
          `API (EXAMPLES, ${API_RUNS} runs)`,
          'seeds p50 ms',
          'p95 ms',
          'cypher',
          'KiB',
          `+${SYNTHETIC} p50 ms`,
          'p95 ms',
          'cypher',
          'KiB',
          'errors',
        ],
        ...apiSeeds.map((a, i) => {
          const b = apiGrown[i]!;
          return [
            a.title,
            ms(a.p50),
            ms(a.p95),
            a.cypherQueries ?? 'n/a',
            ms(a.kib),
            ms(b.p50),
            ms(b.p95),
            b.cypherQueries ?? 'n/a',
            ms(b.kib),
            a.errors + b.errors,
          ];
        }),
      ]),
    );
  } finally {
    await db?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(syntheticDir, { recursive: true, force: true });
  }
}

await main();
