import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { decisionNodeProps } from '../storage/decisions.js';
import {
  clearGraph,
  createNodes,
  createRelationships,
  graphSize,
  saveDecisionNode,
  storedNode,
  storedNodes,
  type StoredNode,
  type StoredRelationship,
} from '../storage/whole-graph.js';

/**
 * The whole graph as one portable file (`seslip-kg export` and `import`), to move a graph to another machine
 * or Neo4j, or to back it up. JSON Lines (gzip when the name ends in .gz): a header, then one line per node
 * with its labels, every property and its outgoing relationships. Properties are strings, numbers, booleans
 * and lists of them, which JSON carries exactly, so a round trip gives the same graph property by property.
 * The schema is not in the file: every start applies cypher/schema.cypher.
 */

const FORMAT = 'seslip-kg-graph';
const VERSION = 1;
const BATCH = 500;

const header = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  nodes: z.number().int().min(0),
  relationships: z.number().int().min(0),
  /** Curators' decisions, after the nodes (absent in files written before decisions existed). */
  decisions: z.number().int().min(0).optional(),
});
type Header = z.infer<typeof header>;
/** A line after the nodes: one curator's decision, every stored property (its applied state too). */
const decisionNodeLine = z.object({ decision: z.record(z.string(), z.unknown()) });

/** A file that is not a whole export: the message names file and line, `fix` says what to do. */
export class GraphFileError extends Error {
  override name = 'GraphFileError';
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

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
  const size = await graphSize(db);
  const counts = { nodes: 0, relationships: 0, decisions: 0 };
  async function* lines(): AsyncGenerator<string> {
    yield (
      JSON.stringify({
        format: FORMAT,
        version: VERSION,
        ...size,
        exportedAt: new Date().toISOString(),
      }) + '\n'
    );
    for await (const node of storedNodes(db)) {
      counts.nodes += 1;
      counts.relationships += node.out.length;
      yield JSON.stringify(node) + '\n';
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

/** The file's node lines after the header, each parsed and checked. */
async function* readNodes(file: string): AsyncGenerator<StoredNode> {
  const { lines } = fileLines(file);
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (number === 1 || text.trim() === '' || text.startsWith('{"decision":')) continue;
    yield checked(storedNode, text, file, number, 'a node line');
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
  new GraphFileError(
    `${file}:${line}: ${why}`,
    `use a file written by seslip-kg export (format ${FORMAT} ${VERSION})`,
  );

/** The file's header, checked: a wrong file is refused before anything is read from or written to Neo4j. */
export async function readGraphFileHeader(file: string): Promise<Header> {
  const { lines, close } = fileLines(file);
  try {
    for await (const text of lines) return checked(header, text, file, 1, `a ${FORMAT} header`);
  } catch (error) {
    if (error instanceof GraphFileError) throw error;
    throw new GraphFileError(`cannot read ${file}: ${(error as Error).message}`, 'check the path');
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
  const expected = await readGraphFileHeader(file);
  const { nodes: present } = await graphSize(db);
  if (present > 0) {
    if (!replace) {
      throw new GraphFileError(
        `the graph is not empty (${present} nodes)`,
        'import into an empty graph, or pass --replace to delete the current graph first (export it before)',
      );
    }
    await clearGraph(db);
  }
  let nodeBatch: Pick<StoredNode, 'labels' | 'props'>[] = [];
  let nodes = 0;
  for await (const node of readNodes(file)) {
    nodeBatch.push({ labels: node.labels, props: node.props });
    nodes += 1;
    if (nodeBatch.length === BATCH) {
      await createNodes(db, nodeBatch);
      nodeBatch = [];
    }
  }
  if (nodeBatch.length > 0) await createNodes(db, nodeBatch);
  let relationshipBatch: StoredRelationship[] = [];
  let relationships = 0;
  for await (const node of readNodes(file)) {
    for (const edge of node.out)
      relationshipBatch.push({ from: node.props.uid, to: edge.to, type: edge.type, props: edge.props });
    relationships += node.out.length;
    if (relationshipBatch.length >= BATCH) {
      await createRelationships(db, relationshipBatch);
      relationshipBatch = [];
    }
  }
  if (relationshipBatch.length > 0) await createRelationships(db, relationshipBatch);
  if (nodes !== expected.nodes || relationships !== expected.relationships) {
    throw new GraphFileError(
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
    await saveDecisionNode(db, decision);
    count += 1;
  }
  return count;
}
