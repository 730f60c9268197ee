import { describe, expect, it } from 'vitest';
import { cleanTitle, sameDocument } from '../../src/extract/titles.js';

describe('clean report titles', () => {
  it('drops the clause after the title and the words that describe it before', () => {
    expect(
      cleanTitle('guidance on Schools Causing Concern which will come into force on 1 September 2022'),
    ).toBe('guidance on Schools Causing Concern');
    expect(cleanTitle('changes to the Schools Admissions Code which closes on 16 October 2020')).toBe(
      'changes to the Schools Admissions Code',
    );
    expect(cleanTitle('The revised guidance Keeping Children Safe in Education 2018')).toBe(
      'Keeping Children Safe in Education 2018',
    );
    expect(cleanTitle('new Memorandum of Understanding')).toBe('Memorandum of Understanding');
    expect(cleanTitle('Vulnerable children and the lockdown: a')).toBe(
      'Vulnerable children and the lockdown',
    );
  });

  it('leaves a title that is only a title as written', () => {
    expect(cleanTitle('Born into care: 1000 mothers in care proceedings in Wales')).toBe(
      'Born into care: 1000 mothers in care proceedings in Wales',
    );
    expect(cleanTitle('Children who are looked after, and the data that describes them')).toBe(
      'Children who are looked after, and the data that describes them',
    );
  });
});

describe('two titles of one document', () => {
  it('are merged when one is whole parts of the other, and the reason says so', () => {
    expect(
      sameDocument(
        'Life Online for Vulnerable Young People',
        'Refuge and Risk Report – Life Online for Vulnerable Young People',
      ),
    ).toMatch(/whole parts .* "refuge and risk report"/);
    expect(sameDocument('Regional Improvement Plan', 'Regional Improvement Plan 2022-2023')).toMatch(/years/);
    expect(
      sameDocument('Main findings: children’s social care', 'Main findings: Children’s Social Care'),
    ).toBe('the same words');
  });

  it('are not merged for another version, another qualifier, other years or a short title', () => {
    expect(
      sameDocument(
        'Regional Improvement Plan 2019-20',
        'Regional Improvement Plan 2019-20 consultation draft',
      ),
    ).toBeNull();
    expect(
      sameDocument('Regional Improvement Plan 2022-2023', 'SE19 SEND Regional Improvement Plan 2022-2023'),
    ).toBeNull();
    expect(sameDocument('Regional Improvement Plan 2019-20', 'Regional Improvement Plan 2022-23')).toBeNull();
    expect(sameDocument('Main findings', 'Main findings: children’s social care in England 2022')).toBeNull();
  });
});

describe('clean titles keep a kind word that leads the title', () => {
  it('drops "updated" but not "guidance on" before a lower-case title', () => {
    expect(
      cleanTitle('updated guidance on virtual school head role extension to children with a social worker'),
    ).toBe('guidance on virtual school head role extension to children with a social worker');
    expect(
      cleanTitle('updated version of Sustainability in high needs systems Guidance for local authorities'),
    ).toBe('Sustainability in high needs systems Guidance for local authorities');
  });
});
