/**
 * `npm run bench [-- --quick]`: seslip-kg against the peer (@neo4j/graphql 7 over the same stored graph) and
 * against one hand-written Cypher query per question; prints markdown tables, asserts nothing, never part of
 * `npm test`. For each graph size (BENCH_SIZES, default "1000,5000"; bench/graphs.ts builds and caches them):
 *   1. the answers of the three systems to every case (bench/cases.ts), checked equal after normalising;
 *   2. latency p50/p95 per case and system, interleaved round by round (the order rotates), with the ratios,
 *      response sizes and seslip-kg's Cypher queries per request;
 *   3. throughput of 8 concurrent clients sending the example queries, seslip-kg and the peer;
 *   4. the biggest query under the cost limit (the first of a ladder the server does not refuse): time, and
 *      memory of Node and of the JVM while it runs, and what Neo4j's memory tracking says the query holds —
 *      on its first run (Neo4j plans the new query text), the slowest of three after it (plan cached) and
 *      one after db.clearQueryCaches() (planning again without graphql-jit's first compile);
 *   5. ingest Updates/s (from the build) with the per-Update times of its first and last tenth, Neo4j start time
 *      and JVM memory;
 *   6. the write side (bench/ingest.ts): replacing one Update on the graph, readers' errors and p50/p95 during an
 *      ingest into a copy of it, and (once, for the smallest size) the loader's batches against a raw UNWIND
 *      baseline of the same records, each into an empty Neo4j.
 * Parse and extract times per seed Update come first (bench/parse.ts), then crawl + ingest of 700 Update pages
 * served from 127.0.0.1 (bench/crawl.ts: pages/s fetched and parsed, wall time, Updates/s, peak RSS).
 * --quick: fewer rounds, shorter load, 70 pages. --crawl-only: only the crawl + ingest row (no graph sizes).
 * BENCH_CACHE_DIR overrides the graph cache folder (default: <tmp>/seslip-kg-bench-graphs).
 */
import { performance } from 'node:perf_hooks';
import { EXAMPLES } from '../src/api/examples.js';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { type Resolver } from '../src/extract/resolve.js';
import { loadResolver } from '../src/load/reference.js';
import { silentLogger } from '../src/log.js';
import { createApp } from '../src/server/app.js';
import { benchCases, type BenchCase } from './cases.js';
import { firstDifference } from './compare.js';
import { BENCH_NEO4J, graphOf, rssMb, startBenchNeo4j, type CachedGraph } from './graphs.js';
import {
  measureRaw,
  measureWrites,
  recordsOf,
  type RawFigures,
  type ReadersFigures,
  type ReplaceFigures,
} from './ingest.js';
import { extractBenchmark, parseBenchmark } from './parse.js';
import { measurePaths, type PathFigures } from './path.js';
import { startPeer, type PeerServer } from './peer/server.js';
import { crawlBenchmark, printCrawl } from './crawl.js';
import { ms, percentile, table } from './stats.js';
import { SYSTEMS, Systems, post, type Answer, type SystemName } from './systems.js';

const quick = process.argv.includes('--quick');
const crawlOnly = process.argv.includes('--crawl-only');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--quick' && arg !== '--crawl-only');
if (unknown.length > 0) {
  console.error(
    `usage: [BENCH_SIZES=1000,5000] npm run bench [-- --quick] [-- --crawl-only]   (unknown: ${unknown.join(' ')})`,
  );
  process.exit(2);
}
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map((size) => Number(size.trim()));
if (SIZES.some((size) => !Number.isInteger(size) || size <= 5)) {
  console.error(
    `BENCH_SIZES must be whole numbers above 5, comma-separated; got "${process.env.BENCH_SIZES}"`,
  );
  process.exit(2);
}
/** Rounds per case (each round runs every system once) and the time after which a case stops early. */
const ROUNDS = quick ? 5 : 30;
const MIN_ROUNDS = 3;
const CASE_BUDGET_MS = quick ? 10_000 : 60_000;
/** Warm-up calls per system: two, or one when the first takes longer than SLOW_MS (minutes on big graphs). */
const WARMUP = 2;
const SLOW_MS = 5_000;
const CLIENTS = 8;
const LOAD_MS = quick ? 5_000 : 20_000;
const PARSE_ROUNDS = quick ? 30 : 200;
/** Update pages of the crawl + ingest row: the size of the real archive. */
const CRAWL_PAGES = quick ? 70 : 700;
/** Updates of the raw UNWIND baseline and the loader's batches it is compared with. */
const RAW_UPDATES = quick ? 300 : 1000;

