import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { updateDocument } from '../../src/parse/document.js';
import { parseUpdate, UpdateParseError } from '../../src/parse/index.js';
import { decodeUpdate } from '../../src/parse/input.js';
import { BASE_UPDATES, linesAfterHeadline, mutatedBaseUpdate, randomText } from '../support/fuzz.js';

/** Whatever the input, the parser either returns a valid document or throws UpdateParseError. */
function parsesOrRefuses(bytes: Uint8Array): void {
  try {
    const doc = parseUpdate(decodeUpdate(bytes, 'random.txt'), 'random.txt');
    const checked = updateDocument.safeParse(doc);
    if (!checked.success) throw new Error(`invalid document: ${checked.error.message}`);
  } catch (error) {
    if (!(error instanceof UpdateParseError)) throw error;
  }
}

describe('parser robustness', () => {
  it('never throws anything but UpdateParseError on random text', () => {
    fc.assert(fc.property(randomText, parsesOrRefuses), { numRuns: 500 });
  });

  it('never throws anything but UpdateParseError on random lines after a headline', () => {
    fc.assert(fc.property(linesAfterHeadline, parsesOrRefuses), { numRuns: 500 });
  });

  it('never throws anything but UpdateParseError on mutated seeds and layout fixtures', () => {
    fc.assert(fc.property(mutatedBaseUpdate, parsesOrRefuses), { numRuns: 300 });
  });

  it('returns valid documents for the seeds and layout fixtures themselves', () => {
    for (const text of BASE_UPDATES)
      expect(updateDocument.safeParse(parseUpdate(text, 'fixture.txt')).success).toBe(true);
  });
});
