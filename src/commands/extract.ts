import type { GraphRecords, NodeRecord, NodeRef } from '../extract/records.js';
import { ReferenceDataError } from '../extract/reference.js';
import { loadParseOptions, loadResolver } from '../load/reference.js';
import { ExtractError, extractRecords } from '../load/ingest.js';
import { parseUpdateFile, UpdateParseError } from '../parse/index.js';

/**
 * `seslip-kg extract <file> [--json]`: the nodes and edges one Update yields, with their evidence.
 * A file that is not an Update, or bad reference data, is reported with its file (and line) and exit 1.
 */
export async function run(file: string, { json = false }: { json?: boolean }): Promise<number> {
  let records: GraphRecords;
  try {
    records = await extractRecords(
      await parseUpdateFile(file, await loadParseOptions()),
      await loadResolver(),
    );
  } catch (error) {
    if (
      error instanceof UpdateParseError ||
      error instanceof ExtractError ||
      error instanceof ReferenceDataError
    ) {
      process.stderr.write(`seslip-kg extract: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(json ? `${JSON.stringify(records, null, 2)}\n` : summary(records, file));
  return 0;
}

/** Counts per node label and edge type, then every edge with its quote, then the warnings. */
export function summary(records: GraphRecords, file: string): string {
  const names = new Map(records.nodes.map((n) => [`${n.label}:${n.key}`, displayName(n)]));
  const show = (ref: NodeRef): string => `${ref.label}(${names.get(`${ref.label}:${ref.key}`) ?? ref.key})`;
  const lines = [
    `${file}: Update ${records.issueNumber}`,
    '',
    'nodes:',
    ...counts(records.nodes.map((n) => n.label)),
    'edges:',
    ...counts(records.edges.map((e) => e.type)),
    '',
    ...records.edges.map((e) => `${show(e.from)} -${e.type}-> ${show(e.to)}  «${e.evidence.quote}»`),
  ];
  if (records.warnings.length > 0) {
    lines.push('', 'warnings:', ...records.warnings.map((w) => `  ${file}:${w.line}: ${w.message}`));
  }
  return `${lines.join('\n')}\n`;
}

function displayName(node: NodeRecord): string {
  const { name, title, date } = node.props;
  if (node.label === 'Meeting') return `${String(title)} ${String(date)}`;
  return typeof name === 'string' ? name : typeof title === 'string' ? title : node.key;
}

function counts(values: string[]): string[] {
  const tally = new Map<string, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  return [...tally].map(([v, n]) => `  ${v.padEnd(16)} ${n}`);
}