const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error' });
const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);
const mib = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(0)} MiB`);
const ratio = (a: number, b: number): string =>
  b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : a / b >= 1 ? 1 : 2)}×` : 'n/a';
const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
const heapRange = (range: { base: number; peak: number } | null): string =>
  range === null ? 'n/a' : `${mib(range.peak)} (+${(range.peak - range.base).toFixed(0)})`;

// ---- 1 + 2: answers and interleaved latency ---------------------------------------------------------------

interface CaseFigures {
  name: string;
  samples: Record<SystemName, number[]>;
  answers: Record<SystemName, Answer>;
  /** Per other system: null when its answer equals seslip-kg's, else where it differs (or its errors). */
  mismatch: Record<'peer' | 'cypher', string | null>;
}

async function timed(work: () => Promise<Answer>): Promise<{ ms: number; answer: Answer }> {
  const started = performance.now();
  const answer = await work();
  return { ms: performance.now() - started, answer };
}

function checkAnswers(answers: Record<SystemName, Answer>): CaseFigures['mismatch'] {
  const against = (system: 'peer' | 'cypher') => {
    const errors = [...answers['seslip-kg'].errors, ...answers[system].errors];
    if (errors.length > 0) return `errors: ${errors.slice(0, 2).join('; ')}`;
    return firstDifference(answers['seslip-kg'].data, answers[system].data);
  };
  return { peer: against('peer'), cypher: against('cypher') };
}

async function measureCase(systems: Systems, benchCase: BenchCase): Promise<CaseFigures> {
  const samples: Record<SystemName, number[]> = { 'seslip-kg': [], peer: [], cypher: [] };
  const answers = {} as Record<SystemName, Answer>;
  for (const system of SYSTEMS) {
    for (let i = 0; i < WARMUP; i += 1) {
      const { ms: elapsed, answer } = await timed(() => systems.answer(system, benchCase));
      answers[system] = answer;
      if (elapsed > SLOW_MS) break;
    }
  }
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round >= MIN_ROUNDS && performance.now() - started > CASE_BUDGET_MS) break;
    // Rotate who goes first, so no system always runs on the caches another one warmed.
    for (let k = 0; k < SYSTEMS.length; k += 1) {
      const system = SYSTEMS[(round + k) % SYSTEMS.length]!;
      const { ms: elapsed, answer } = await timed(() => systems.answer(system, benchCase));
      samples[system].push(elapsed);
      answers[system] = answer;
    }
  }
  return { name: benchCase.name, samples, answers, mismatch: checkAnswers(answers) };
}

// ---- 3: concurrent clients ----------------------------------------------------------------------------

interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

/** CLIENTS clients, each sending the example queries in turn (from its own start) until LOAD_MS is up. */
async function load(send: (query: string) => Promise<boolean>): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const client = async (offset: number) => {
    for (let i = offset; performance.now() - started < LOAD_MS; i += 1) {
      const sent = performance.now();
      if (!(await send(EXAMPLES[i % EXAMPLES.length]!.query))) errors += 1;
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
  };
}

/** The same load on the peer: each example through its peer equivalent. */
async function peerLoad(systems: Systems, cases: BenchCase[]): Promise<LoadFigures> {
  const byQuery = new Map(cases.map((c) => [c.query, c]));
  return load(async (query) => (await systems.peerAnswer(byQuery.get(query)!)).errors.length === 0);
}

// ---- 4: the biggest query under the cost limit ----------------------------------------------------------

