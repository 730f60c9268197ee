import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { extractGraph } from '../extract/extract.js';
import type { GraphRecords } from '../extract/records.js';
import type { Resolver } from '../extract/resolve.js';
import { parseUpdateFile } from '../parse/index.js';
import { deriveEdges, type DeriveSummary } from './derive.js';
import { loadUpdate, type ChangeCounts, type LoadStatus } from './loader.js';

/**
 * Files → parse → extract → load (one transaction per Update) → derive. A file that fails is reported and
 * skipped; the others still load. Used by `seslip-kg ingest`, by `serve` for seed/, and by the tests.
 */

export type FileStatus = LoadStatus | 'failed' | 'checked';

export interface FileOutcome {
  file: string;
  status: FileStatus;
  issueNumber: number | null;
  /** For a failure: the error naming the file and line. */
  error: string | null;
  nodes: number;
  edges: number;
  warnings: { line: number; message: string }[];
}

export interface IngestSummary {
  files: FileOutcome[];
  counts: Record<FileStatus, number>;
  nodes: ChangeCounts;
  edges: ChangeCounts;
  derived: DeriveSummary | null;
  seconds: number;
  updatesPerSecond: number;
}

export interface IngestOptions {
  /** Parse and extract only: report what would be written, touch no database. */
  dryRun?: boolean;
  /** Reload Updates whose records are unchanged. */
  force?: boolean;
  onFile?: (outcome: FileOutcome, done: number, total: number) => void;
}

/** Expands folders to the `.txt` files in them (sorted); a missing path is reported as a failed file. */
export async function expandInputs(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) missing.push(path);
    else if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.endsWith('.txt')).sort();
      files.push(...names.map((name) => join(path, name)));
    } else files.push(path);
  }
  return { files, missing };
}

export async function ingestFiles(
  db: Database | undefined,
  resolver: Resolver,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const { files, missing } = await expandInputs(paths);
  const outcomes: FileOutcome[] = missing.map((file) => failed(file, `${file}: no such file or folder`));
  const nodes: ChangeCounts = {};
  const edges: ChangeCounts = {};
  const total = files.length + missing.length;
  outcomes.forEach((outcome, index) => options.onFile?.(outcome, index + 1, total));

  for (const file of files) {
    let outcome: FileOutcome;
    try {
      const records = extractGraph(await parseUpdateFile(file), resolver);
      outcome = {
        file,
        status: 'checked',
        issueNumber: records.issueNumber,
        error: null,
        nodes: records.nodes.length,
        edges: records.edges.length,
        warnings: records.warnings,
      };
      if (options.dryRun !== true && db !== undefined) {
        const loaded = await loadUpdate(db, records, {
          contentHash: recordsHash(records),
          force: options.force,
        });
        outcome.status = loaded.status;
        addCounts(nodes, loaded.nodes);
        addCounts(edges, loaded.edges);
      }
    } catch (error) {
      outcome = failed(file, (error as Error).message);
    }
    outcomes.push(outcome);
    options.onFile?.(outcome, outcomes.length, total);
  }

  const changed = outcomes.some((o) => o.status === 'loaded' || o.status === 'replaced');
  const derived = changed && db !== undefined ? await deriveEdges(db, resolver) : null;
  const seconds = (performance.now() - started) / 1000;
  const counts: Record<FileStatus, number> = { loaded: 0, replaced: 0, unchanged: 0, failed: 0, checked: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return {
    files: outcomes,
    counts,
    nodes,
    edges,
    derived,
    seconds,
    updatesPerSecond: seconds > 0 ? (counts.loaded + counts.replaced) / seconds : 0,
  };
}

/** Identifies what an Update contributes: a changed text, parser, extractor or reference data all change it. */
function recordsHash(records: GraphRecords): string {
  return createHash('sha256').update(JSON.stringify(records)).digest('hex');
}

function failed(file: string, error: string): FileOutcome {
  return { file, status: 'failed', issueNumber: null, error, nodes: 0, edges: 0, warnings: [] };
}

function addCounts(total: ChangeCounts, more: ChangeCounts): void {
  for (const [name, { created, updated }] of Object.entries(more)) {
    const sum = total[name] ?? { created: 0, updated: 0 };
    total[name] = { created: sum.created + created, updated: sum.updated + updated };
  }
}
