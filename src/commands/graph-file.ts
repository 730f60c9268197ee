import { exportGraph, importGraph, readGraphFileHeader, type GraphFileSummary } from '../load/graph-file.js';
import { withConfig, withDatabase } from './common.js';
import { ExitCode } from './exit-code.js';

/** `seslip-kg export <file>` and `seslip-kg import <file>`: the whole graph as one portable file (src/load/graph-file.ts). */

function printSummary(verb: string, summary: GraphFileSummary, json: boolean): number {
  process.stdout.write(
    json
      ? JSON.stringify(summary, null, 2) + '\n'
      : `${verb} ${summary.nodes} nodes and ${summary.relationships} relationships${summary.decisions > 0 ? `, ${summary.decisions} decisions` : ''} (${summary.file}) in ${summary.seconds.toFixed(2)} s\n`,
  );
  return ExitCode.ok;
}

export async function runExport(file: string, { json = false }: { json?: boolean }): Promise<number> {
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) => printSummary('exported', await exportGraph(db, file), json)),
  );
}

export async function runImport(
  file: string,
  options: { replace?: boolean; json?: boolean },
): Promise<number> {
  await readGraphFileHeader(file); // a wrong file is refused before Neo4j is started or connected to
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) =>
      printSummary('imported', await importGraph(db, file, options.replace === true), options.json === true),
    ),
  );
}