/** Four nested connections; the page sizes step down until the server accepts the query. */
const heavyQuery = ([a, b, c, d]: number[]) => `query NearCostLimit {
  networks(first: ${a}) { edges { node { name
    reports(first: ${b}) { edges { node { title
      citedIn(first: ${c}) { edges { node { title
        mentions(first: ${d}) { edges { node {
          ... on Person { name } ... on Organisation { name } ... on LocalAuthority { name } ... on Network { name }
        } } }
      } } }
    } } }
  } } }
}`;
const HEAVY_LADDER = [
  [100, 100, 100, 100],
  [50, 50, 20, 20],
  [20, 20, 20, 20],
  [20, 20, 10, 10],
  [10, 10, 10, 10],
  [10, 10, 5, 5],
];

/** One run of the biggest accepted query, with the memory gauges sampled while it ran. */
interface HeavyRun {
  ms: number;
  kib: number;
  cypherQueries: number | null;
  errors: string[];
  /** Node's heap in use before and at its highest while the query ran, MiB. */
  nodeHeap: { base: number; peak: number };
  /** The JVM's heap in use (JMX), MiB; null where Neo4j does not say. */
  jvmHeap: { base: number; peak: number } | null;
  /** Neo4j's memory tracking of the query (SHOW TRANSACTIONS), MiB; null where Neo4j does not say. */
  tracked: { base: number; peak: number } | null;
}

interface HeavyFigures {
  pages: string;
  refused: string[];
  /** The first run: Neo4j plans the query's text and graphql-jit compiles the document. */
  first: HeavyRun;
  /** The slowest of the runs after it (plan and compiled query cached), with its gauges. */
  warm: HeavyRun;
  /** One more run after Neo4j's query caches are emptied: the first run's Neo4j side, planning again. */
  replanned: HeavyRun;
}

/** Warm runs of the biggest accepted query after its first. */
const HEAVY_WARM_RUNS = 3;

/** Samples a gauge every 50 ms while `work` runs; its first reading and its highest. */
async function sampled<T>(
  gauge: () => Promise<number | null>,
  work: () => Promise<T>,
): Promise<{ result: T; range: { base: number; peak: number } | null }> {
  const base = await gauge();
  let peak = base;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const value = await gauge();
      if (value !== null) peak = Math.max(peak ?? value, value);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    return { result: await work(), range: base === null || peak === null ? null : { base, peak } };
  } finally {
    running = false;
    await sampler;
  }
}

/** Runs `query` once on seslip-kg, sampling Node's heap, the JVM's heap and Neo4j's tracking of it. */
async function heavyRun(systems: Systems, query: string): Promise<{ run: HeavyRun; answer: Answer }> {
  const nodeHeapMb = () => Promise.resolve(process.memoryUsage().heapUsed / 2 ** 20);
  let nodeHeap = { base: 0, peak: 0 };
  let tracked: { base: number; peak: number } | null = null;
  const { result, range: jvmHeap } = await sampled(
    () => systems.jvmHeapUsedMb(),
    async () => {
      const { result: answered, range } = await sampled(
        () => systems.trackedQueryMemoryMb(),
        async () => {
          const inNode = await sampled(nodeHeapMb, () => timed(() => systems.ours(query)));
          nodeHeap = inNode.range!;
          return inNode.result;
        },
      );
      tracked = range;
      return answered;
    },
  );
  const { ms: elapsed, answer } = result;
  const run: HeavyRun = {
    ms: elapsed,
    kib: answer.bytes / 1024,
    cypherQueries: answer.cypherQueries,
    errors: answer.errors,
    nodeHeap,
    jvmHeap,
    tracked,
  };
  return { run, answer };
}

