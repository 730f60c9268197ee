import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { EXAMPLES } from '../src/api/examples.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type OpenDatabase } from '../src/db/open.js';
import { type Resolver } from '../src/extract/resolve.js';
import { loadParseOptions, loadResolver } from '../src/load/reference.js';
import { extractRecords, ingestFiles, type IngestSummary } from '../src/load/ingest.js';
import { silentLogger } from '../src/log.js';
import { parseUpdateFile } from '../src/parse/index.js';
import { createApp } from '../src/server/app.js';
import { warmQueryPlans } from '../src/server/warm-up.js';
import { sampleFuzzedUpdates, textToRecords } from '../test/support/fuzz.js';
import { graphSnapshotAt, queryAt, type GraphSnapshot } from '../test/support/snapshot.js';
import { writeSyntheticUpdates } from '../test/support/synthetic-updates.js';

/**
 * `npm run soak`: the archive under faults and load, for an operator (not part of `npm test`). Each phase
 * runs against its own embedded Neo4j in a temp folder, removed at the end:
 * 1. kill cycles: the seeds and synthetic Updates are ingested (and re-ingested, forced) while the supervised
 *    JVM is killed with SIGKILL at random moments; then the ingest is re-run until everything is loaded. No
 *    Update may be half-loaded, and the graph must equal a clean load of the same files into a fresh Neo4j;
 * 2. readers: concurrent clients send the example queries through the real app while synthetic Updates are
 *    ingested into an empty Neo4j and then re-ingested (forced); no answer may carry an error, and the graph
 *    must equal a clean load;
 * 3. fuzz: damaged and random Updates through parse → extract → records; no uncaught error.
 * Prints a markdown table; exits 1 when a check failed.
 */

const count = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
};

const options = new Command('soak')
  .description('kill -9 cycles during ingest, readers during ingest, and a fuzz round; prints a table')
  .option('--kills <n>', 'SIGKILLs of the embedded Neo4j during ingest', count, 20)
  .option('--readers <n>', 'concurrent GraphQL clients during ingest', count, 20)
  .option('--seconds <n>', 'how long the readers read, at least', count, 60)
  .option(
    '--ingest <n>',
    'synthetic Updates ingested (then re-ingested, forced) under the readers',
    count,
    1000,
  )
  .option('--updates <n>', 'synthetic Updates to ingest (besides the seeds)', count, 120)
  .option('--fuzz <n>', 'fuzzed inputs through parse → extract → records', count, 1000)
  .option('--seed <n>', 'seed of the fuzzed inputs', count, 1)
  .parse()
  .opts<{
    kills: number;
    readers: number;
    seconds: number;
    ingest: number;
    updates: number;
    fuzz: number;
    seed: number;
  }>();

