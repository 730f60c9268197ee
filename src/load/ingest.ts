import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DatabaseError, type Database } from '../db/database.js';
import { extractGraph } from '../extract/extract.js';
import { proposeNames, type NameProposals } from '../extract/name-reader.js';
import type { GraphRecords } from '../extract/records.js';
import type { Resolver } from '../extract/resolve.js';
import { parseUpdateFile, UpdateParseError, type UpdateDocument } from '../parse/index.js';
import { replayDecisions, revertDecisions } from '../storage/decisions.js';
import { addScope, deriveEdges, emptyScope, type DeriveScope, type DeriveSummary } from './derive.js';
import { loadParseOptions } from './reference.js';
import {
  loadUpdate,
  loadUpdates,
  planLoad,
  type ChangeCounts,
  type LoadDecision,
  type LoadOutcome,
  type LoadStatus,
  type UpdateToLoad,
} from './loader.js';

/**
 * Files (or crawled pages: ingestSources) → parse → extract → load → derive. Updates are loaded in batches,
 * several to a write transaction (at most BATCH_UPDATES Updates and BATCH_RECORDS nodes and edges, so a
 * transaction stays small whatever the ingest's size); a batch commits whole, so each Update loads completely
 * or not at all. When a batch fails, its Updates are loaded one by one, so that one bad Update fails alone. A
 * file that fails is reported and skipped (a page that is no Update is refused); the others still load, unless
 * Neo4j itself is gone: then ingest stops at once. Curators' decisions come off before the first Update is read
 * and go back on after derive. Used by `seslip-kg ingest` (files and URLs), by `serve` for seed/, and by the tests.
 */

/** At most this many Updates in one write transaction… */
export const BATCH_UPDATES = 50;
/** …and at most about this many nodes and edges (records), so a transaction's memory stays bounded. */
export const BATCH_RECORDS = 10_000;

/** How many Updates are read and proposed to the name reader ahead of the one being extracted. */
const READ_AHEAD = 2;

/** `new` is a dry run's "would be loaded"; a dry run's other statuses say what a real run would do. */
export type FileStatus = LoadStatus | 'new' | 'failed' | 'skipped';

export interface FileOutcome {
  file: string;
  status: FileStatus;
  issueNumber: number | null;
  /** For a failure: the error naming the file (and line). */
  error: string | null;
  /** Why a file was skipped or refused, or what a forced replacement overrode. */
  note: string | null;
  nodes: number;
  edges: number;
  warnings: { line: number; message: string }[];
}

export interface IngestSummary {
  dryRun: boolean;
  files: FileOutcome[];
  counts: Record<FileStatus, number>;
  nodes: ChangeCounts;
  edges: ChangeCounts;
  derived: DeriveSummary | null;
  /** Set when Neo4j became unreachable or refused the credentials: the files after it were not tried. */
  stopped: { reason: string; code: 'UNAVAILABLE' | 'AUTH' } | null;
  seconds: number;
  updatesPerSecond: number;
}

export interface IngestOptions {
  /** Decide against what is loaded, but write nothing. */
  dryRun?: boolean;
  /** Replace what the replacement policy refuses, and reload unchanged Updates. */
  force?: boolean;
  onFile?: (outcome: FileOutcome, done: number, total: number) => void;
  /** Updates per write transaction (default BATCH_UPDATES; 1 loads each alone). */
  batchSize?: number;
  /** Called after each write transaction with the Updates it held and how long it took (ms). */
  onBatch?: (updates: number, ms: number) => void;
}

/** What an ingest found under the paths it was given, before reading any file. */
export interface Inputs {
  files: string[];
  skipped: { file: string; reason: string }[];
  missing: string[];
}

/** Why a file that cannot be an Update is left out, by what an analyst most often has instead. */
const otherFormats: [RegExp, string][] = [
  [/^\.pdf$/i, 'PDF: save the page as text (.txt) and ingest that'],
  [/^\.(docx?|odt|rtf)$/i, 'word-processor document: save it as plain text (.txt) and ingest that'],
  [
    /^\.(mhtml?|msg)$/i,
    'web archive or Outlook message: save it as a web page (.html) or e-mail (.eml) and ingest that',
  ],
];

/** What a folder is searched for: plain text, web pages and e-mails (the parser tells them apart by content). */
const READ_IN_FOLDERS = /^\.(txt|html?|eml)$/i;

function specialFileKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Why `file` is not read, or null to read it. Only regular files are read (a FIFO would block the read
 * forever). In a folder only `.txt`, `.html`, `.htm` and `.eml` files count; a file named on the command line
 * is tried whatever its name, unless it is a PDF or document that cannot be an Update's text.
 */
