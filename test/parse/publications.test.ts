import { describe, expect, it } from 'vitest';
import { readPublication } from '../../src/parse/publications.js';

/** Tools & Templates lines of our own writing, in the shapes the Updates use. */
const reference = { year: 2023, month: 6, day: 30 };
const read = (text: string) => readPublication({ no: 7, text }, reference, () => undefined).publications;
const titles = (text: string) => read(text).map((p) => p.title);

describe('where a publication title ends', () => {
  it('before a clause about the document: "which …", ", which …", "that …"', () => {
    expect(
      titles(
        'On 20 June DfE published interim guidance on school transport which applies from 1 September 2023',
      ),
    ).toEqual(['interim guidance on school transport']);
    expect(titles('On 21 June Ofsted published its annual review, which covers all inspections')).toEqual([
      'annual review',
    ]);
    expect(titles('On 22 June LGA published a short guide that councils can adapt')).toEqual(['short guide']);
  });

  it('before "is here" / "can be found here", also on a line in no known shape', () => {
    expect(titles('The regional sufficiency toolkit is here')).toEqual(['The regional sufficiency toolkit']);
    expect(titles('On 23 June NSPCC published Safer recruitment checklists which can be found here')).toEqual(
      ['Safer recruitment checklists'],
    );
  });

  it('keeps "about" inside a title', () => {
    expect(titles('On 24 June Ofsted published News story about revisits to local areas')).toEqual([
      'News story about revisits to local areas',
    ]);
  });
});

describe('a line naming several documents', () => {
  it('yields each when it says how many, the publisher from the count phrase', () => {
    expect(
      read(
        'Caring for kinship families and Kinship carers: what the data says Two Family Rights briefings published 12 June 2023',
      ).map((p) => [p.title, p.publisher, p.date]),
    ).toEqual([
      ['Caring for kinship families', 'Family Rights', '2023-06-12'],
      ['Kinship carers: what the data says', 'Family Rights', '2023-06-12'],
    ]);
  });

  it('yields each when "and the" joins titles that each end in their year', () => {
    expect(
      titles(
        'On 2 June the Steering Group approved the Workforce Plan 2023-2024 and the SEND Workforce Plan 2023-2024.',
      ),
    ).toEqual(['Workforce Plan 2023-2024', 'SEND Workforce Plan 2023-2024']);
  });

  it('keeps one title when "and" joins words of one title', () => {
    expect(titles('On 5 June DfE published Fostering and Adoption: national statistics')).toEqual([
      'Fostering and Adoption: national statistics',
    ]);
  });
});