async function heavy(systems: Systems): Promise<HeavyFigures | null> {
  const refused: string[] = [];
  for (const pages of HEAVY_LADDER) {
    const query = heavyQuery(pages);
    const { run: first, answer } = await heavyRun(systems, query);
    const refusal = answer.errors.find((e) => /cost|complex/i.test(e));
    if (refusal !== undefined && answer.data === null) {
      refused.push(`${pages.join('/')}: ${refusal}`);
      continue;
    }
    let warm: HeavyRun | null = null;
    for (let i = 0; i < HEAVY_WARM_RUNS; i += 1) {
      const { run } = await heavyRun(systems, query);
      if (warm === null || run.ms > warm.ms) warm = run;
    }
    await systems.clearQueryCaches();
    const { run: replanned } = await heavyRun(systems, query);
    return { pages: pages.join('/'), refused, first, warm: warm ?? first, replanned };
  }
  return null;
}

// ---- per size -----------------------------------------------------------------------------------------

interface SizeFigures {
  size: number;
  graph: CachedGraph;
  startMs: number;
  cases: CaseFigures[];
  loadOurs: LoadFigures;
  loadPeer: LoadFigures;
  heavy: HeavyFigures | null;
  paths: PathFigures;
  jvmAfterMb: number | null;
  nodeAfterMb: number;
  replace: ReplaceFigures;
  readers: ReadersFigures;
  raw: RawFigures | null;
}

async function benchSize(size: number, resolver: Resolver): Promise<SizeFigures> {
  const graph = await graphOf(size, progress);
  progress(`${size} Updates: ${graph.reused ? 'cached graph' : 'graph built'} in ${graph.dataDir}`);
  const started = performance.now();
  const neo4j = await startBenchNeo4j(graph.dataDir);
  const startMs = performance.now() - started;
  const db = Database.connect({ uri: neo4j.uri, user: 'neo4j', password: undefined, database: 'neo4j' });
  const app = createApp({ config: { ...config, NEO4J_URI: neo4j.uri }, db, resolver, log: silentLogger });
  let peer: PeerServer | undefined;
  let systems: Systems | undefined;
  let stopped = false;
  try {
    peer = await startPeer(neo4j.uri);
    systems = new Systems(app, peer, neo4j.uri);
    const cases = benchCases(resolver);
    const figures: CaseFigures[] = [];
    for (const benchCase of cases) {
      progress(`${size}: ${benchCase.name}`);
      figures.push(await measureCase(systems, benchCase));
    }
    progress(`${size}: ${CLIENTS} concurrent clients, ${LOAD_MS / 1000} s each server`);
    const loadOurs = await load(async (query) => {
      const { body } = await post((request) => app.fetch(request), query);
      return body.errors === undefined;
    });
    const loadPeer = await peerLoad(systems, cases);
    progress(`${size}: the biggest query under the cost limit`);
    const heavyFigures = await heavy(systems);
    progress(`${size}: path's worst case`);
    const paths = await measurePaths(app, neo4j.uri);
    const jvmAfterMb = rssMb(neo4j.pid);
    const nodeAfterMb = process.memoryUsage().rss / 2 ** 20;
    await systems.close();
    await peer.close();
    await db.close();
    await neo4j.stop();
    systems = undefined;
    peer = undefined;
    stopped = true;
    const writes = await measureWrites(
      graph.dataDir,
      size,
      graph.figures.synthetic,
      config,
      resolver,
      progress,
    );
    const raw =
      size === Math.min(...SIZES)
        ? await measureRaw(await recordsOf(Math.min(size, RAW_UPDATES), resolver), progress)
        : null;
    return {
      size,
      graph,
      startMs,
      cases: figures,
      loadOurs,
      loadPeer,
      heavy: heavyFigures,
      paths,
      jvmAfterMb,
      nodeAfterMb,
      ...writes,
      raw,
    };
  } finally {
    if (!stopped) {
      await systems?.close();
      await peer?.close();
      await db.close();
      await neo4j.stop();
    }
  }
}

// ---- printing -----------------------------------------------------------------------------------------

