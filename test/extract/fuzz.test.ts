import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Resolver } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';
import { parseUpdate } from '../../src/parse/index.js';
import {
  BASE_UPDATES,
  linesAfterHeadline,
  mutatedBaseUpdate,
  mutatedSyntheticUpdate,
  randomText,
  sampleFuzzedUpdates,
  textToRecords,
} from '../support/fuzz.js';

/**
 * Text → records, the whole path `ingest` runs before loading, under 1,100 damaged and random Updates: each
 * gives records that fit the graph model, or the parser's coded refusal naming file and line. Anything else
 * (a TypeError, a plain Error from an internal check) fails, printing the shrunk input.
 */

let resolver: Resolver;
beforeAll(async () => {
  resolver = await loadResolver();
});

const show = (bytes: Uint8Array): string => JSON.stringify(Buffer.from(bytes).toString('utf8'));

function fitsOrRefuses(bytes: Uint8Array): void {
  const outcome = textToRecords(bytes, 'fuzzed.txt', resolver);
  if (outcome.kind === 'uncaught') {
    const error = outcome.error as Error;
    throw new Error(`uncaught ${error.name}: ${error.message}\non ${show(bytes)}\n${error.stack ?? ''}`);
  }
  if (outcome.kind === 'records' && outcome.misfits.length > 0)
    throw new Error(`records off the model: ${outcome.misfits.slice(0, 5).join('; ')}\non ${show(bytes)}`);
}

/**
 * The same, handing the event loop back between inputs: a minute of synchronous work would starve the test
 * worker's messages to vitest on a busy machine.
 */
async function fitsOrRefusesAsync(bytes: Uint8Array): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  fitsOrRefuses(bytes);
}

const SEED = 20261201;
/** Room for a machine busy with other work: the speed of extract is the bench's business, not this test's. */
const TIME = 300_000;

describe('parse → extract → records under fuzzing', () => {
  it(
    'fits the model or refuses with a coded error: damaged seeds and layout fixtures',
    async () => {
      await fc.assert(fc.asyncProperty(mutatedBaseUpdate, fitsOrRefusesAsync), { numRuns: 500, seed: SEED });
    },
    TIME,
  );

  it(
    'fits the model or refuses with a coded error: damaged synthetic Updates',
    async () => {
      await fc.assert(fc.asyncProperty(mutatedSyntheticUpdate, fitsOrRefusesAsync), {
        numRuns: 300,
        seed: SEED,
      });
    },
    TIME,
  );

  it('fits the model or refuses with a coded error: marker and random lines after a headline', async () => {
    await fc.assert(fc.asyncProperty(linesAfterHeadline, fitsOrRefusesAsync), { numRuns: 200, seed: SEED });
  });

  it('fits the model or refuses with a coded error: random text and bytes', async () => {
    await fc.assert(fc.asyncProperty(randomText, fitsOrRefusesAsync), { numRuns: 100, seed: SEED });
  });

  it('gives records that fit the model for the seeds and layout fixtures themselves', () => {
    for (const text of BASE_UPDATES) {
      const outcome = textToRecords(Buffer.from(text, 'utf8'), 'fixture.txt', resolver);
      expect(outcome).toMatchObject({ kind: 'records', misfits: [] });
    }
  });

  it(
    'mostly gives records, not refusals: the damage leaves an Update to read',
    () => {
      const kinds = { records: 0, refused: 0, uncaught: 0 };
      for (const bytes of sampleFuzzedUpdates(200, SEED))
        kinds[textToRecords(bytes, 'f.txt', resolver).kind] += 1;
      expect(kinds.uncaught).toBe(0);
      expect(kinds.records).toBeGreaterThan(kinds.refused);
    },
    TIME,
  );
});

describe('regressions the fuzzer found', () => {
  const seed515 = readFileSync('seed/update-515-2022-07-22.txt', 'utf8').split('\n');

  it('an item whose title line is deleted is quoted by its first words', () => {
    // Line 21 is the first item's title, under "Programme:" and above "Update:".
    const outcome = textToRecords(
      Buffer.from([...seed515.slice(0, 20), ...seed515.slice(21)].join('\n')),
      'u.txt',
      resolver,
    );
    expect(outcome).toMatchObject({ kind: 'records', misfits: [] });
    const first =
      outcome.kind === 'records' ? outcome.records.edges.find((e) => e.type === 'HAS_ITEM') : undefined;
    expect(first?.evidence.quote).toMatch(/^On 1 July, SESLIP Steering Group issued/);
  });

  it('an item with neither title nor text is left out with a warning', () => {
    const text = ['UPDATE NO 9 9 September 2022', '', 'Programme:', '', 'Action Required:', ''].join('\n');
    const outcome = textToRecords(Buffer.from(text), 'u.txt', resolver);
    expect(outcome).toMatchObject({ kind: 'records', misfits: [] });
    if (outcome.kind !== 'records') return;
    expect(outcome.records.nodes.filter((n) => n.label === 'Item')).toEqual([]);
    expect(parseUpdate(text, 'u.txt').warnings).toContainEqual({
      line: 3,
      message: 'an item with neither title nor text: not read as an item',
    });
  });
});
