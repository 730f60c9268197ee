import { basename } from 'node:path';
import type { Database } from '../db/database.js';
import { loadResolver } from '../extract/resolve.js';
import { ingestFiles, type FileOutcome, type IngestSummary } from '../load/ingest.js';
import { parseFlags, withConfig, withDatabase } from './common.js';

const USAGE = 'usage: seslip-kg ingest <files or folders>... [--dry-run] [--force] [--json]';

/** `seslip-kg ingest`: load Updates into Neo4j, one transaction each, then recompute derived edges. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseFlags(args, ['dry-run', 'force', 'json'] as const);
  if ('error' in parsed || parsed.positional.length === 0) {
    process.stderr.write(`${'error' in parsed ? parsed.error + '\n' : ''}${USAGE}\n`);
    return 2;
  }
  const { positional, flags } = parsed;
  const options = { dryRun: flags.has('dry-run'), force: flags.has('force'), onFile: progressReporter() };
  const resolver = await loadResolver();
  // A dry run gets no database: nothing is written, so none is started or connected to.
  const ingestAndReport = async (db: Database | undefined) =>
    report(await ingestFiles(db, resolver, positional, options), flags.has('json'));
  return withConfig((config, log) =>
    options.dryRun ? ingestAndReport(undefined) : withDatabase(config, log, ({ db }) => ingestAndReport(db)),
  );
}

/** A progress bar on a terminal; one plain line a file otherwise (CI logs, pipes). */
function progressReporter(): (outcome: FileOutcome, done: number, total: number) => void {
  const tty = process.stderr.isTTY === true;
  return (outcome, done, total) => {
    const what = `${basename(outcome.file)}: ${outcome.status}${outcome.error ? ` (${outcome.error})` : ''}`;
    if (!tty) {
      process.stderr.write(`ingest ${done}/${total} ${what}\n`);
      return;
    }
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${what}`;
    process.stderr.write(
      `\r\u001b[2K${bar.slice(0, process.stderr.columns ?? 120)}${done === total ? '\n' : ''}`,
    );
    if (outcome.status === 'failed' && done < total) process.stderr.write('\n');
  };
}

function report(summary: IngestSummary, json: boolean): number {
  if (json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else process.stdout.write(formatSummary(summary));
  return summary.counts.failed > 0 ? 1 : 0;
}

function formatSummary(summary: IngestSummary): string {
  const { counts } = summary;
  const lines = [
    `${summary.files.length} file(s) in ${summary.seconds.toFixed(2)} s` +
      (counts.loaded + counts.replaced > 0 ? ` (${summary.updatesPerSecond.toFixed(1)} Updates/s)` : ''),
    `  loaded ${counts.loaded}, replaced ${counts.replaced}, unchanged ${counts.unchanged}, failed ${counts.failed}` +
      (counts.checked > 0 ? `, checked (dry run) ${counts.checked}` : ''),
  ];
  for (const [title, changes] of [
    ['nodes', summary.nodes],
    ['edges', summary.edges],
  ] as const) {
    const names = Object.keys(changes).sort();
    if (names.length === 0) continue;
    lines.push(`  ${title.padEnd(18)} created  updated`);
    for (const name of names) {
      lines.push(
        `    ${name.padEnd(16)} ${String(changes[name]!.created).padStart(7)}  ${String(changes[name]!.updated).padStart(7)}`,
      );
    }
  }
  if (counts.checked > 0) {
    for (const file of summary.files.filter((f) => f.status === 'checked')) {
      lines.push(
        `  ${basename(file.file)}: issue ${file.issueNumber}, ${file.nodes} nodes, ${file.edges} edges would be written`,
      );
    }
  }
  if (summary.derived !== null) {
    lines.push(
      `  derived: ${summary.derived.feeds} FEEDS, ${summary.derived.possiblySameAs} POSSIBLY_SAME_AS`,
    );
    lines.push(...summary.derived.doubts.map((doubt) => `  warning: ${doubt}`));
  }
  const warnings = summary.files.reduce((n, f) => n + f.warnings.length, 0);
  if (warnings > 0) lines.push(`  ${warnings} extraction warning(s); --json lists them with line numbers`);
  for (const file of summary.files.filter((f) => f.status === 'failed')) lines.push(`  FAILED ${file.error}`);
  return lines.join('\n') + '\n';
}