function printSize(f: SizeFigures): void {
  const g = f.graph.figures;
  console.log(`\n### ${f.size} Updates — ${g.nodes} nodes, ${g.edges} edges\n`);
  const p = (c: CaseFigures, s: SystemName, q: number) => percentile(c.samples[s], q);
  console.log(
    table([
      [
        'query',
        'n',
        'seslip-kg p50',
        'p95',
        'peer p50',
        'p95',
        'Cypher p50',
        'p95',
        'ours/peer',
        'ours p95/Cypher p95',
        'KiB ours',
        'peer',
        'Cypher',
        'cypher q',
        'peer answer',
        'Cypher answer',
      ],
      ...f.cases.map((c) => [
        c.name,
        c.samples['seslip-kg'].length,
        ms(p(c, 'seslip-kg', 50)),
        ms(p(c, 'seslip-kg', 95)),
        ms(p(c, 'peer', 50)),
        ms(p(c, 'peer', 95)),
        ms(p(c, 'cypher', 50)),
        ms(p(c, 'cypher', 95)),
        ratio(p(c, 'seslip-kg', 50), p(c, 'peer', 50)),
        ratio(p(c, 'seslip-kg', 95), p(c, 'cypher', 95)),
        kib(c.answers['seslip-kg'].bytes),
        kib(c.answers.peer.bytes),
        kib(c.answers.cypher.bytes),
        c.answers['seslip-kg'].cypherQueries ?? 'n/a',
        c.mismatch.peer === null ? 'equal' : 'DIFFERS',
        c.mismatch.cypher === null ? 'equal' : 'DIFFERS',
      ]),
    ]),
  );
  for (const c of f.cases) {
    for (const system of ['peer', 'cypher'] as const) {
      if (c.mismatch[system] !== null) console.log(`- ${c.name}, ${system} differs: ${c.mismatch[system]}`);
    }
  }
  console.log('\n(ms; interleaved rounds, the order rotating; n rounds per system; sizes of one answer.)\n');
  console.log(
    table([
      [`${CLIENTS} concurrent clients, example mix`, 'requests', 'req/s', 'p50 ms', 'p95 ms', 'errors'],
      ...(
        [
          ['seslip-kg', f.loadOurs],
          ['peer', f.loadPeer],
        ] as const
      ).map(([name, l]) => [name, l.requests, ms(l.perSecond, 2), ms(l.p50), ms(l.p95), l.errors]),
    ]),
  );
  console.log(`(throughput ours/peer: ${ratio(f.loadOurs.perSecond, f.loadPeer.perSecond)})\n`);
  const h = f.heavy;
  if (h === null) console.log('Every query of the cost ladder was refused.\n');
  else {
    console.log(
      table([
        [
          'biggest query under the cost limit (pages)',
          'ms',
          'KiB',
          'cypher q',
          'Node heap peak',
          'JVM heap peak',
          'Neo4j tracked, peak',
          'errors',
        ],
        ...(
          [
            ['first run (plans the query)', h.first],
            [`slowest of ${HEAVY_WARM_RUNS} more (plan cached)`, h.warm],
            ['after db.clearQueryCaches() (plans it again)', h.replanned],
          ] as const
        ).map(([when, run]) => [
          `networks/reports/citedIn/mentions ${h.pages}, ${when}`,
          ms(run.ms, 0),
          ms(run.kib, 0),
          run.cypherQueries ?? 'n/a',
          heapRange(run.nodeHeap),
          heapRange(run.jvmHeap),
          run.tracked === null ? 'n/a' : mib(run.tracked.peak),
          run.errors.length === 0 ? 'none' : run.errors.slice(0, 1).join(''),
        ]),
      ]),
    );
    for (const refusal of h.refused) console.log(`- refused: ${refusal}`);
    console.log();
  }
  const paths = f.paths;
  console.log(
    table([
      [
        'path (maxHops 8): hubs, one-edge nodes, spread pairs',
        'pairs',
        'connected',
        'p50 ms',
        'worst ms',
        'worst pair',
        'errors',
      ],
      [
        'seslip-kg',
        paths.pairs,
        paths.found,
        ms(paths.p50Ms),
        ms(paths.worstMs),
        paths.worstPair,
        paths.errors,
      ],
    ]),
  );
  console.log();
  console.log(
    table([
      ['graph and memory', 'value'],
      [
        `ingest (${g.grownFrom === null || g.grownFrom === undefined ? 'seeds + synthetic' : `grown from the ${g.grownFrom}-Update graph`})`,
        `${g.updates} Updates in ${ms(g.ingestSeconds, 0)} s: ${ms(g.updatesPerSecond, 2)} Updates/s, derive ${ms(g.deriveSeconds, 1)} s`,
      ],
      ['load per Update, first / last tenth (p50)', `${ms(g.firstTenthMs, 0)} / ${ms(g.lastTenthMs, 0)} ms`],
      ['graph', f.graph.reused ? `cached, built ${g.builtAt}` : 'built by this run'],
      ['Neo4j start on the graph', `${ms(f.startMs, 0)} ms`],
      ['JVM RSS after the build', mib(g.jvmRssMb)],
      ['JVM RSS after the queries', mib(f.jvmAfterMb)],
      ['Node RSS after the queries (both servers in-process)', mib(f.nodeAfterMb)],
    ]),
  );
  console.log();
  const r = f.replace;
  const pc = (values: number[], q: number) => ms(percentile(values, q), 0);
  console.log(
    table([
      ['writes', 'value'],
      [
        `ingest per Update, first / last tenth (p50; ${ratio(g.lastTenthMs, g.firstTenthMs)})`,
        `${ms(g.firstTenthMs, 1)} / ${ms(g.lastTenthMs, 1)} ms`,
      ],
      [
        `replace one Update in the middle, load p50 / p95 (${r.middle.length} runs)`,
        `${pc(r.middle, 50)} / ${pc(r.middle, 95)} ms`,
      ],
      [
        `replace the newest Update, load p50 / p95 (${r.newest.length} runs)`,
        `${pc(r.newest, 50)} / ${pc(r.newest, 95)} ms`,
      ],
      ['`ingest --force` of one changed file, derive included', `${ms(r.ingestMs, 0)} ms`],
      [
        `${f.readers.requests} reader requests (8 clients) during an ingest of ${f.readers.updates} Updates (${ms(f.readers.seconds, 0)} s)`,
        `${f.readers.errors} errors; p50 ${ms(f.readers.p50, 0)} ms, p95 ${ms(f.readers.p95, 0)} ms`,
      ],
      ...(f.raw === null
        ? []
        : [
            [
              `${f.raw.updates} Updates into an empty Neo4j: the loader's batches / raw UNWIND`,
              `${ms(f.raw.oursPerSecond, 1)} / ${ms(f.raw.rawPerSecond, 1)} Updates/s (${ratio(f.raw.oursPerSecond, f.raw.rawPerSecond)})`,
            ],
          ]),
    ]),
  );
  for (const error of f.readers.firstErrors) console.log(`- reader error: ${error}`);
}

async function main(): Promise<void> {
  if (crawlOnly) {
    printCrawl(await crawlBenchmark(CRAWL_PAGES, await loadResolver(), progress));
    return;
  }
  progress(`${quick ? 'quick' : 'full'} run; sizes ${SIZES.join(', ')}`);
  const resolver = await loadResolver();
  const parse = await parseBenchmark(PARSE_ROUNDS);
  const extract = await extractBenchmark(resolver, Math.ceil(PARSE_ROUNDS / 4));
  console.log(
    `\n## seslip-kg vs @neo4j/graphql vs hand-written Cypher (${quick ? 'quick' : 'full'} run)\n\n` +
      `Neo4j embedded, heap ${BENCH_NEO4J.heapMb} MiB, page cache ${BENCH_NEO4J.pageCacheMb} MiB; Node ${process.version}; ` +
      `both GraphQL servers in this process, called through fetch.\n`,
  );
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
  // The archive as it lives: 700 Update pages (70 with --quick) crawled from a local site and ingested.
  printCrawl(await crawlBenchmark(CRAWL_PAGES, resolver, progress));
  // Each size is printed as soon as it is measured: a long run that is stopped still leaves its first tables.
  for (const size of SIZES) printSize(await benchSize(size, resolver));
}

await main();
