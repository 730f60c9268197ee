import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { extractGraph } from '../../src/extract/extract.js';
import type { GraphRecords } from '../../src/extract/records.js';
import type { Resolver } from '../../src/extract/resolve.js';
import { EDGE_CATALOGUE, NODE_PROPERTIES, type PropertyType } from '../../src/graph/index.js';
import { updateDocument } from '../../src/parse/document.js';
import { parseUpdate, UpdateParseError } from '../../src/parse/index.js';
import { decodeUpdate } from '../../src/parse/input.js';
import { syntheticUpdate } from './synthetic-updates.js';
import { parseOptions } from '../parse/helpers.js';

/**
 * Deterministic (seeded) generators of damaged Updates for the fuzz tests and `npm run soak`: the seeds, the
 * layout fixtures of every era and synthetic Updates, mutated line by line (drop, duplicate, swap, case,
 * junk, marker lines of every layout, unicode oddities, huge lines) and cut at a byte; plus random text.
 * An input is bytes, decoded as `parseUpdateFile` decodes a file.
 */

const repoPath = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

const textsIn = (dir: string): string[] =>
  readdirSync(repoPath(dir))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(repoPath(`${dir}/${name}`), 'utf8'));

/** The real seeds and the handwritten Updates of every layout (truncated variants included). */
export const BASE_UPDATES: string[] = [
  ...textsIn('seed'),
  ...['2018-2019', '2019-2022', '2023-2025'].flatMap((era) => textsIn(`test/fixtures/parse/layouts/${era}`)),
];

/** Lines every layout uses to mark a part of the page or an item, and lines shaped like its facts. */
export const MARKER_LINES = [
  '',
  'Action Required:',
  'Action Required: reply by Friday',
  'ACTION REQUIRED',
  'Programme:',
  'Programme: Peer review',
  'Update:',
  'Updates',
  'Key Dates:',
  'Network dates:',
  'Future dates for network meetings',
  'Tools & Templates',
  'Tools and Templates:',
  'Contact Details',
  'Reminders from previous weeks',
  'Headlines',
  'UPDATE NO 9 9 September 2022',
  'SESLIP Update no 600 – Friday 8 March 2024',
  '  • 5 April 2019 – 10.30-12.30',
  '• Tuesday 3 June 10am–12pm',
  '1. first point',
  'Triad 1 – Kent and Medway on Friday 1 March 2019',
  'Quality Network: Thursday 12 May 2:00pm–4:00pm via Teams',
  'as at 29/7/22 Days Waited National Rank',
  '1 Kent ILACS1 Good 1 2',
  'Role: Name (Org (X))',
  'Programme Manager: Dana Whitlow (SESLIP)',
  'Lead: (Nobody)',
  ': (',
  'dana.whitlow@example.org',
  '07700 900123',
  'X published by Y 26 March 202',
  'On 3 May the Department for Education published Guidance on things',
  'Ofsted published: a report',
  'published by',
  '(contact details below)',
];

/** Characters that copy-paste and old mail clients leave in text. */
const ODD_CHARACTERS = [
  '\u00a0',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u200b',
  '\u2013',
  '\r',
  '\uFEFF',
  '\t',
];

export type Mutation =
  | { kind: 'drop' | 'duplicate' | 'upper' | 'lower' | 'swap' | 'huge'; at: number; other: number }
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'unicode'; at: number; other: number; char: string }
  | { kind: 'cut'; at: number };

const position = { at: fc.nat(), other: fc.nat() };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom(
      'drop' as const,
      'duplicate' as const,
      'upper' as const,
      'lower' as const,
      'swap' as const,
      'huge' as const,
    ),
    ...position,
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    line: fc.oneof(
      fc.constantFrom(...MARKER_LINES),
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ),
  }),
  fc.record({ kind: fc.constant('unicode' as const), ...position, char: fc.constantFrom(...ODD_CHARACTERS) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

/** Applies line mutations, then an optional cut at a byte: the bytes of a damaged file. */
export function mutate(lines: readonly string[], mutations: readonly Mutation[]): Uint8Array {
  const out = [...lines];
  let cutAt: number | null = null;
  for (const m of mutations) {
    const i = out.length === 0 ? 0 : m.at % out.length;
    const line = out[i] ?? '';
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'duplicate') out.splice(i, 0, line);
    else if (m.kind === 'upper') out[i] = line.toUpperCase();
    else if (m.kind === 'lower') out[i] = line.toLowerCase();
    else if (m.kind === 'swap') {
      const j = out.length === 0 ? 0 : m.other % out.length;
      [out[i], out[j]] = [out[j] ?? '', line];
    } else if (m.kind === 'huge') out[i] = `${line} `.repeat(1 + (m.other % 500)).slice(0, 30_000);
    else if (m.kind === 'insert') out.splice(i, 0, m.line);
    else if (m.kind === 'unicode') {
      const at = line.length === 0 ? 0 : m.other % (line.length + 1);
      out[i] = m.char === '\r' ? `${line}\r` : `${line.slice(0, at)}${m.char}${line.slice(at)}`;
    } else cutAt = m.at;
  }
  const bytes = Buffer.from(out.join('\n'), 'utf8');
  return cutAt === null ? bytes : bytes.subarray(0, cutAt % (bytes.length + 1));
}

/** A damaged seed or layout fixture. */
export const mutatedBaseUpdate: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.nat({ max: BASE_UPDATES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([base, mutations]) => mutate(BASE_UPDATES[base]!.split('\n'), mutations));

/** A damaged synthetic Update (of the first 200, the bench's shape). */
export const mutatedSyntheticUpdate: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.nat({ max: 199 }), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([index, mutations]) => mutate(syntheticUpdate(index).split('\n'), mutations));

/** Marker and random lines after a headline: the parser sees an Update and must make sense of the rest. */
export const linesAfterHeadline: fc.Arbitrary<Uint8Array> = fc
  .array(fc.oneof(fc.constantFrom(...MARKER_LINES), fc.string({ maxLength: 60 })), { maxLength: 60 })
  .map((lines) => Buffer.from(['UPDATE NO 9 9 September 2022', ...lines].join('\n'), 'utf8'));

/** Any text at all, valid UTF-8 or not. */
export const randomText: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }).map((text) => Buffer.from(text, 'utf8')),
  fc.uint8Array({ maxLength: 400 }),
);