function skipReason(file: string, info: Stats, inFolder: boolean): string | null {
  if (!info.isFile()) return `${specialFileKind(info)}: only regular files are read`;
  if (READ_IN_FOLDERS.test(extname(file))) return null;
  const known = otherFormats.find(([pattern]) => pattern.test(extname(file)));
  if (known !== undefined) return known[1];
  return inFolder ? 'not a .txt, .html, .htm or .eml file' : null;
}

/** Walks the paths: folders recursively (sorted, so the order is the same everywhere), symlinks followed. */
export async function expandInputs(paths: string[]): Promise<Inputs> {
  const inputs: Inputs = { files: [], skipped: [], missing: [] };
  const visit = async (path: string, inFolder: boolean): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) {
      if (inFolder) inputs.skipped.push({ file: path, reason: 'a broken link' });
      else inputs.missing.push(path);
      return;
    }
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) await visit(join(path, name), true);
      return;
    }
    const reason = skipReason(path, info, inFolder);
    if (reason === null) inputs.files.push(path);
    else inputs.skipped.push({ file: path, reason });
  };
  for (const path of paths) await visit(path, false);
  return inputs;
}

/** One Update to read: its name (file or URL) and how to parse it. */
export interface UpdateSource {
  name: string;
  read: () => Promise<UpdateDocument>;
}

export async function ingestFiles(
  db: Database,
  resolver: Resolver,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const [{ files, skipped, missing }, parseOptions] = await Promise.all([
    expandInputs(paths),
    loadParseOptions(),
  ]);
  const sources = files.map((file) => ({ name: file, read: () => parseUpdateFile(file, parseOptions) }));
  return ingestSources(db, resolver, sources, options, { skipped, missing });
}

/**
 * Updates from any source (files, crawled pages) → loaded in batches (see above), then derived edges. A source
 * that fails is reported and skipped; the others still load, unless Neo4j itself is gone.
 */
export async function ingestSources(
  db: Database,
  resolver: Resolver,
  sources: UpdateSource[],
  options: IngestOptions = {},
  left: {
    skipped?: Inputs['skipped'];
    missing?: string[];
    /** Sources that could not be had at all (a page the site did not serve), with the error naming them. */
    unavailable?: { file: string; error: string }[];
  } = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const { skipped = [], missing = [], unavailable = [] } = left;
  const outcomes: FileOutcome[] = [];
  const total = sources.length + skipped.length + missing.length + unavailable.length;
  const report = (outcome: FileOutcome) => {
    outcomes.push(outcome);
    options.onFile?.(outcome, outcomes.length, total);
  };
  for (const file of missing) report(failed(file, `${file}: no such file or folder`));
  for (const { file, error } of unavailable) report(failed(file, error));
  for (const { file, reason } of skipped) report({ ...failed(file, null), status: 'skipped', note: reason });
  const nodes: ChangeCounts = {};
  const edges: ChangeCounts = {};
  const scope = emptyScope();
  let stopped: IngestSummary['stopped'] = null;
  // Curators' decisions come off while Updates load (just before the first file, so that a failure there is that
  // file's, like any other), and go on again, in order, at the end (src/storage/decisions.ts).
  let reverted = options.dryRun === true;

  const batchSize = Math.max(1, options.batchSize ?? BATCH_UPDATES);
  let pending: Pending[] = [];
  // One batch is written while the next is read and extracted (the JVM and Node each keep a core busy); the
  // next write starts only when the previous one has settled, so batches commit in order.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = pending;
    pending = [];
    await inFlight;
    if (batch.length === 0) return;
    if (stopped !== null) {
      for (const { outcome } of batch)
        report(failed(outcome.file, `${outcome.file}: not tried (ingest stopped)`));
      return;
    }
    inFlight = loadBatch(db, batch, options).then((settled) => {
      stopped = settled.stopped;
      addCounts(nodes, settled.nodes);
      addCounts(edges, settled.edges);
      addScope(scope, settled.scope);
      for (const outcome of settled.outcomes) report(outcome);
    });
  };

  // The name reader (its own process) reads the next Updates while the rules extract this one.
  const reads = new Map<number, Promise<ReadUpdate>>();
  const readAhead = (index: number) => {
    const source = sources[index];
    if (source === undefined || reads.has(index)) return;
    const read = readUpdate(source.read);
    read.catch(() => undefined); // awaited (and reported) in its turn
    reads.set(index, read);
  };
  for (const [index, { name: file }] of sources.entries()) {
    for (let ahead = index; ahead <= index + READ_AHEAD; ahead += 1) readAhead(ahead);
    const read = reads.get(index)!;
    reads.delete(index);
    if (stopped !== null) {
      await flush();
      report(failed(file, `${file}: not tried (ingest stopped)`));
      continue;
    }
    try {
      if (!reverted) {
        await revertDecisions(db);
        reverted = true;
      }
      const prepared = await prepareFile(db, resolver, file, read, options);
      if (prepared.kind === 'done') {
        report(prepared.outcome);
        continue;
      }
      const number = prepared.pending.update.records.issueNumber;
      const records = (p: Pending) => p.update.records.nodes.length + p.update.records.edges.length;
      if (
        pending.some((p) => p.update.records.issueNumber === number) ||
        pending.reduce((sum, p) => sum + records(p), 0) + records(prepared.pending) > BATCH_RECORDS
      )
        await flush();
      pending.push(prepared.pending);
      if (pending.length >= batchSize) await flush();
    } catch (error) {
      if (error instanceof UpdateParseError && error.code === 'NOT_AN_UPDATE') {
        // A page that is no Update (a blog post, an index): refused, saying why, like a version that is not loaded.
        report({ ...failed(file, null), status: 'refused', note: `${error.message} [${error.code}]` });
        continue;
      }
      if (error instanceof DatabaseError && (error.code === 'UNAVAILABLE' || error.code === 'AUTH')) {
        stopped = { reason: error.message, code: error.code };
      }
      report(failed(file, failureMessage(file, error)));
    }
  }
  await flush();
  await inFlight;

  const changed = outcomes.some((o) => o.status === 'loaded' || o.status === 'replaced');
  const derived =
    changed && stopped === null && options.dryRun !== true ? await deriveEdges(db, resolver, scope) : null;
  if (reverted && options.dryRun !== true && stopped === null) await replayDecisions(db);
  const seconds = (performance.now() - started) / 1000;
  const counts: Record<FileStatus, number> = {
    loaded: 0,
    new: 0,
    replaced: 0,
    unchanged: 0,
    refused: 0,
    failed: 0,
    skipped: 0,
  };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return {
    dryRun: options.dryRun === true,
    files: outcomes,
    counts,
    nodes,
    edges,
    derived,
    stopped,
    seconds,
    updatesPerSecond: seconds > 0 ? (counts.loaded + counts.replaced) / seconds : 0,
  };
}

