import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { updateDocument } from '../../src/parse/document.js';
import { parseUpdate, UpdateParseError } from '../../src/parse/index.js';
import { decodeUpdate } from '../../src/parse/input.js';
import { readFileSync } from 'node:fs';
import { fixturePath, LAYOUT_FIXTURES, SEEDS, seedText } from './helpers.js';

/** Whatever the input, the parser either returns a valid document or throws UpdateParseError. */
function parsesOrRefuses(text: string | (() => string)): void {
  try {
    const doc = parseUpdate(typeof text === 'string' ? text : text(), 'random.txt');
    const checked = updateDocument.safeParse(doc);
    if (!checked.success) throw new Error(`invalid document: ${checked.error.message}`);
  } catch (error) {
    if (!(error instanceof UpdateParseError)) throw error;
  }
}

/** The seeds and the handwritten layout fixtures of every era, each as lines to mutate. */
const seeds = [
  ...SEEDS.map((name) => seedText(name)),
  ...LAYOUT_FIXTURES.map((name) => readFileSync(fixturePath(name), 'utf8')),
].map((text) => text.split('\n'));

interface Mutation {
  kind: 'drop' | 'duplicate' | 'upper' | 'lower' | 'truncate';
  at: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(
    'drop' as const,
    'duplicate' as const,
    'upper' as const,
    'lower' as const,
    'truncate' as const,
  ),
  at: fc.nat(),
});

/** Applies line mutations, then an optional cut at a byte, decoded as parseUpdateFile would decode it. */
function mutate(lines: string[], mutations: Mutation[]): () => string {
  const out = [...lines];
  let cutAt: number | null = null;
  for (const m of mutations) {
    const i = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'duplicate') out.splice(i, 0, out[i] ?? '');
    else if (m.kind === 'upper') out[i] = (out[i] ?? '').toUpperCase();
    else if (m.kind === 'lower') out[i] = (out[i] ?? '').toLowerCase();
    else cutAt = m.at;
  }
  const bytes = Buffer.from(out.join('\n'), 'utf8');
  return () =>
    decodeUpdate(cutAt === null ? bytes : bytes.subarray(0, cutAt % (bytes.length + 1)), 'mutated.txt');
}

describe('parser robustness', () => {
  it('never throws anything but UpdateParseError on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => parsesOrRefuses(text)),
      { numRuns: 500 },
    );
  });

  it('never throws anything but UpdateParseError on random lines after a headline', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '',
        'Action Required:',
        'Programme:',
        'Update:',
        'Key Dates:',
        'Network dates:',
        'Tools & Templates',
        'Contact Details',
        'Reminders from previous weeks',
        '  • 5 April 2019 – 10.30-12.30',
        'Triad 1 – Kent and Medway on Friday 1 March 2019',
        'as at 29/7/22 Days Waited National Rank',
        '1 Kent ILACS1 Good 1 2',
        'Role: Name (Org (X))',
        'X published by Y 26 March 202',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) =>
        parsesOrRefuses(['UPDATE NO 9 9 September 2022', ...lines].join('\n')),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws anything but UpdateParseError on mutated seeds and layout fixtures', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        (seed, mutations) => parsesOrRefuses(mutate(seeds[seed] ?? [], mutations)),
      ),
      { numRuns: 300 },
    );
  });

  it('returns valid documents for the seeds and layout fixtures themselves', () => {
    for (const lines of seeds)
      expect(updateDocument.safeParse(parseUpdate(lines.join('\n'), 'fixture.txt')).success).toBe(true);
  });
});
