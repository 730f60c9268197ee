import { describe, expect, it } from 'vitest';
import { splitHonorific } from '../../src/text/honorifics.js';
import { withoutProfessionLists } from '../../src/text/lists.js';
import { firstSentence, sentences } from '../../src/text/sentences.js';

describe('sentences', () => {
  it('ends at . ! ? before a capital, not after an honorific, an abbreviation or an initial', () => {
    expect(
      sentences('Prof. Eamon McCrory spoke. Cllr. Tom Harding replied. See No. 7 in S.E. Region. Done!'),
    ).toEqual([
      'Prof. Eamon McCrory spoke.',
      'Cllr. Tom Harding replied.',
      'See No. 7 in S.E. Region.',
      'Done!',
    ]);
  });

  it('splits lines and glued sentences', () => {
    expect(sentences('a new Memorandum of UnderstandingThis reflects it\nNext line')).toEqual([
      'a new Memorandum of Understanding',
      'This reflects it',
      'Next line',
    ]);
    expect(firstSentence('Closes on 16 October. It was based on Dr. Smith’s work.')).toBe(
      'Closes on 16 October.',
    );
  });

  it('keeps a year after a question with its title, and ends a question before other numbers', () => {
    expect(sentences('NSPCC published How safe are our children? 2018 Read it now')).toEqual([
      'NSPCC published How safe are our children? 2018 Read it now',
    ]);
    expect(sentences('Who replied? 12 authorities did. Why? (See below)')).toEqual([
      'Who replied?',
      '12 authorities did.',
      'Why?',
      '(See below)',
    ]);
    // The parser cuts a publication's title with the same rule.
    expect(firstSentence('How safe are our children? 2018. It reports on NSPCC data.')).toBe(
      'How safe are our children? 2018.',
    );
  });
});

describe('honorifics', () => {
  it('leave the name and are kept apart, longest form first', () => {
    expect(splitHonorific('Cllr Tom Harding')).toEqual({ honorific: 'Cllr', name: 'Tom Harding' });
    expect(splitHonorific('Mr Justice Keehan')).toEqual({ honorific: 'Mr Justice', name: 'Keehan' });
    expect(splitHonorific('Prof. Dame Sue Bailey')).toEqual({ honorific: 'Prof. Dame', name: 'Sue Bailey' });
    expect(splitHonorific('Sarah Whitfield')).toEqual({ honorific: null, name: 'Sarah Whitfield' });
    expect(splitHonorific('Drew Barker')).toEqual({ honorific: null, name: 'Drew Barker' });
  });
});

describe('lists of professions', () => {
  it('are blanked out of a text read for topics; other lists stay', () => {
    const who =
      'This includes social workers, police officers, housing officers, education staff, and others.';
    expect(withoutProfessionLists(who).trim()).toBe('.');
    const what = 'It covers adoption, fostering, kinship care and special guardianship.';
    expect(withoutProfessionLists(what)).toBe(what);
  });
});