/** How often each kind of thing was seen. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }
  top(n: number): [string, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, n);
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const say = (line: string) => process.stderr.write(`soak: ${line}\n`);

async function until(condition: () => boolean, seconds: number, what: string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${seconds} s`);
    await sleep(200);
  }
}

function embeddedConfig(dataDir: string): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    NEO4J_EMBEDDED_DIR: dataDir,
    NEO4J_EMBEDDED_PORT: '0',
    NEO4J_EMBEDDED_HEAP_MB: '512',
    NEO4J_EMBEDDED_PAGE_CACHE_MB: '64',
    NEO4J_EMBEDDED_START_TIMEOUT: '600',
  });
}

interface Row {
  check: string;
  value: string;
  ok: boolean;
}
const rows: Row[] = [];
const row = (check: string, value: string | number, ok = true) =>
  rows.push({ check, value: String(value), ok });

/** Files that failed for another reason than the database going away: what a kill must never cause. */
const unexpectedFailures = (summary: IngestSummary): string[] =>
  summary.files
    .filter((f) => f.status === 'failed' && !/\[DATABASE_|not tried \(ingest stopped\)/.test(f.error ?? ''))
    .map((f) => f.error ?? f.file);

async function killCycles(a: OpenDatabase, resolver: Resolver, files: string[]): Promise<void> {
  const supervised = a.embedded!;
  let kills = 0;
  let killing = true;
  const killer = (async () => {
    while (kills < options.kills) {
      await sleep(500 + Math.random() * 3000);
      await until(() => supervised.state === 'running', 600, 'the supervised Neo4j running again');
      process.kill(supervised.current.pid, 'SIGKILL');
      kills += 1;
      say(`kill ${kills}/${options.kills} (pid ${supervised.current.pid})`);
      await until(() => supervised.state !== 'running', 60, 'the supervisor noticing the kill');
    }
    killing = false;
  })();
  let loadsHeld = 0;
  const unexpected: string[] = [];
  const ingestOnce = async (force: boolean): Promise<IngestSummary | null> => {
    try {
      const summary = await ingestFiles(a.db, resolver, files, { force });
      loadsHeld += summary.counts.loaded + summary.counts.replaced;
      unexpected.push(...unexpectedFailures(summary));
      return summary;
    } catch (error) {
      // deriveEdges after the loop met a dead Neo4j: a database error, like a stopped ingest.
      say(`ingest pass broke off: ${(error as Error).message}`);
      return null;
    } finally {
      await until(() => supervised.state === 'running', 600, 'the supervised Neo4j running again');
    }
  };
  // Keep writing while the kills go on: the first pass loads, later ones replace (forced).
  for (let pass = 0; killing; pass += 1) await ingestOnce(pass > 0);
  await killer;
  let complete = false;
  for (let attempt = 0; attempt < 10 && !complete; attempt += 1) {
    const summary = await ingestOnce(false);
    complete = summary !== null && summary.stopped === null && summary.counts.failed === 0;
  }
  row('loads held (Updates loaded or replaced while killing)', loadsHeld);
  row(
    'kill cycles survived (SIGKILL, restarted by supervision)',
    `${kills} (restarts ${supervised.restarts})`,
    kills >= options.kills && supervised.restarts >= kills,
  );
  row('ingest complete after the kills', complete ? 'yes' : 'no', complete);
  row('files failed for a reason other than the database', unexpected.length, unexpected.length === 0);
  for (const failure of unexpected.slice(0, 3)) say(`unexpected failure: ${failure}`);
}

/** Updates whose Item count in the graph differs from what extract gives for their file. */
async function halfLoaded(uri: string, resolver: Resolver, files: string[]): Promise<string[]> {
  const expected = new Map<number, number>();
  for (const file of files) {
    const records = await extractRecords(await parseUpdateFile(file, await loadParseOptions()), resolver);
    expected.set(records.issueNumber, records.nodes.filter((n) => n.label === 'Item').length);
  }
  const stored = await queryAt(
    uri,
    `MATCH (i:Issue) RETURN i.number AS number,
       COUNT { (i)-[:HAS_ITEM]->(:Item) } AS linked, COUNT { MATCH (t:Item) WHERE t.issueNumber = i.number } AS items`,
  );
  const found = new Map(stored.map((r) => [r.number as number, r]));
  const wrong: string[] = [];
  for (const [number, items] of expected) {
    const got = found.get(number);
    if (got === undefined) wrong.push(`Update ${number} missing`);
    else if (got.linked !== items || got.items !== items)
      wrong.push(
        `Update ${number}: ${String(got.items)} Items (${String(got.linked)} linked), extract gives ${items}`,
      );
  }
  return wrong;
}

/**
 * A value as JSON with every object's keys in order: Neo4j gives a node's properties in the order they were
 * stored, which a replacement can change without changing a single value.
 */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );

/** The first node or edge that differs between two snapshots, or null. */
function firstDifference(a: GraphSnapshot, b: GraphSnapshot): string | null {
  for (const part of ['nodes', 'edges'] as const) {
    if (a[part].length !== b[part].length)
      return `${a[part].length} ${part} vs ${b[part].length} in a clean load`;
    for (let i = 0; i < a[part].length; i += 1) {
      const [x, y] = [canonicalJson(a[part][i]), canonicalJson(b[part][i])];
      if (x !== y) return `${part}[${i}]: ${x.slice(0, 300)} vs clean ${y.slice(0, 300)}`;
    }
  }
  return null;
}

