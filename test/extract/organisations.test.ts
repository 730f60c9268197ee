import { describe, expect, it } from 'vitest';
import { bodiesByShape } from '../../src/extract/organisations.js';
import { loadResolver } from '../../src/load/reference.js';
import { isPostalAddress } from '../../src/text/addresses.js';

const shapes = async (sentence: string): Promise<string[]> => {
  const resolver = await loadResolver();
  return bodiesByShape(sentence, resolver.findMentions(sentence)).map((b) => b.text);
};

describe('bodies data/ does not know, by the shape of their name', () => {
  it('reads a name ending in a body word, and a body word followed by "for"/"of" and a name', async () => {
    expect(await shapes('The Mulberry Bush Foundation ran the training.')).toEqual([
      'Mulberry Bush Foundation',
    ]);
    expect(await shapes('A study by the Centre for Social Innovation and Growth finds')).toEqual([
      'Centre for Social Innovation and Growth',
    ]);
    expect(await shapes('Researchers at the University of Roehampton found')).toEqual([
      'University of Roehampton',
    ]);
  });

  it('does not read a kind of body, a bare body word, or a piece of a known name', async () => {
    expect(await shapes('to act as a Regional Improvement Alliance from 2019')).toEqual([]);
    expect(await shapes('The Trust will report in May.')).toEqual([]);
    expect(await shapes('The Institute for Fiscal Studies reports')).toEqual([]);
    expect(await shapes('by Professor Judith Masson University of Bristol')).toEqual([]);
    expect(await shapes('On 3 June the Local Government Association published')).toEqual([]);
  });
});

describe('postal addresses', () => {
  it('are sentences holding a UK postcode', () => {
    expect(isPostalAddress('Department for Education, Sanctuary Buildings, London SW1P 3BT.')).toBe(true);
    expect(isPostalAddress('Write to us at Feethams, Darlington DL1 5QE')).toBe(true);
    expect(isPostalAddress('The SE19 network meets on 14 September 2022.')).toBe(false);
  });
});
