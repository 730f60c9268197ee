import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { ExitCode } from './commands/exit-code.js';
import type { IngestFlags } from './commands/ingest.js';
import { loadDotEnv, projectDir } from './project.js';

/**
 * `seslip-kg <command>`: one entry point on commander. Each command lives in src/commands/<name>.ts, is
 * loaded only when it runs (so `--help` loads nothing heavy and starts nothing) and resolves to the exit
 * status. Every error ends here: a known one is printed as one line with its fix and its own exit status
 * (src/commands/errors.ts), stack traces only with --debug.
 */

const version = (JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { version: string })
  .version;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function buildProgram(done: (status: number) => void): Command {
  const program = new Command('seslip-kg')
    .description('a knowledge graph of the SESLIP weekly Updates, in Neo4j, queried through GraphQL')
    .version(version, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces and log lines behind an error')
    .exitOverride()
    .showHelpAfterError('(run seslip-kg --help, or seslip-kg <command> --help)')
    .configureHelp({ sortSubcommands: false });
  // Each action loads its module, runs it and hands back the exit status.
  const runs =
    <A extends unknown[]>(work: (...args: A) => Promise<number>) =>
    async (...args: A) =>
      done(await work(...args));

  program
    .command('serve')
    .description(
      'start Neo4j (embedded unless NEO4J_URI is set), load seed/ into an empty graph, serve GraphiQL',
    )
    .action(runs(async () => (await import('./commands/serve.js')).run()));
  program
    .command('parse')
    .description('parse Update files into documents: a summary each, or JSON')
    .argument('<files...>', 'Update text files')
    .option('--json', 'print the documents as JSON')
    .action(
      runs(async (files: string[], options: { json?: boolean }) =>
        (await import('./commands/parse.js')).run(files, options),
      ),
    );
  program
    .command('extract')
    .description('the nodes and edges one Update yields, each edge with its evidence')
    .argument('<file>', 'an Update text file')
    .option('--json', 'print the records as JSON')
    .action(
      runs(async (file: string, options: { json?: boolean }) =>
        (await import('./commands/extract.js')).run(file, options),
      ),
    );
  program
    .command('ingest')
    .description(
      'load Updates into Neo4j (in batches, each Update whole or not at all), then recompute the derived edges they change; files, folders or the site',
    )
    .argument(
      '<paths...>',
      'Update files (.txt, .html, .eml), folders searched recursively for them, or URLs (the newsletters index, or one Update)',
    )
    .option('--dry-run', 'report what would be new, replaced, unchanged or refused; write nothing')
    .option('--force', 'replace even a more complete version or one with another date; reload unchanged ones')
    .option('--json', 'print the summary as JSON')
    .option('--cache <dir>', 'for URLs: where fetched pages are kept (default .data/crawl-cache)')
    .option('--delay <seconds>', 'for URLs: pause between requests', '1')
    .option('--timeout <seconds>', 'for URLs: abandon a request after this long', '30')
    .option(
      '--refresh',
      'for URLs: re-check cached pages (ETag / Last-Modified) instead of trusting the cache',
    )
    .action(
      runs(async (paths: string[], options: IngestFlags) =>
        (await import('./commands/ingest.js')).run(paths, options),
      ),
    );
  program
    .command('derive')
    .description('recompute derived FEEDS and POSSIBLY_SAME_AS edges after editing data/')
    .option('--json', 'print the summary as JSON')
    .action(runs(async (options: { json?: boolean }) => (await import('./commands/derive.js')).run(options)));
  program
    .command('query')
    .description('run a GraphQL query file against the graph; connections flatten into CSV rows with --csv')
    .argument('<file>', 'a .graphql file with one operation')
    .option('--var <name=value>', 'set a variable of the operation (repeatable)', collect, [])
    .option('--csv', 'print CSV rows (one per node of the innermost lists)')
    .option('--json', 'print the GraphQL response as JSON (the default)')
    .action(
      runs(async (file: string, options: { var: string[]; csv?: boolean; json?: boolean }) =>
        (await import('./commands/query.js')).run(file, options),
      ),
    );
  program
    .command('export')
    .description('write the whole graph to one portable file (JSON Lines, gzip if it ends in .gz)')
    .argument('<file>', 'the file to write, e.g. graph.jsonl.gz')
    .option('--json', 'print the summary as JSON')
    .action(
      runs(async (file: string, options: { json?: boolean }) =>
        (await import('./commands/graph-file.js')).runExport(file, options),
      ),
    );
  program
    .command('import')
    .description('load a file written by export into an empty graph; round trip gives an identical graph')
    .argument('<file>', 'a file written by seslip-kg export')
    .option('--replace', 'delete the current graph first')
    .option('--json', 'print the summary as JSON')
    .action(
      runs(async (file: string, options: { replace?: boolean; json?: boolean }) =>
        (await import('./commands/graph-file.js')).runImport(file, options),
      ),
    );
  const decisions = program
    .command('decisions')
    .description("curators' decisions (merge, keep apart, split, reject, assert, rename) as JSON Lines");
  decisions
    .command('export')
    .description('write every decision, oldest first, one JSON line each')
    .argument('<file>', 'the file to write, e.g. decisions.jsonl')
    .option('--json', 'print the summary as JSON')
    .action(
      runs(async (file: string, options: { json?: boolean }) =>
        (await import('./commands/decisions.js')).runExport(file, options),
      ),
    );
  decisions
    .command('import')
    .description('add the decisions of a file written by decisions export, and apply them all in order')
    .argument('<file>', 'a file written by seslip-kg decisions export')
    .option('--json', 'print the summary as JSON')
    .action(
      runs(async (file: string, options: { json?: boolean }) =>
        (await import('./commands/decisions.js')).runImport(file, options),
      ),
    );
  // A usage mistake is answered with the command's usage line, not the whole help.
  for (const command of program.commands) {
    command.showHelpAfterError(
      `usage: seslip-kg ${command.name()} ${command.usage()}\n(seslip-kg ${command.name()} --help explains each option)`,
    );
  }
  return program;
}

/** Runs the CLI on `argv` (without node and the script) and resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  let status: number = ExitCode.ok;
  const program = buildProgram((result) => {
    status = result;
  });
  try {
    loadDotEnv();
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    // Commander has printed its own message (usage error) or the help or version already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    // Loaded only on failure: it knows every error class, and with them the driver, the extractor and zod.
    const { explain } = await import('./commands/errors.js');
    const explained = explain(error);
    process.stderr.write(`seslip-kg: ${explained.line}\n`);
    if (program.opts<{ debug?: boolean }>().debug === true) process.stderr.write(`${explained.details}\n`);
    return explained.exitCode;
  }
}

// `node dist/cli.js serve` (npm start) and `tsx src/cli.ts serve` (npm run dev) run it directly;
// bin/seslip-kg.js imports it and calls main.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
