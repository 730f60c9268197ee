import { basename } from 'node:path';
import { loadResolver } from '../extract/resolve.js';
import { ingestFiles, type FileOutcome, type FileStatus, type IngestSummary } from '../load/ingest.js';
import { withConfig, withDatabase } from './common.js';
import { CliError, ExitCode } from './errors.js';

export interface IngestFlags {
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
}

/**
 * `seslip-kg ingest <paths>...`: load Updates into Neo4j, one transaction each, then recompute derived edges.
 * Exit 1 when a file failed or was refused, or when the paths held no Update at all.
 */
export async function run(paths: string[], flags: IngestFlags): Promise<number> {
  const resolver = await loadResolver();
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) => {
      const summary = await ingestFiles(db, resolver, paths, {
        dryRun: flags.dryRun,
        force: flags.force,
        onFile: progressReporter(),
      });
      if (summary.stopped !== null) throw stoppedError(summary);
      process.stdout.write(
        flags.json === true ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary),
      );
      const read = summary.files.length - summary.counts.skipped;
      if (read === 0) {
        process.stderr.write(
          `seslip-kg ingest: no Update file in ${paths.join(' ')} (every file was skipped)\n`,
        );
        return ExitCode.failed;
      }
      return summary.counts.failed + summary.counts.refused > 0 ? ExitCode.failed : ExitCode.ok;
    }),
  );
}

/** Neo4j went away or refused us: one line naming every file that was not loaded. */
function stoppedError(summary: IngestSummary): CliError {
  const notLoaded = summary.files.filter((f) => f.status === 'failed').map((f) => basename(f.file));
  const auth = summary.stopped!.code === 'AUTH';
  return new CliError(
    auth ? ExitCode.credentials : ExitCode.unreachable,
    `ingest stopped: ${auth ? 'Neo4j refused the credentials' : 'Neo4j is unreachable'}; not loaded: ${notLoaded.join(', ')}`,
    auth
      ? 'check NEO4J_USER and NEO4J_PASSWORD, then run the same ingest again'
      : 'start Neo4j (or correct NEO4J_URI), then run the same ingest again (loaded Updates stay unchanged)',
  );
}

/** A progress bar on a terminal; one plain line a file otherwise (CI logs, pipes). */
function progressReporter(): (outcome: FileOutcome, done: number, total: number) => void {
  const tty = process.stderr.isTTY === true;
  return (outcome, done, total) => {
    const why = outcome.error ?? outcome.note;
    const what = `${basename(outcome.file)}: ${outcome.status}${why === null ? '' : ` (${why})`}`;
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
    if (outcome.status !== 'loaded' && outcome.status !== 'unchanged' && done < total) {
      process.stderr.write('\n');
    }
  };
}

const realRunCounts: FileStatus[] = ['loaded', 'replaced', 'unchanged', 'refused', 'failed', 'skipped'];
const dryRunCounts: FileStatus[] = ['new', 'replaced', 'unchanged', 'refused', 'failed', 'skipped'];

function formatSummary(summary: IngestSummary): string {
  const { counts } = summary;
  const shown = summary.dryRun ? dryRunCounts : realRunCounts;
  const lines = [
    (summary.dryRun ? 'dry run, nothing written: ' : '') +
      `${summary.files.length} file(s) in ${summary.seconds.toFixed(2)} s` +
      (counts.loaded + counts.replaced > 0 && !summary.dryRun
        ? ` (${summary.updatesPerSecond.toFixed(1)} Updates/s)`
        : ''),
    `  ${shown.map((status) => `${status} ${counts[status]}`).join(', ')}`,
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
  if (summary.dryRun) {
    for (const file of summary.files.filter((f) => f.issueNumber !== null)) {
      lines.push(
        `  ${basename(file.file)}: Update ${file.issueNumber}, ${file.nodes} nodes, ${file.edges} edges: ${file.status}`,
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
  for (const file of summary.files) {
    if (file.status === 'skipped') lines.push(`  SKIPPED ${file.file}: ${file.note}`);
    else if (file.status === 'refused') lines.push(`  REFUSED ${file.file}: ${file.note}`);
    else if (file.status === 'failed') lines.push(`  FAILED ${file.error}`);
    else if (file.note !== null) lines.push(`  FORCED ${file.file}: ${file.note}`);
  }
  return lines.join('\n') + '\n';
}
