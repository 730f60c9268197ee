import { createReadStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Database } from '../db/database.js';
import {
  decisionLine,
  importDecisions,
  lineOf,
  listDecisions,
  type DecisionLine,
} from '../storage/decisions.js';
import { withConfig, withDatabase } from './common.js';
import { CliError } from './errors.js';
import { ExitCode } from './exit-code.js';

/**
 * `seslip-kg decisions export <file>` and `seslip-kg decisions import <file>`: curators' decisions as JSON Lines,
 * one decision a line, oldest first (what, about which ids, by whom, when, why, undone or not). Importing adds
 * the decisions whose id the graph does not know and applies them all again in order; a rebuild from an empty
 * graph with the same Updates and this file gives the same graph as before.
 */

export async function exportDecisions(db: Database, file: string): Promise<number> {
  const lines = (await listDecisions(db)).map(lineOf);
  const partial = `${file}.partial`;
  try {
    await writeFile(partial, lines.map((line) => JSON.stringify(line) + '\n').join(''));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw new CliError(
      ExitCode.failed,
      `cannot write ${file}: ${(error as Error).message}`,
      'check the path',
    );
  }
  return lines.length;
}

/** The file's decisions, each line checked; a wrong line is refused naming file and line. */
export async function readDecisionsFile(file: string): Promise<DecisionLine[]> {
  const lines: DecisionLine[] = [];
  let number = 0;
  try {
    for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      number += 1;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw badLine(file, number, 'not JSON');
      }
      const result = decisionLine.safeParse(value);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        throw badLine(file, number, `not a decision: ${issue.path.join('.') || 'line'}: ${issue.message}`);
      }
      lines.push(result.data);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(ExitCode.failed, `cannot read ${file}: ${(error as Error).message}`, 'check the path');
  }
  return lines;
}

const badLine = (file: string, line: number, why: string) =>
  new CliError(
    ExitCode.failed,
    `${file}:${line}: ${why}`,
    'use a file written by seslip-kg decisions export',
  );

export async function runExport(file: string, { json = false }: { json?: boolean }): Promise<number> {
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) => {
      const count = await exportDecisions(db, file);
      process.stdout.write(
        json ? JSON.stringify({ file, decisions: count }) + '\n' : `exported ${count} decisions (${file})\n`,
      );
      return ExitCode.ok;
    }),
  );
}

export async function runImport(file: string, { json = false }: { json?: boolean }): Promise<number> {
  const lines = await readDecisionsFile(file); // a wrong file is refused before Neo4j is started
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) => {
      const { added, known } = await importDecisions(db, lines);
      process.stdout.write(
        json
          ? JSON.stringify({ file, added, known }) + '\n'
          : `imported ${added} decisions (${known} known already) from ${file}, and applied them in order\n`,
      );
      return ExitCode.ok;
    }),
  );
}
