import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { decisionNodeProps } from '../storage/decisions.js';
import { withConfig, withDatabase } from './common.js';
import { CliError } from './errors.js';
import { ExitCode } from './exit-code.js';

/**
 * `seslip-kg export <file>` and `seslip-kg import <file>`: the whole graph as one portable file, to move a
 * graph to another machine or Neo4j, or to back it up. JSON Lines (gzip when the name ends in .gz): a header,
 * then one line per node with its labels, every property and its outgoing relationships. Properties are
 * strings, numbers, booleans and lists of them, which JSON carries exactly, so a round trip gives the same
 * graph property by property. The schema is not in the file: every start applies cypher/schema.cypher.
 */

const FORMAT = 'seslip-kg-graph';
const VERSION = 1;
const PAGE = 500;

const header = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  nodes: z.number().int().min(0),
  relationships: z.number().int().min(0),
  /** Curators' decisions, after the nodes (absent in files written before decisions existed). */
  decisions: z.number().int().min(0).optional(),
});
/** A line after the nodes: one curator's decision, every stored property (its applied state too). */
const decisionNodeLine = z.object({ decision: z.record(z.string(), z.unknown()) });

const property = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);
const properties = z.record(z.string(), property);
const nodeLine = z.object({
  labels: z.array(z.string().min(1)).min(1),
  props: properties.and(z.object({ uid: z.string().min(1) })),
  out: z.array(z.object({ type: z.string().min(1), to: z.string().min(1), props: properties })),
});
type NodeLine = z.infer<typeof nodeLine>;

export interface GraphFileSummary {
  file: string;
  nodes: number;
  relationships: number;
  decisions: number;
  seconds: number;
}

/** Reads every node page by page and writes the file; written under a temporary name, renamed when complete. */
export async function exportGraph(db: Database, file: string): Promise<GraphFileSummary> {
  const started = performance.now();
  const [size] = await db.read('graph-size');
  const counts = { nodes: 0, relationships: 0, decisions: 0 };
  async function* lines(): AsyncGenerator<string> {
    yield (
      JSON.stringify({
        format: FORMAT,
        version: VERSION,
        nodes: Number(size?.nodes ?? 0),
        relationships: Number(size?.relationships ?? 0),
        decisions: Number(size?.decisions ?? 0),
        exportedAt: new Date().toISOString(),
      }) + '\n'
    );
    let after = '';
    for (;;) {
      const rows = await db.read('export-page', { after, limit: PAGE });
      for (const row of rows) {
        const node = row as NodeLine;
        counts.nodes += 1;
        counts.relationships += node.out.length;
        yield JSON.stringify(node) + '\n';
      }
      if (rows.length < PAGE) break;
      after = (rows.at(-1) as NodeLine).props.uid;
    }
    for (const decision of await decisionNodeProps(db)) {
      counts.decisions += 1;
      yield JSON.stringify({ decision }) + '\n';
    }
  }
  const partial = `${file}.partial`;
  try {
    const sink = createWriteStream(partial);
    await (file.endsWith('.gz')
      ? pipeline(Readable.from(lines()), createGzip(), sink)
      : pipeline(Readable.from(lines()), sink));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { file, ...counts, seconds: (performance.now() - started) / 1000 };
}

/** The file's text lines, gunzipped when its name ends in .gz; `close` stops reading early. */
function fileLines(file: string): { lines: AsyncIterable<string>; close(): void } {
  const input = createReadStream(file);
  const lines = createInterface({
    input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
  return {
    lines,
    close: () => {
      lines.close();
      input.destroy();
    },
  };
}

/** The file's lines after the header, each parsed and checked, with its line number for error messages. */
async function* readNodes(file: string): AsyncGenerator<{ line: number; node: NodeLine }> {
  const { lines } = fileLines(file);
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (number === 1 || text.trim() === '' || text.startsWith('{"decision":')) continue;
    yield { line: number, node: checked(nodeLine, text, file, number, 'a node line') };
  }
}

function checked<T>(schema: z.ZodType<T>, text: string, file: string, line: number, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badFile(file, line, `not JSON (expected ${what})`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw badFile(file, line, `not ${what}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
  }
  return result.data;
}

const badFile = (file: string, line: number, why: string) =>
  new CliError(
    ExitCode.failed,
    `${file}:${line}: ${why}`,
    `use a file written by seslip-kg export (format ${FORMAT} ${VERSION})`,
  );

async function readHeader(file: string): Promise<z.infer<typeof header>> {
  const { lines, close } = fileLines(file);
  try {
    for await (const text of lines) return checked(header, text, file, 1, `a ${FORMAT} header`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(ExitCode.failed, `cannot read ${file}: ${(error as Error).message}`, 'check the path');
  } finally {
    close();
  }
  throw badFile(file, 1, 'empty file');
}

/**
 * Loads a file into an empty graph (or, with `replace`, into a graph emptied first): all nodes, then all
 * relationships, in batches. The counts are checked against the header, so a cut file is noticed.
 */
export async function importGraph(db: Database, file: string, replace: boolean): Promise<GraphFileSummary> {
  const started = performance.now();
  const expected = await readHeader(file);
  const [size] = await db.read('graph-size');
  if (Number(size?.nodes ?? 0) > 0) {
    if (!replace) {
      throw new CliError(
        ExitCode.failed,
        `the graph is not empty (${Number(size?.nodes)} nodes)`,
        'import into an empty graph, or pass --replace to delete the current graph first (export it before)',
      );
    }
    await db.write('clear-graph');
  }
  let batch: Record<string, unknown>[] = [];
  const flush = async (name: string) => {
    if (batch.length > 0) await db.write(name, { rows: batch });
    batch = [];
  };
  let nodes = 0;
  for await (const { node } of readNodes(file)) {
    batch.push({ labels: node.labels, props: node.props });
    nodes += 1;
    if (batch.length === PAGE) await flush('import-nodes');
  }
  await flush('import-nodes');
  let relationships = 0;
  for await (const { node } of readNodes(file)) {
    for (const edge of node.out)
      batch.push({ from: node.props.uid, to: edge.to, type: edge.type, props: edge.props });
    relationships += node.out.length;
    if (batch.length >= PAGE) await flush('import-relationships');
  }
  await flush('import-relationships');
  if (nodes !== expected.nodes || relationships !== expected.relationships) {
    throw new CliError(
      ExitCode.failed,
      `${file} holds ${nodes} nodes and ${relationships} relationships, its header promised ${expected.nodes} and ${expected.relationships}: the file is incomplete`,
      'export again, then import with --replace',
    );
  }
  const decisions = await importDecisionNodes(db, file);
  return { file, nodes, relationships, decisions, seconds: (performance.now() - started) / 1000 };
}

/** The decisions of the file, stored as they were (applied ones with what they changed, so undo still works). */
async function importDecisionNodes(db: Database, file: string): Promise<number> {
  const { lines } = fileLines(file);
  let number = 0;
  let count = 0;
  for await (const text of lines) {
    number += 1;
    if (!text.startsWith('{"decision":')) continue;
    const { decision } = checked(decisionNodeLine, text, file, number, 'a decision line');
    await db.write('decision-save', { props: decision });
    count += 1;
  }
  return count;
}

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
  await readHeader(file); // a wrong file is refused before Neo4j is started or connected to
  return withConfig((config, log) =>
    withDatabase(config, log, async ({ db }) =>
      printSummary('imported', await importGraph(db, file, options.replace === true), options.json === true),
    ),
  );
}
