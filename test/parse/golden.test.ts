import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { updateDocument, type UpdateDocument } from '../../src/parse/document.js';
import { parseUpdate } from '../../src/parse/index.js';
import { fixturePath, parseOptions, SEEDS, seedText } from './helpers.js';

/**
 * The expected documents in test/fixtures/parse/golden were written from the Update text, not
 * from parser output. They hold the stable-contract fields, table rows, participants, each item's
 * first line and the lines that must carry a warning.
 */
type Golden = Pick<UpdateDocument, 'meetings' | 'publications' | 'contacts' | 'tables'> & {
  issue: Omit<UpdateDocument['issue'], 'sourceFile'>;
  items: { title: string; section: string; actionRequired: string | null; lines: { start: number } }[];
  warningLines: number[];
};

describe.each(SEEDS)('golden %s', (seed) => {
  const golden = JSON.parse(readFileSync(fixturePath(`golden/${seed}.json`), 'utf8')) as Golden;
  const doc = parseUpdate(seedText(seed), `seed/${seed}.txt`, parseOptions);

  it('validates against the zod contract', () => {
    expect(() => updateDocument.parse(doc)).not.toThrow();
  });

  it('reads the issue header', () => {
    expect({ ...doc.issue, sourceFile: undefined }).toEqual({ ...golden.issue, sourceFile: undefined });
  });

  it('finds every item with its title, section, first line and action text', () => {
    const items = doc.items.map((i) => ({
      title: i.title,
      section: i.section,
      actionRequired: i.actionRequired,
      lines: { start: i.lines.start },
    }));
    expect(items.map((i) => i.title)).toEqual(golden.items.map((i) => i.title));
    golden.items.forEach((expected, k) => expect(items[k], expected.title).toEqual(expected));
  });

  it('reads every meeting', () => {
    expect(doc.meetings.map((m) => m.line)).toEqual(golden.meetings.map((m) => m.line));
    golden.meetings.forEach((expected, k) => {
      const { raw: _raw, ...actual } = doc.meetings[k] ?? ({} as UpdateDocument['meetings'][number]);
      expect(actual, `meeting on line ${expected.line}`).toEqual(expected);
    });
  });

  it('reads every publication line', () => {
    expect(doc.publications.map((p) => p.line)).toEqual(golden.publications.map((p) => p.line));
    golden.publications.forEach((expected, k) =>
      expect(doc.publications[k], `publication on line ${expected.line}`).toEqual(expected),
    );
  });

  it('reads every contact', () => {
    expect(doc.contacts.map((c) => c.name)).toEqual(golden.contacts.map((c) => c.name));
    golden.contacts.forEach((expected, k) => expect(doc.contacts[k], expected.name).toEqual(expected));
  });

  it('reads the tables', () => {
    expect(doc.tables).toEqual(golden.tables);
  });

  it('warns on exactly the expected lines', () => {
    expect(doc.warnings.map((w) => w.line)).toEqual(golden.warningLines);
  });
});