/** Every kind of input, damaged Updates most often. */
export const fuzzedUpdate: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: mutatedBaseUpdate, weight: 4 },
  { arbitrary: mutatedSyntheticUpdate, weight: 3 },
  { arbitrary: linesAfterHeadline, weight: 2 },
  { arbitrary: randomText, weight: 1 },
);

/** `count` inputs from `fuzzedUpdate`, the same for the same seed. */
export const sampleFuzzedUpdates = (count: number, seed: number): Uint8Array[] =>
  fc.sample(fuzzedUpdate, { numRuns: count, seed });

/** Where a property value breaks the model's type, or null. */
function typeMisfit(type: PropertyType, value: unknown): string | null {
  if (value === null) return null;
  const ok =
    type === 'int'
      ? Number.isInteger(value)
      : type === 'boolean'
        ? typeof value === 'boolean'
        : type === 'string[]'
          ? Array.isArray(value) && value.every((v) => typeof v === 'string')
          : type === 'date'
            ? typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
            : typeof value === 'string';
  return ok ? null : `${JSON.stringify(value)} is not ${type}`;
}

/**
 * What breaks the graph model (src/graph) in one Update's records: a node property the label does not store
 * or of the wrong type, an edge of the wrong labels, an end among neither the records nor the reference
 * nodes, evidence without a quote or from another Update. Empty when the records fit.
 */
export function recordMisfits(
  records: GraphRecords,
  referenceUids: ReadonlySet<string> = new Set(),
): string[] {
  const misfits: string[] = [];
  const uids = new Set(records.nodes.map((n) => `${n.label}:${n.key}`));
  for (const node of records.nodes) {
    const known = NODE_PROPERTIES[node.label] as Record<string, PropertyType>;
    if (node.key === '') misfits.push(`${node.label} with an empty key`);
    for (const [name, value] of Object.entries(node.props)) {
      const type = known[name];
      const wrong = type === undefined ? 'not in NODE_PROPERTIES' : typeMisfit(type, value);
      if (wrong !== null) misfits.push(`${node.label}:${node.key}.${name}: ${wrong}`);
    }
  }
  for (const edge of records.edges) {
    const spec = EDGE_CATALOGUE[edge.type];
    const name = `${edge.type} ${edge.from.label}:${edge.from.key}→${edge.to.label}:${edge.to.key}`;
    if (!spec.from.includes(edge.from.label) || !spec.to.includes(edge.to.label))
      misfits.push(`${name}: labels not in the catalogue`);
    for (const end of [edge.from, edge.to]) {
      const uid = `${end.label}:${end.key}`;
      if (!uids.has(uid) && !referenceUids.has(uid)) misfits.push(`${name}: ${uid} is not among the records`);
    }
    for (const [prop, value] of Object.entries(edge.props)) {
      const type = (spec.props as Record<string, PropertyType>)[prop];
      const wrong = type === undefined ? 'not in the catalogue' : typeMisfit(type, value);
      if (wrong !== null) misfits.push(`${name}.${prop}: ${wrong}`);
    }
    if (edge.evidence.quote.trim() === '') misfits.push(`${name}: evidence without a quote`);
    if (!new RegExp(`^(?:issue:)?${records.issueNumber}(?:/|$)`).test(edge.evidence.source))
      misfits.push(`${name}: evidence from ${edge.evidence.source}, not Update ${records.issueNumber}`);
  }
  return misfits;
}

export type FuzzOutcome =
  | { kind: 'records'; records: GraphRecords; misfits: string[] }
  | { kind: 'refused'; error: UpdateParseError }
  | { kind: 'uncaught'; error: unknown };

/**
 * One input through what `ingest` runs before loading (decode as parseUpdateFile does, parse, extract), with
 * the records checked against the model. `refused` is the parser's coded error; `uncaught` anything else,
 * which is a bug: ingest would report it only as "cannot be extracted".
 */
export function textToRecords(bytes: Uint8Array, file: string, resolver: Resolver): FuzzOutcome {
  try {
    const doc = parseUpdate(decodeUpdate(bytes, file), file, parseOptions);
    const checked = updateDocument.safeParse(doc);
    if (!checked.success) throw new Error(`invalid document: ${checked.error.message}`);
    const records = extractGraph(doc, resolver);
    return { kind: 'records', records, misfits: recordMisfits(records) };
  } catch (error) {
    if (error instanceof UpdateParseError) return { kind: 'refused', error };
    return { kind: 'uncaught', error };
  }
}