/**
 * An internal check of extract failed on this Update (it is a bug there, or a layout it does not know). The
 * message names the file and the parser's warnings, whose lines are where the text departs from the layout.
 */
export class ExtractError extends Error {
  override name = 'ExtractError';
  readonly code = 'EXTRACT_FAILED';
  constructor(
    readonly file: string,
    detail: string,
    warnings: { line: number; message: string }[],
  ) {
    const near = warnings.slice(0, 3).map((w) => `${file}:${w.line}: ${w.message}`);
    super(`${file}: cannot be extracted: ${detail}${near.length > 0 ? `; look at ${near.join('; ')}` : ''}`);
  }
}

/**
 * The statistical reader's proposals, then extractGraph, at the load boundary: whatever the rules throw
 * becomes an ExtractError naming file and lines (a reader that cannot run is a set-up problem, not the file's).
 */
export async function extractRecords(document: UpdateDocument, resolver: Resolver): Promise<GraphRecords> {
  return extractRead({ document, names: await proposeNames(document) }, resolver);
}

/** An Update parsed, with what the statistical reader proposed in it: all extract needs besides data/. */
interface ReadUpdate {
  document: UpdateDocument;
  names: NameProposals;
}

const readUpdate = async (read: () => Promise<UpdateDocument>): Promise<ReadUpdate> => {
  const document = await read();
  return { document, names: await proposeNames(document) };
};

function extractRead({ document, names }: ReadUpdate, resolver: Resolver): GraphRecords {
  try {
    return extractGraph(document, resolver, names);
  } catch (error) {
    throw new ExtractError(document.issue.sourceFile, (error as Error).message, document.warnings);
  }
}

const dryRunStatus: Record<LoadDecision['action'], FileStatus> = {
  load: 'new',
  replace: 'replaced',
  unchanged: 'unchanged',
  refuse: 'refused',
};

/** An Update read and extracted, waiting for its batch. */
interface Pending {
  outcome: FileOutcome;
  update: UpdateToLoad;
}

/** Reads and extracts a file: a dry run's outcome at once, else the Update to load. */
async function prepareFile(
  db: Database,
  resolver: Resolver,
  file: string,
  read: Promise<ReadUpdate>,
  options: IngestOptions,
): Promise<{ kind: 'done'; outcome: FileOutcome } | { kind: 'pending'; pending: Pending }> {
  const records = extractRead(await read, resolver);
  const loadOptions = { contentHash: recordsHash(records), force: options.force };
  const outcome: FileOutcome = {
    file,
    status: 'new',
    issueNumber: records.issueNumber,
    error: null,
    note: null,
    nodes: records.nodes.length,
    edges: records.edges.length,
    warnings: records.warnings,
  };
  if (options.dryRun === true) {
    const decision = await planLoad(db, records, loadOptions);
    return {
      kind: 'done',
      outcome: { ...outcome, status: dryRunStatus[decision.action], note: decision.note },
    };
  }
  return { kind: 'pending', pending: { outcome, update: { records, options: loadOptions } } };
}

