/**
 * `npm run eval [-- --details] [--json] [--no-feeds] [--rules-only]`: precision and recall of extraction on
 * hand-labelled Updates, per set and per era (docs/evaluation.md): our own writing (test/fixtures/eval/,
 * each `update-N-….txt` beside its `update-N-….labels.json`) and real pages (labels in
 * test/fixtures/real/, texts in the git-ignored .real-pages/ or REAL_PAGES_DIR; the set is skipped
 * quietly without them). Labels were written by reading the text, not from extractor output. Asserts
 * nothing and is never part of `npm test`.
 *
 * People, roles, organisations, authorities, reports and publishers are scored per Update on what
 * `extractGraph` yields with the statistical reader's proposals (--rules-only: without them). FEEDS is
 * derived over the whole graph, so the own-writing Updates are ingested into a throwaway embedded Neo4j
 * and its FEEDS edges are scored against the union of the labelled pairs. --details lists every miss
 * (false negative) and every wrong fact (false positive); --no-feeds skips the Neo4j step.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { Database } from '../src/db/database.js';
import { startEmbeddedNeo4j } from '../src/db/embedded.js';
import { extractGraph } from '../src/extract/extract.js';
import { nameReader, proposeNames } from '../src/extract/name-reader.js';
import type { UpdateDocument } from '../src/parse/document.js';
import { normaliseName } from '../src/text/names.js';
import type { GraphRecords, NodeRecord } from '../src/extract/records.js';
import { type Resolver } from '../src/extract/resolve.js';
import { loadParseOptions, loadResolver } from '../src/load/reference.js';
import { ingestFiles } from '../src/load/ingest.js';
import { silentLogger } from '../src/log.js';
import { parseUpdateFile } from '../src/parse/index.js';
import { table } from '../bench/stats.js';

const EVAL_DIR = 'test/fixtures/eval';
const REAL_LABELS_DIR = 'test/fixtures/real';
const KINDS = ['people', 'roles', 'organisations', 'authorities', 'reports', 'publishers', 'feeds'] as const;
type Kind = (typeof KINDS)[number];

/** A labels file: "Name | role | body" for people, "title | publisher" for reports, "title | network" for FEEDS. */
const labelsFile = z.object({
  url: z.string().url().optional(),
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

interface EvalSet {
  name: string;
  /** Each `update-N-….labels.json`; the text beside it (own writing) or in `texts` (real pages). */
  labels: string;
  texts: string;
  feeds: boolean;
}

const SETS: EvalSet[] = [
  { name: 'own writing', labels: EVAL_DIR, texts: EVAL_DIR, feeds: true },
  // Real pages: labels in the repository, texts never (each labels file names its page's url: see test/fixtures/real/README.md).
  {
    name: 'real pages',
    labels: REAL_LABELS_DIR,
    texts: process.env.REAL_PAGES_DIR ?? '.real-pages',
    feeds: false,
  },
];

/** The layout eras of docs/evaluation.md, by the Update's year. */
const eraOf = (file: string): string => {
  const year = Number(/-(\d{4})-\d{2}-\d{2}\./.exec(file)?.[1]);
  return year <= 2019 ? '2018–2019' : year <= 2022 ? '2020–2022' : '2023–2025';
};

const emptyScores = (): Record<Kind, Score> =>
  Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: [], fn: [] } as Score])) as Record<Kind, Score>;

interface SetResult {
  set: string;
  updates: number;
  eras: Record<string, number>;
  rows: Row[];
  byEra: Record<string, Row[]>;
  scores: Record<Kind, Score>;
}

async function evaluate(
  set: EvalSet,
  resolver: Resolver,
  read: Reader,
  withFeeds: boolean,
): Promise<SetResult | undefined> {
  const labelled = (await readdir(set.labels)).filter((f) => f.endsWith('.labels.json')).sort();
  const files = labelled
    .map((f) => ({
      labels: join(set.labels, f),
      text: join(set.texts, f.replace(/\.labels\.json$/, '.txt')),
    }))
    .filter((f) => existsSync(f.text));
  if (files.length === 0) return undefined;
  const scores = emptyScores();
  const eras = new Map<string, Record<Kind, Score>>();
  const allFeeds = new Set<string>();
  for (const file of files) {
    const labels = labelsFile.parse(JSON.parse(await readFile(file.labels, 'utf8')));
    const expected = expectedFacts(labels, resolver);
    const found = extractedFacts(
      await read(await parseUpdateFile(file.text, await loadParseOptions()), resolver),
    );
    const era = eraOf(file.text);
    const inEra = eras.get(era) ?? emptyScores();
    eras.set(era, inEra);
    const name = basename(file.text);
    for (const kind of KINDS) {
      if (kind === 'feeds') continue;
      score(expected[kind], found[kind], scores[kind], name);
      score(expected[kind], found[kind], inEra[kind], name);
    }
    for (const pair of expected.feeds) allFeeds.add(pair);
  }
  const feeds = withFeeds && set.feeds;
  if (feeds)
    score(
      allFeeds,
      await graphFeeds(
        files.map((f) => f.text),
        resolver,
      ),
      scores.feeds,
      'graph',
    );
  const kinds = KINDS.filter((kind) => feeds || kind !== 'feeds');
  return {
    set: set.name,
    updates: files.length,
    eras: Object.fromEntries(
      [...eras.keys()].sort().map((era) => [era, files.filter((f) => eraOf(f.text) === era).length]),
    ),
    rows: kinds.map((kind) => row(kind, scores[kind])),
    byEra: Object.fromEntries(
      [...eras].sort().map(([era, s]) => [era, kinds.filter((k) => k !== 'feeds').map((k) => row(k, s[k]))]),
    ),
    scores,
  };
}

type Reader = (doc: UpdateDocument, resolver: Resolver) => GraphRecords | Promise<GraphRecords>;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !['--details', '--json', '--no-feeds', '--rules-only'].includes(a));
  if (unknown.length > 0) {
    console.error(
      `usage: npm run eval [-- --details] [--json] [--no-feeds] [--rules-only]   (unknown: ${unknown.join(' ')})`,
    );
    process.exit(2);
  }
  const resolver = await loadResolver();
  const read: Reader = args.includes('--rules-only')
    ? (doc) => extractGraph(doc, resolver)
    : async (doc) => extractGraph(doc, resolver, await proposeNames(doc));
  const results: SetResult[] = [];
  for (const set of SETS) {
    const result = await evaluate(set, resolver, read, !args.includes('--no-feeds'));
    if (result !== undefined) results.push(result);
    else if (!args.includes('--json'))
      console.log(`${set.name}: no texts beside the labels of ${set.labels}; skipped\n`);
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  for (const result of results) {
    const eras = Object.entries(result.eras)
      .map(([era, n]) => `${era}: ${n}`)
      .join(', ');
    console.log(`## ${result.set}: ${result.updates} labelled Updates (${eras})\n`);
    console.log(printed(result.rows));
    for (const [era, rows] of Object.entries(result.byEra)) console.log(`\n${era}\n\n${printed(rows)}`);
    console.log('');
    if (args.includes('--details')) {
      for (const kind of KINDS) {
        for (const fact of result.scores[kind].fn) console.log(`missed ${kind}: ${fact}`);
        for (const fact of result.scores[kind].fp) console.log(`wrong  ${kind}: ${fact}`);
      }
      console.log('');
    }
  }
  await (await nameReader()).close();
}

await main();
