import { basename } from 'node:path';
import { projectPath } from '../project.js';
import {
  checkHttp,
  crawl,
  FetchError,
  isUrlArgument,
  type CrawlSummary,
  type CrawledPage,
} from '../crawl/index.js';
import { loadParseOptions, loadResolver } from '../load/reference.js';
import {
  expandInputs,
  ingestSources,
  type FileOutcome,
  type FileStatus,
  type IngestSummary,
  type UpdateSource,
} from '../load/ingest.js';
import { parseUpdateBytes, parseUpdateFile, type ParseOptions } from '../parse/index.js';
import { withConfig, withDatabase } from './common.js';
import { CliError } from './errors.js';
import { ExitCode } from './exit-code.js';

export interface IngestFlags {
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  /** Crawl cache folder (default .data/crawl-cache). */
  cache?: string;
  /** Seconds between requests (default 1). */
  delay?: string;
  /** Seconds before a request is abandoned (default 30). */
  timeout?: string;
  /** Revalidate cached pages by ETag / Last-Modified. */
  refresh?: boolean;
}

/** Where `ingest <URL>` keeps the pages it fetched, unless --cache says otherwise. */
export const DEFAULT_CACHE = '.data/crawl-cache';

function seconds(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new CliError(
      ExitCode.usage,
      `${name} must be a number of seconds ≥ 0, got "${value}"`,
      `e.g. ${name} 1`,
    );
  return n;
}

/** The Updates of every URL argument, crawled; each page becomes a source named by its URL. */
async function crawlArguments(
  urls: string[],
  flags: IngestFlags,
  parseOptions: ParseOptions,
): Promise<{
  sources: UpdateSource[];
  unavailable: { file: string; error: string }[];
  crawls: CrawlSummary[];
}> {
  const delayMs = seconds(flags.delay, '--delay', 1) * 1000;
  const timeoutMs = seconds(flags.timeout, '--timeout', 30) * 1000;
  const cacheDir = flags.cache ?? projectPath(DEFAULT_CACHE);
  const sources: UpdateSource[] = [];
  const unavailable: { file: string; error: string }[] = [];
  const crawls: CrawlSummary[] = [];
  const tty = process.stderr.isTTY === true;
  for (const url of urls) {
    let found = 0;
    const onPage = ({ url: page, page: got, error }: CrawledPage): void => {
      found += 1;
      const how = error ?? got?.source ?? '';
      const line = `crawl ${found} ${page}: ${how === 'network' ? 'fetched' : how === 'cache' ? 'from cache' : how}`;
      process.stderr.write(tty ? `\r\u001b[2K${line.slice(0, process.stderr.columns ?? 120)}` : `${line}\n`);
      if (error !== null || got === null) {
        unavailable.push({ file: page, error: error ?? `${page}: no page` });
        return;
      }
      const body = got.body;
      const hints = { name: page, contentType: got.headers['content-type'], base: got.finalUrl };
      sources.push({ name: page, read: () => parseUpdateBytes(body, hints, parseOptions) });
    };
    try {
      crawls.push(await crawl(url, { cacheDir, delayMs, timeoutMs, refresh: flags.refresh, onPage }));
    } catch (error) {
      if (error instanceof FetchError && error.code === 'NOT_HTTP')
        throw new CliError(ExitCode.usage, error.message, 'give an http:// or https:// address');
      throw error;
    }
    if (tty && found > 0) process.stderr.write('\n');
  }
  return { sources, unavailable, crawls };
}

/**
 * `seslip-kg ingest <paths>...`: load Updates into Neo4j in batches, then recompute the derived edges they change.
 * Exit 1 when a file failed or was refused, or when the paths held no Update at all.
 */
export async function run(paths: string[], flags: IngestFlags): Promise<number> {
  const urls = paths.filter(isUrlArgument);
  const files = paths.filter((path) => !isUrlArgument(path));
  for (const url of urls) {
    try {
      checkHttp(url);
    } catch (error) {
      if (error instanceof FetchError)
        throw new CliError(ExitCode.usage, error.message, 'give an http:// or https:// address');
      throw error;
    }
  }
  const [resolver, parseOptions] = await Promise.all([loadResolver(), loadParseOptions()]);
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) => {
      const inputs = await expandInputs(files);
      const crawled = await crawlArguments(urls, flags, parseOptions);
      const sources = [
        ...inputs.files.map((file) => ({ name: file, read: () => parseUpdateFile(file, parseOptions) })),
        ...crawled.sources,
      ];
      const skipped = [
        ...inputs.skipped,
        ...crawled.crawls.flatMap((c) =>
          c.disallowed.map((file) => ({ file, reason: 'robots.txt disallows it' })),
        ),
      ];
      const summary = await ingestSources(
        db,
        resolver,
        sources,
        { dryRun: flags.dryRun, force: flags.force, onFile: progressReporter() },
        { skipped, missing: inputs.missing, unavailable: crawled.unavailable },
      );
      if (summary.stopped !== null) throw stoppedError(summary);
      const crawlTotals = urls.length === 0 ? null : totalCrawl(crawled.crawls);
      process.stdout.write(
        flags.json === true
          ? JSON.stringify(crawlTotals === null ? summary : { ...summary, crawl: crawlTotals }, null, 2) +
              '\n'
          : (crawlTotals === null ? '' : formatCrawl(crawlTotals)) + formatSummary(summary),
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

/** What the crawls of this run did together. */
function totalCrawl(
  crawls: CrawlSummary[],
): Omit<CrawlSummary, 'failed' | 'disallowed'> & { disallowed: number } {
  return crawls.reduce(
    (sum, c) => ({
      fetched: sum.fetched + c.fetched,
      fromCache: sum.fromCache + c.fromCache,
      revalidated: sum.revalidated + c.revalidated,
      indexPages: sum.indexPages + c.indexPages,
      updates: sum.updates + c.updates,
      disallowed: sum.disallowed + c.disallowed.length,
      otherHosts: sum.otherHosts + c.otherHosts,
    }),
    { fetched: 0, fromCache: 0, revalidated: 0, indexPages: 0, updates: 0, disallowed: 0, otherHosts: 0 },
  );
}

function formatCrawl(c: ReturnType<typeof totalCrawl>): string {
  return (
    `crawl: ${c.updates} Update page(s) from ${c.indexPages} index page(s); ` +
    `fetched ${c.fetched}, from cache ${c.fromCache}, not modified ${c.revalidated}` +
    (c.disallowed > 0 ? `, disallowed by robots.txt ${c.disallowed}` : '') +
    (c.otherHosts > 0 ? `, links to other hosts not followed ${c.otherHosts}` : '') +
    '\n'
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
