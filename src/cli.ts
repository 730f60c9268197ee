/**
 * `seslip-kg <command>`: one entry point; each command lives in src/commands/<name>.ts
 * and resolves to the process exit status.
 */
const commands: Record<
  string,
  { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }
> = {
  serve: {
    summary: 'start Neo4j (embedded unless NEO4J_URI is set), load seed/, serve GraphiQL',
    load: () => import('./commands/serve.js'),
  },
  parse: {
    summary: 'parse Update files into documents: parse <file>... [--json]',
    load: () => import('./commands/parse.js'),
  },
  extract: {
    summary: 'the nodes and edges one Update yields, with evidence: extract <file> [--json]',
    load: () => import('./commands/extract.js'),
  },
  ingest: {
    summary: 'load Updates into Neo4j: ingest <files or folders>... [--dry-run] [--force] [--json]',
    load: () => import('./commands/ingest.js'),
  },
  derive: {
    summary: 'recompute derived FEEDS and POSSIBLY_SAME_AS edges from data/: derive [--json]',
    load: () => import('./commands/derive.js'),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: seslip-kg <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

const [name, ...args] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (command === undefined) {
  process.stderr.write(
    name === undefined || name === '--help' ? usage() : `unknown command '${name}'\n\n${usage()}`,
  );
  process.exitCode = name === '--help' ? 0 : 2;
} else {
  const module = await command.load();
  process.exitCode = await module.run(args);
}