/**
 * Readers during an ingest: `--readers` clients send the example queries through the app while `--ingest`
 * synthetic Updates are loaded into a Neo4j holding the seeds and then re-ingested, forced (every Update
 * replaced), for at least `--seconds`. Every answer must be free of errors, and the graph after the forced
 * re-ingest must equal a clean load of the same files into another Neo4j.
 */
async function readersDuringIngest(
  work: string,
  resolver: Resolver,
  seeds: string[],
  opened: OpenDatabase[],
): Promise<void> {
  const config = embeddedConfig(join(work, 'neo4j-c'));
  const c = await openDatabase(config, silentLogger);
  opened.push(c);
  const files = await writeSyntheticUpdates(join(work, 'ingest'), options.ingest);
  const app = createApp({ config, db: c.db, resolver, log: silentLogger });
  // As `serve` does before it takes requests: the seeds loaded (the examples ask about what they name; on an
  // empty graph the answer is a NOT_FOUND error, not a fault of the ingest), then the query plans warmed.
  await ingestFiles(c.db, resolver, seeds);
  await warmQueryPlans(app, silentLogger);
  let reading = true;
  const latencies: number[] = [];
  const errors: string[] = [];
  const errorKinds = new Tally();
  const reader = async (offset: number) => {
    for (let i = offset; reading; i += 1) {
      const example = EXAMPLES[i % EXAMPLES.length]!;
      const sent = performance.now();
      try {
        const response = await app.fetch('http://soak/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: example.query }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: unknown } }[] };
        if (body.errors !== undefined) {
          errors.push(`${example.title}: ${JSON.stringify(body.errors).slice(0, 300)}`);
          errorKinds.add(`${example.title}: ${String(body.errors[0]?.extensions?.code)}`);
        }
      } catch (error) {
        errors.push(`${example.title}: ${(error as Error).message}`);
        errorKinds.add(`${example.title}: thrown`);
      }
      latencies.push(performance.now() - sent);
    }
  };
  const readers = Array.from({ length: options.readers }, (_, i) => reader(i));
  const stopAt = Date.now() + options.seconds * 1000;
  const started = performance.now();
  const first = await ingestFiles(c.db, resolver, files);
  const firstSeconds = (performance.now() - started) / 1000;
  const forced = await ingestFiles(c.db, resolver, files, { force: true });
  const allSeconds = (performance.now() - started) / 1000;
  while (Date.now() < stopAt) await sleep(200);
  reading = false;
  await Promise.all(readers);
  const failed = [first, forced].flatMap((summary) =>
    summary.files.filter((f) => f.status === 'failed').map((f) => f.error ?? f.file),
  );
  row(
    `ingest of ${options.ingest} Updates under readers, then forced re-ingest`,
    `${first.counts.loaded} loaded in ${firstSeconds.toFixed(0)} s (${(first.counts.loaded / firstSeconds).toFixed(1)}/s), ` +
      `${forced.counts.replaced} replaced in ${(allSeconds - firstSeconds).toFixed(0)} s`,
    failed.length === 0 && first.counts.loaded === files.length && forced.counts.replaced === files.length,
  );
  const sorted = [...latencies].sort((a, b) => a - b);
  const p95 = sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
  row(
    `reader requests served (${options.readers} clients, ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    `${latencies.length} (p95 ${p95.toFixed(0)} ms)`,
    latencies.length > 0,
  );
  row('reader responses with errors', errors.length, errors.length === 0);
  for (const error of failed.slice(0, 3)) say(`reader phase, failed write: ${error}`);
  for (const [kind, times] of errorKinds.top(5)) say(`reader phase, errors: ${kind} × ${times}`);
  for (const error of errors.slice(0, 3)) say(`reader phase, error: ${error}`);

  say('clean load of the same files into another Neo4j');
  const d = await openDatabase(embeddedConfig(join(work, 'neo4j-d')), silentLogger);
  opened.push(d);
  await ingestFiles(d.db, resolver, [...seeds, ...files]);
  const difference = firstDifference(await graphSnapshotAt(c.uri), await graphSnapshotAt(d.uri));
  row(
    'graph after the forced re-ingest identical to a clean load',
    difference === null ? 'yes' : `no: ${difference}`,
    difference === null,
  );
}

function fuzzRound(resolver: Resolver): void {
  const kinds = { records: 0, refused: 0, uncaught: 0 };
  const problems: string[] = [];
  for (const bytes of sampleFuzzedUpdates(options.fuzz, options.seed)) {
    const outcome = textToRecords(bytes, 'fuzzed.txt', resolver);
    kinds[outcome.kind] += 1;
    if (outcome.kind === 'uncaught') problems.push(String((outcome.error as Error).stack ?? outcome.error));
    if (outcome.kind === 'records' && outcome.misfits.length > 0) problems.push(outcome.misfits.join('; '));
  }
  row(`fuzz inputs (records / coded refusals)`, `${options.fuzz} (${kinds.records} / ${kinds.refused})`);
  row('fuzz uncaught errors or records off the model', problems.length, problems.length === 0);
  for (const problem of problems.slice(0, 3)) say(`fuzz: ${problem.slice(0, 500)}`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'seslip-kg-soak-'));
  const opened: OpenDatabase[] = [];
  try {
    const resolver = await loadResolver();
    const dir = join(work, 'updates');
    const synthetic = await writeSyntheticUpdates(dir, options.updates);
    const seeds = (await readdir('seed'))
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .map((n) => join('seed', n));
    const files = [...seeds, ...synthetic];

    say(`phase 1: ${files.length} Updates, ${options.kills} kills`);
    const configA = embeddedConfig(join(work, 'neo4j-a'));
    const a = await openDatabase(configA, silentLogger, { supervise: true });
    opened.push(a);
    await killCycles(a, resolver, files);
    const broken = await halfLoaded(a.uri, resolver, files);
    row('half-loaded Updates', broken.length, broken.length === 0);
    for (const line of broken.slice(0, 3)) say(line);

    say('clean load into a second Neo4j');
    const b = await openDatabase(embeddedConfig(join(work, 'neo4j-b')), silentLogger);
    opened.push(b);
    const clean = await ingestFiles(b.db, resolver, files);
    const difference = firstDifference(await graphSnapshotAt(a.uri), await graphSnapshotAt(b.uri));
    row(
      'clean load',
      `${clean.counts.loaded} loaded, ${clean.counts.failed} failed`,
      clean.counts.failed === 0,
    );
    row(
      'graph identical to a clean load',
      difference === null ? 'yes' : `no: ${difference}`,
      difference === null,
    );
    await b.close();
    opened.pop();

    await a.close();
    opened.splice(opened.indexOf(a), 1);
    say(
      `phase 2: ${options.readers} readers during an ingest of ${options.ingest} Updates and a forced re-ingest`,
    );
    await readersDuringIngest(work, resolver, seeds, opened);

    say(`phase 3: ${options.fuzz} fuzzed inputs`);
    fuzzRound(resolver);
  } catch (error) {
    row('soak ran to the end', `no: ${(error as Error).stack ?? String(error)}`, false);
  } finally {
    for (const db of opened.reverse()) await db.close().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
  row('minutes', ((Date.now() - started) / 60_000).toFixed(1));
  const failed = rows.filter((r) => !r.ok).length;
  process.stdout.write(
    [
      '| check | value | ok |',
      '| --- | --- | --- |',
      ...rows.map((r) => `| ${r.check} | ${r.value} | ${r.ok ? 'yes' : '**NO**'} |`),
    ].join('\n') + `\n\n${failed === 0 ? 'soak passed' : `soak FAILED: ${failed} check(s)`}\n`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