interface Settled {
  outcomes: FileOutcome[];
  nodes: ChangeCounts;
  edges: ChangeCounts;
  scope: DeriveScope;
  stopped: IngestSummary['stopped'];
}

const isStop = (error: unknown): error is DatabaseError & { code: 'UNAVAILABLE' | 'AUTH' } =>
  error instanceof DatabaseError && (error.code === 'UNAVAILABLE' || error.code === 'AUTH');

/**
 * Loads one batch in one transaction; the Updates it defers (replacements) each alone after it. When the
 * batch fails for another reason than Neo4j going away, its Updates are loaded one by one.
 */
async function loadBatch(db: Database, batch: Pending[], options: IngestOptions): Promise<Settled> {
  const settled: Settled = { outcomes: [], nodes: {}, edges: {}, scope: emptyScope(), stopped: null };
  const done = (pending: Pending, loaded: LoadOutcome) =>
    settled.outcomes.push({ ...pending.outcome, status: loaded.status, note: loaded.note });
  const fail = (pending: Pending, error: unknown) => {
    if (isStop(error)) settled.stopped ??= { reason: error.message, code: error.code };
    settled.outcomes.push(failed(pending.outcome.file, failureMessage(pending.outcome.file, error)));
  };
  const single = async (pending: Pending) => {
    if (settled.stopped !== null) {
      settled.outcomes.push(
        failed(pending.outcome.file, `${pending.outcome.file}: not tried (ingest stopped)`),
      );
      return;
    }
    try {
      const started = performance.now();
      const loaded = await loadUpdate(db, pending.update.records, pending.update.options);
      options.onBatch?.(1, performance.now() - started);
      addCounts(settled.nodes, loaded.nodes);
      addCounts(settled.edges, loaded.edges);
      addScope(settled.scope, loaded.scope);
      done(pending, loaded);
    } catch (error) {
      fail(pending, error);
    }
  };
  if (batch.length === 1) {
    await single(batch[0]!);
    return settled;
  }
  try {
    const started = performance.now();
    const result = await loadUpdates(
      db,
      batch.map((pending) => pending.update),
    );
    options.onBatch?.(batch.length - result.deferred.length, performance.now() - started);
    addCounts(settled.nodes, result.nodes);
    addCounts(settled.edges, result.edges);
    addScope(settled.scope, result.scope);
    const byNumber = new Map(result.outcomes.map((loaded) => [loaded.issueNumber, loaded]));
    for (const pending of batch) {
      const loaded = byNumber.get(pending.update.records.issueNumber);
      if (loaded !== undefined) done(pending, loaded);
    }
    for (const update of result.deferred) await single(batch.find((pending) => pending.update === update)!);
  } catch (error) {
    if (isStop(error)) {
      // The first Update met the database; the others were not tried.
      fail(batch[0]!, error);
      for (const pending of batch.slice(1))
        settled.outcomes.push(
          failed(pending.outcome.file, `${pending.outcome.file}: not tried (ingest stopped)`),
        );
      return settled;
    }
    for (const pending of batch) await single(pending);
  }
  return settled;
}

/**
 * Identifies what an Update contributes: a changed text, parser, extractor or reference data all change it;
 * the file's name and folder do not (the same Update saved elsewhere is the same Update).
 */
export function recordsHash(records: GraphRecords): string {
  const nodes = records.nodes.map((node) =>
    node.label === 'Issue' ? { ...node, props: { ...node.props, sourceFile: null } } : node,
  );
  return createHash('sha256')
    .update(JSON.stringify({ ...records, nodes }))
    .digest('hex');
}

/** Parse and extract errors name file and line already; anything else is prefixed with the file. */
function failureMessage(file: string, error: unknown): string {
  if (error instanceof UpdateParseError || error instanceof ExtractError)
    return `${error.message} [${error.code}]`;
  const code = error instanceof DatabaseError ? `DATABASE_${error.code}` : 'LOAD_FAILED';
  return `${file}: ${(error as Error).message} [${code}]`;
}

function failed(file: string, error: string | null): FileOutcome {
  return {
    file,
    status: 'failed',
    issueNumber: null,
    error,
    note: null,
    nodes: 0,
    edges: 0,
    warnings: [],
  };
}

function addCounts(total: ChangeCounts, more: ChangeCounts): void {
  for (const [name, { created, updated }] of Object.entries(more)) {
    const sum = total[name] ?? { created: 0, updated: 0 };
    total[name] = { created: sum.created + created, updated: sum.updated + updated };
  }
}
