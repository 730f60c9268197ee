import { describe, expect, it } from 'vitest';
import { canonicalPersonName, possiblySamePerson } from '../../src/extract/people.js';
import { loadResolver } from '../../src/load/reference.js';

describe('canonicalPersonName', () => {
  it('files a nickname as a variant', () => {
    expect(canonicalPersonName('Philip (Phil) Simpkins')).toEqual({
      name: 'Philip Simpkins',
      variants: ['Phil Simpkins', 'Philip (Phil) Simpkins'],
    });
  });

  it('drops titles and stray spacing, keeping the form as written', () => {
    expect(canonicalPersonName('Prof. Eamon McCrory ')).toEqual({
      name: 'Eamon McCrory',
      variants: ['Prof. Eamon McCrory'],
    });
    expect(canonicalPersonName('Dr  Camilla Parker')).toEqual({
      name: 'Camilla Parker',
      variants: ['Dr Camilla Parker'],
    });
    expect(canonicalPersonName('Professor Judith Masson').name).toBe('Judith Masson');
    expect(canonicalPersonName('Richard Tyndall')).toEqual({ name: 'Richard Tyndall', variants: [] });
  });
});

describe('possiblySamePerson', () => {
  it('doubts different names with the same surname and first initial', () => {
    expect(possiblySamePerson('Phil Simpkins', 'Philip Simpkins')).toBe(true);
    expect(possiblySamePerson('Mark Evans', 'Martin Evans')).toBe(true);
  });

  it('does not doubt names known to be the same', () => {
    expect(possiblySamePerson('Philip (Phil) Simpkins', 'Phil Simpkins')).toBe(false);
    expect(possiblySamePerson('Dr Camilla Parker', 'Camilla Parker')).toBe(false);
    expect(possiblySamePerson('Mark Evans', 'mark evans')).toBe(false);
  });

  it('does not link people who differ in surname or initial, or a bare first name', () => {
    expect(possiblySamePerson('Mark Evans', 'Rebecca Evans')).toBe(false);
    expect(possiblySamePerson('Isabelle Gregory', 'Isabelle Trowler')).toBe(false);
    expect(possiblySamePerson('Isabelle', 'Isabelle Gregory')).toBe(false);
  });
});

describe('resolvePerson', () => {
  it('uses the variants known in people.json', async () => {
    const resolver = await loadResolver();
    expect(resolver.resolvePerson('Phil Simpkins')).toEqual({
      name: 'Philip Simpkins',
      variants: ['Phil Simpkins', 'Philip (Phil) Simpkins'],
    });
    expect(resolver.resolvePerson('Luke Ede')).toEqual({ name: 'Luke Ede', variants: [] });
  });
});
