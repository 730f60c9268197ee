/**
 * The write side of `npm run bench`, per graph size:
 *   - replacing one Update on the built graph (a forced, changed version of an Update in the middle and of the
 *     newest): the load's p50/p95 (one transaction), and the whole `ingest` of one file, derive included;
 *   - readers during an ingest: READERS clients send the example queries through the app while new Updates and
 *     forced changed versions are ingested into a copy of the graph; their errors and p50/p95;
 *   - the raw UNWIND baseline: the same records (seeds + synthetic, extracted beforehand) loaded into an empty
 *     Neo4j by plain UNWIND … MERGE batches (no versions, no evidence order, no replacement policy), against the
 *     loader's own batches of the same records into another empty Neo4j.
 * Each runs on its own Neo4j in a temp folder (a copy of the cached graph where it writes), removed afterwards.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import { EXAMPLES } from '../src/api/examples.js';
import type { Config } from '../src/config.js';
import { Database } from '../src/db/database.js';
import type { GraphRecords } from '../src/extract/records.js';
import type { Resolver } from '../src/extract/resolve.js';
import { integerEdgePropertiesOf, integerPropertiesOf, uidOf } from '../src/graph/index.js';
import { BATCH_UPDATES, extractRecords, ingestFiles, recordsHash } from '../src/load/ingest.js';
import { loadUpdate, loadUpdates } from '../src/load/loader.js';
import { silentLogger } from '../src/log.js';
import { loadParseOptions } from '../src/load/reference.js';
import { parseUpdate } from '../src/parse/index.js';
import { createApp } from '../src/server/app.js';
import { warmQueryPlans } from '../src/server/warm-up.js';
import { syntheticUpdate, writeSyntheticUpdates } from '../test/support/synthetic-updates.js';
import { startBenchNeo4j } from './graphs.js';
import { percentile } from './stats.js';
import { post } from './systems.js';

const READERS = 8;

export interface ReplaceFigures {
  /** loadUpdate of a forced changed version: ms per run. */
  middle: number[];
  newest: number[];
  /** One `ingest --force` of one changed file, derive included (ms). */
  ingestMs: number;
}

export interface ReadersFigures {
  updates: number;
  seconds: number;
  requests: number;
  errors: number;
  firstErrors: string[];
  p50: number;
  p95: number;
}

export interface RawFigures {
  updates: number;
  /** The loader's batches of the records into an empty Neo4j. */
  oursPerSecond: number;
  /** Plain UNWIND batches of the same records into another empty Neo4j. */
  rawPerSecond: number;
}

const seedDir = new URL('../seed/', import.meta.url);
const seedNames = ['update-330-2018-11-30.txt', 'update-412-2020-07-17.txt', 'update-451-2021-04-30.txt'];

/** A changed version of synthetic Update `index` (one wording changed, so the records differ). */
function changedText(index: number, round: number): string {
  return syntheticUpdate(index).replace(/nominates \w+ reviewers/g, `nominates ${round + 2} reviewers`);
}

/**
 * The records of the seeds and synthetic Updates 0 … count-1, extracted once, as ingest extracts them (the
 * name reader's proposals, then the rules).
 */
export async function recordsOf(count: number, resolver: Resolver): Promise<GraphRecords[]> {
  const records: GraphRecords[] = [];
  const options = await loadParseOptions();
  for (const name of seedNames)
    records.push(
      await extractRecords(
        parseUpdate(readFileSync(new URL(name, seedDir), 'utf8'), name, options),
        resolver,
      ),
    );
  for (let index = 0; records.length < count; index += 1)
    records.push(
      await extractRecords(parseUpdate(syntheticUpdate(index), `synthetic-${index}.txt`, options), resolver),
    );
  return records;
}

