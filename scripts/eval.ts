/**
 * `npm run eval [-- --details] [--json] [--no-feeds] [--nlp]`: precision and recall of extraction on the hand-labelled Updates
 * of test/fixtures/eval/ (each `update-N-….txt` with its `update-N-….labels.json`, written by reading the
 * text, not from extractor output). Asserts nothing and is never part of `npm test`.
 *
 * People, roles, organisations, authorities, reports and publishers are scored per Update on what
 * `extractGraph` yields. FEEDS is derived over the whole graph, so the Updates are ingested into a
 * throwaway embedded Neo4j and its FEEDS edges are scored against the union of the labelled pairs.
 * --details lists every miss (false negative) and every wrong fact (false positive); --no-feeds skips
 * the Neo4j step (and the FEEDS row) for a quick run; --nlp adds the comparison of `compromise` with the
 * hand rules for people and organisations in running text (scripts/eval-nlp.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { Database } from '../src/db/database.js';
import { startEmbeddedNeo4j } from '../src/db/embedded.js';
import { extractGraph } from '../src/extract/extract.js';
import { normaliseName } from '../src/text/names.js';
import type { GraphRecords, NodeRecord } from '../src/extract/records.js';
import { loadResolver, type Resolver } from '../src/extract/resolve.js';
import { ingestFiles } from '../src/load/ingest.js';
import { silentLogger } from '../src/log.js';
import { parseUpdateFile } from '../src/parse/index.js';
import { table } from '../bench/stats.js';
import { nlpCandidates } from './eval-nlp.js';

const EVAL_DIR = 'test/fixtures/eval';
const KINDS = ['people', 'roles', 'organisations', 'authorities', 'reports', 'publishers', 'feeds'] as const;
type Kind = (typeof KINDS)[number];

/** A labels file: "Name | role | body" for people, "title | publisher" for reports, "title | network" for FEEDS. */
const labelsFile = z.object({
  people: z.array(z.string()),
  organisations: z.array(z.string()),
  authorities: z.array(z.string()),
  reports: z.array(z.string()),
  feeds: z.array(z.string()),
});

const fields = (line: string): string[] => line.split('|').map((part) => part.trim());

interface Score {
  tp: number;
  fp: string[];
  fn: string[];
}

function score(expected: Set<string>, found: Set<string>, into: Score, where: string): void {
  for (const fact of found) {
    if (expected.has(fact)) into.tp += 1;
    else into.fp.push(`${where}: ${fact}`);
  }
  for (const fact of expected) if (!found.has(fact)) into.fn.push(`${where}: ${fact}`);
}

/** A body's name as the graph files it: data/'s canonical name when it resolves, else as written. */
const bodyKey = (resolver: Resolver, name: string): string =>
  name === '' ? '' : normaliseName(resolver.resolveEntity(name)?.entry.name ?? name);
const personKey = (resolver: Resolver, name: string): string =>
  normaliseName(resolver.resolvePerson(name).name);

function expectedFacts(labels: z.infer<typeof labelsFile>, resolver: Resolver): Record<Kind, Set<string>> {
  const people = labels.people.map(fields);
  const reports = labels.reports.map(fields);
  return {
    people: new Set(people.map(([name]) => personKey(resolver, name!))),
    roles: new Set(
      people.map(
        ([name, role, body]) =>
          `${personKey(resolver, name!)} | ${normaliseName(role!)} | ${bodyKey(resolver, body!)}`,
      ),
    ),
    organisations: new Set(labels.organisations.map((name) => bodyKey(resolver, name))),
    authorities: new Set(labels.authorities.map((name) => bodyKey(resolver, name))),
    reports: new Set(reports.map(([title]) => normaliseName(title!))),
    publishers: new Set(
      reports
        .filter(([, by]) => by !== '')
        .map(([t, by]) => `${normaliseName(t!)} | ${bodyKey(resolver, by!)}`),
    ),
    feeds: new Set(
      labels.feeds.map(fields).map(([t, network]) => `${normaliseName(t!)} | ${bodyKey(resolver, network!)}`),
    ),
  };
}

function extractedFacts(records: GraphRecords): Record<Exclude<Kind, 'feeds'>, Set<string>> {
  const nodes = new Map(records.nodes.map((n) => [`${n.label}:${n.key}`, n]));
  const node = (ref: { label: string; key: string }): NodeRecord => nodes.get(`${ref.label}:${ref.key}`)!;
  const name = (n: NodeRecord): string => normaliseName(String(n.props.name ?? n.props.title));
  const named = (label: string) => new Set(records.nodes.filter((n) => n.label === label).map(name));
  // A contact-list role sits on LISTED_IN; the employer edge read from the same line is its body.
  const listedRole = (person: string, quote: string): string | undefined =>
    records.edges.find((e) => e.type === 'LISTED_IN' && e.from.key === person && e.evidence.quote === quote)
      ?.props.role as string | undefined;
  const roles = records.edges
    .filter((e) => e.type === 'WORKS_FOR' || e.type === 'BASED_AT')
    .map((e) => {
      const role = (e.props.role as string | undefined) ?? listedRole(e.from.key, e.evidence.quote) ?? '';
      return `${name(node(e.from))} | ${normaliseName(role)} | ${name(node(e.to))}`;
    });
  return {
    people: named('Person'),
    roles: new Set(roles),
    organisations: named('Organisation'),
    authorities: named('LocalAuthority'),
    reports: named('Report'),
    publishers: new Set(
      records.edges
        .filter((e) => e.type === 'PUBLISHED_BY')
        .map((e) => `${name(node(e.from))} | ${name(node(e.to))}`),
    ),
  };
}

async function graphFeeds(files: string[], resolver: Resolver): Promise<Set<string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seslip-kg-eval-neo4j-'));
  const started = await startEmbeddedNeo4j({
    dataDir,
    port: 0,
    heapMb: 512,
    pageCacheMb: 64,
    txMemoryMb: 256,
    startTimeoutSeconds: 600,
    log: silentLogger,
  });
  const db = Database.connect({ uri: started.uri, user: 'neo4j', password: undefined, database: 'neo4j' });
  const driver = neo4j.driver(started.uri, undefined, { disableLosslessIntegers: true });
  try {
    await db.applySchema();
    await ingestFiles(db, resolver, files);
    const result = await driver.executeQuery(
      'MATCH (r:Report)-[:FEEDS]->(n:Network) RETURN r.title AS title, n.name AS network',
      {},
      { database: 'neo4j' },
    );
    return new Set(
      result.records.map((r) => `${normaliseName(r.get('title'))} | ${normaliseName(r.get('network'))}`),
    );
  } finally {
    await driver.close();
    await db.close();
    await started.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Row {
  kind: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function row(kind: string, { tp, fp, fn }: Score): Row {
  const precision = tp + fp.length === 0 ? 1 : tp / (tp + fp.length);
  const recall = tp + fn.length === 0 ? 1 : tp / (tp + fn.length);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { kind, tp, fp: fp.length, fn: fn.length, precision, recall, f1 };
}

const printed = (rows: Row[]): string =>
  table([
    ['kind', 'right', 'wrong', 'missed', 'precision', 'recall', 'F1'],
    ...rows.map((r) => [
      r.kind,
      r.tp,
      r.fp,
      r.fn,
      r.precision.toFixed(2),
      r.recall.toFixed(2),
      r.f1.toFixed(2),
    ]),
  ]);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !['--details', '--json', '--no-feeds', '--nlp'].includes(a));
  if (unknown.length > 0) {
    console.error(
      `usage: npm run eval [-- --details] [--json] [--no-feeds] [--nlp]   (unknown: ${unknown.join(' ')})`,
    );
    process.exit(2);
  }
  const resolver = await loadResolver();
  const files = (await readdir(EVAL_DIR)).filter((f) => f.endsWith('.txt')).sort();
  const scores = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: [], fn: [] } as Score])) as Record<
    Kind,
    Score
  >;
  const allFeeds = new Set<string>();
  const NLP_KINDS = ['people', 'organisations'] as const;
  const nlpScores: Record<string, Score> = Object.fromEntries(
    NLP_KINDS.flatMap((k) => [`${k} compromise`, `${k} union`]).map((k) => [k, { tp: 0, fp: [], fn: [] }]),
  );
  for (const file of files) {
    const path = join(EVAL_DIR, file);
    const labels = labelsFile.parse(
      JSON.parse(await readFile(path.replace(/\.txt$/, '.labels.json'), 'utf8')),
    );
    const expected = expectedFacts(labels, resolver);
    const doc = await parseUpdateFile(path);
    const found = extractedFacts(extractGraph(doc, resolver));
    const byNlp = nlpCandidates(doc, resolver);
    for (const kind of NLP_KINDS) {
      score(expected[kind], byNlp[kind], nlpScores[`${kind} compromise`]!, file);
      score(expected[kind], new Set([...found[kind], ...byNlp[kind]]), nlpScores[`${kind} union`]!, file);
    }
    for (const kind of KINDS) if (kind !== 'feeds') score(expected[kind], found[kind], scores[kind], file);
    for (const pair of expected.feeds) allFeeds.add(pair);
  }
  const withFeeds = !args.includes('--no-feeds');
  if (withFeeds) {
    const inGraph = await graphFeeds(
      files.map((f) => join(EVAL_DIR, f)),
      resolver,
    );
    score(allFeeds, inGraph, scores.feeds, 'graph');
  }

  const rows = KINDS.filter((kind) => withFeeds || kind !== 'feeds').map((kind) => row(kind, scores[kind]));
  const nlpRows = args.includes('--nlp')
    ? NLP_KINDS.flatMap((kind) => [
        row(`${kind} hand rules`, scores[kind]),
        row(`${kind} compromise`, nlpScores[`${kind} compromise`]!),
        row(`${kind} union`, nlpScores[`${kind} union`]!),
      ])
    : [];
  if (args.includes('--json')) {
    console.log(JSON.stringify({ updates: files.length, rows, nlpRows, scores }, null, 2));
    return;
  }
  console.log(`${files.length} labelled Updates in ${EVAL_DIR}\n`);
  console.log(printed(rows));
  if (nlpRows.length > 0) console.log(`\nrunning text: hand rules against compromise\n\n${printed(nlpRows)}`);
  if (args.includes('--details')) {
    for (const kind of KINDS) {
      for (const fact of scores[kind].fn) console.log(`missed ${kind}: ${fact}`);
      for (const fact of scores[kind].fp) console.log(`wrong  ${kind}: ${fact}`);
    }
  }
}

await main();