/** Replacing one Update, and readers during an ingest, on a copy of the built graph of `size` Updates. */
export async function measureWrites(
  graphDir: string,
  size: number,
  synthetic: number,
  config: Config,
  resolver: Resolver,
  progress: (message: string) => void,
): Promise<{ replace: ReplaceFigures; readers: ReadersFigures }> {
  const work = mkdtempSync(join(tmpdir(), 'seslip-kg-bench-writes-'));
  cpSync(graphDir, join(work, 'neo4j'), { recursive: true });
  const server = await startBenchNeo4j(join(work, 'neo4j'));
  const db = Database.connect({ uri: server.uri, user: 'neo4j', password: undefined, database: 'neo4j' });
  try {
    const parseOptions = await loadParseOptions();
    progress(`${size}: replacing one Update`);
    const replace: ReplaceFigures = { middle: [], newest: [], ingestMs: 0 };
    for (const [which, index] of [
      ['middle', Math.floor(synthetic / 2)],
      ['newest', synthetic - 1],
    ] as const) {
      for (let round = 0; round < 6; round += 1) {
        const records = await extractRecords(
          parseUpdate(changedText(index, round), `changed-${index}.txt`, parseOptions),
          resolver,
        );
        const started = performance.now();
        const outcome = await loadUpdate(db, records, { contentHash: recordsHash(records), force: true });
        if (outcome.status !== 'replaced')
          throw new Error(`bench: replacing ${index} gave ${outcome.status}`);
        // The first run plans the queries: left out.
        if (round > 0) replace[which].push(performance.now() - started);
      }
    }
    const file = join(work, 'changed.txt');
    writeFileSync(file, changedText(Math.floor(synthetic / 3), 0));
    const started = performance.now();
    await ingestFiles(db, resolver, [file], { force: true });
    replace.ingestMs = performance.now() - started;

    progress(`${size}: ${READERS} readers during an ingest`);
    const app = createApp({ config: { ...config, NEO4J_URI: server.uri }, db, resolver, log: silentLogger });
    // As `serve` does before it takes requests.
    await warmQueryPlans(app, silentLogger);
    const latencies: number[] = [];
    const errors: string[] = [];
    let writing = true;
    const reader = async (offset: number) => {
      for (let i = offset; writing; i += 1) {
        const example = EXAMPLES[i % EXAMPLES.length]!;
        const sent = performance.now();
        try {
          const { body } = await post((request) => app.fetch(request), example.query);
          if (body.errors !== undefined)
            errors.push(`${example.title}: ${JSON.stringify(body.errors).slice(0, 200)}`);
        } catch (error) {
          errors.push(`${example.title}: ${(error as Error).message}`);
        }
        latencies.push(performance.now() - sent);
      }
    };
    const readers = Array.from({ length: READERS }, (_, i) => reader(i));
    const added = await writeSyntheticUpdates(join(work, 'new'), synthetic + 100, 1000, synthetic);
    const changed = Array.from({ length: 50 }, (_, i) => {
      const path = join(work, 'changed', `changed-${i}.txt`);
      return { path, text: changedText(Math.floor((i * synthetic) / 50), 1) };
    });
    mkdirSync(join(work, 'changed'), { recursive: true });
    for (const { path, text } of changed) writeFileSync(path, text);
    const ingestStarted = performance.now();
    const summaries = [
      await ingestFiles(db, resolver, added),
      await ingestFiles(
        db,
        resolver,
        changed.map((c) => c.path),
        { force: true },
      ),
    ];
    const seconds = (performance.now() - ingestStarted) / 1000;
    writing = false;
    await Promise.all(readers);
    const failed = summaries.reduce((sum, s) => sum + s.counts.failed, 0);
    if (failed > 0) errors.push(`${failed} Updates failed to load`);
    return {
      replace,
      readers: {
        updates: summaries.reduce((sum, s) => sum + s.counts.loaded + s.counts.replaced, 0),
        seconds,
        requests: latencies.length,
        errors: errors.length,
        firstErrors: errors.slice(0, 3),
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
      },
    };
  } finally {
    await db.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The loader's batches against plain UNWIND batches of the same records, each into an empty Neo4j. */
export async function measureRaw(
  records: GraphRecords[],
  progress: (message: string) => void,
): Promise<RawFigures> {
  const batches: GraphRecords[][] = [];
  for (let i = 0; i < records.length; i += BATCH_UPDATES) batches.push(records.slice(i, i + BATCH_UPDATES));
  const oursPerSecond = await onFreshNeo4j(async (uri) => {
    progress(`raw baseline: the loader's batches of ${records.length} Updates`);
    const db = Database.connect({ uri, user: 'neo4j', password: undefined, database: 'neo4j' });
    try {
      await db.applySchema();
      const started = performance.now();
      for (const batch of batches) {
        await loadUpdates(
          db,
          batch.map((r) => ({ records: r, options: { contentHash: recordsHash(r) } })),
        );
      }
      return records.length / ((performance.now() - started) / 1000);
    } finally {
      await db.close();
    }
  });
  const rawPerSecond = await onFreshNeo4j(async (uri) => {
    progress(`raw baseline: plain UNWIND batches of ${records.length} Updates`);
    const db = Database.connect({ uri, user: 'neo4j', password: undefined, database: 'neo4j' });
    await db.applySchema();
    await db.close();
    const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
    try {
      const started = performance.now();
      for (const batch of batches) {
        const session = driver.session({ database: 'neo4j', defaultAccessMode: 'WRITE' });
        try {
          await session.executeWrite(async (tx) => {
            await tx.run(RAW_NODES, { rows: rawNodes(batch) });
            for (const [type, rows] of rawEdges(batch))
              await tx.run(RAW_EDGES.replaceAll('{{type}}', type), { rows });
          });
        } finally {
          await session.close();
        }
      }
      return records.length / ((performance.now() - started) / 1000);
    } finally {
      await driver.close();
    }
  });
  return { updates: records.length, oursPerSecond, rawPerSecond };
}

async function onFreshNeo4j<T>(work: (uri: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'seslip-kg-bench-raw-'));
  const server = await startBenchNeo4j(join(dir, 'neo4j'));
  try {
    return await work(server.uri);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The raw baseline: nodes MERGEd on uid with their properties, the last write winning. */
const RAW_NODES = `UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
  ON CREATE SET n:$(row.label)
SET n += row.props, n.key = row.key
WITH n, row
CALL (n, row) { UNWIND row.ints AS name SET n[name] = toInteger(row.props[name]) }`;

/** …and edges MERGEd on their ends, type and key, their evidence appended as it comes. */
const RAW_EDGES = `UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
MERGE (a)-[r:{{type}} {key: row.key}]->(b)
SET r += row.props,
    r.sources = coalesce(r.sources, []) + row.source,
    r.quotes = coalesce(r.quotes, []) + row.quote,
    r.seenOn = coalesce(r.seenOn, []) + row.date
WITH r, row
CALL (r, row) { UNWIND row.ints AS name SET r[name] = toInteger(row.props[name]) }`;

function rawNodes(batch: GraphRecords[]) {
  return batch.flatMap((records) =>
    records.nodes.map((node) => ({
      uid: uidOf(node.label, node.key),
      label: node.label,
      key: node.key,
      props: node.props,
      ints: integerPropertiesOf(node.label).filter((name) => typeof node.props[name] === 'number'),
    })),
  );
}

function rawEdges(batch: GraphRecords[]): Map<string, Record<string, unknown>[]> {
  const byType = new Map<string, Record<string, unknown>[]>();
  for (const records of batch) {
    for (const edge of records.edges) {
      const rows = byType.get(edge.type) ?? [];
      rows.push({
        from: uidOf(edge.from.label, edge.from.key),
        to: uidOf(edge.to.label, edge.to.key),
        key: edge.key,
        props: edge.props,
        ints: integerEdgePropertiesOf(edge.type).filter((name) => typeof edge.props[name] === 'number'),
        ...edge.evidence,
      });
      byType.set(edge.type, rows);
    }
  }
  return byType;
}
