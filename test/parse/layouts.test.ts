import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUpdate } from '../../src/parse/index.js';
import { fixturePath, LAYOUT_FIXTURES, parseFixture } from './helpers.js';

/**
 * Handwritten Updates in each era's layout (test/fixtures/parse/layouts/<era>/), each with a
 * truncated variant. Every `<name>.labels.json` was written by reading its page before the code:
 * the layout and the item titles, in order.
 */
interface Labels {
  era: string;
  layout: string;
  titles: string[];
}

const labels = (name: string): Labels =>
  JSON.parse(readFileSync(fixturePath(name.replace(/\.txt$/, '.labels.json')), 'utf8')) as Labels;

describe.each(LAYOUT_FIXTURES)('%s', (name) => {
  const doc = parseFixture(name);
  const expected = labels(name);

  it('recognises the layout and finds exactly the labelled item titles', () => {
    expect(doc.issue.layout).toBe(expected.layout);
    expect(doc.items.map((i) => i.title)).toEqual(expected.titles);
  });

  it('is truncated exactly when it is a truncated variant', () => {
    expect(doc.issue.truncated).toBe(name.includes('-truncated'));
  });
});

const item = (name: string, title: string) => {
  const found = parseFixture(`layouts/${name}.txt`).items.find((i) => i.title === title);
  if (found === undefined) throw new Error(`no item "${title}" in ${name}`);
  return found;
};

describe('reading items in each layout', () => {
  it('keeps a sentence that follows two blank lines inside its item (2018)', () => {
    expect(
      item('2018-2019/update-305-2018-06-08', 'Early Help Practitioners Forum Summer Session').paragraphs,
    ).toEqual([
      'The forum meets on Wednesday 18 July 2018 in Guildford to share practice on family support.',
      'This paragraph stands after two blank lines and ends in a full stop, so it is not a title.',
    ]);
  });

  it('gives Action Required text after two blank lines to the item it stands in (2018)', () => {
    expect(
      item('2018-2019/update-322-2018-10-05', 'Self-assessment Workshop for Heads of Service').actionRequired,
    ).toMatch(/^The slides and the worked example/);
  });

  it('counts a bare Action Required label at the cut of a truncated page', () => {
    expect(
      item('2018-2019/update-322-2018-10-05-truncated', 'Care Leavers Covenant – Regional Sign-up')
        .actionRequired,
    ).toBe('');
  });

  it('drops a cut-off title at the end of a truncated page, with a warning on its line', () => {
    const doc = parseFixture('layouts/2019-2022/update-430-2020-11-20-truncated.txt');
    const last = doc.warnings.find((w) => w.message.includes('no text under it'));
    expect(last?.line).toBe(27);
  });

  it('keeps a sub-heading without a lead sentence inside its item (2023)', () => {
    const school = item('2023-2025/update-600-2024-03-08', 'School Places Outlook for the South East');
    expect(school.paragraphs).toEqual([
      'On 29 February DfE published School capacity and forecast places: spring estimates 2024',
      'What the figures mean for planning',
      'Councils with falling rolls may wish to review their admissions arrangements early.',
    ]);
    expect(school.lists[0]?.entries.map((e) => e.text)).toHaveLength(2);
  });

  it('reads "Action required:" in lower case and an item after the older double blank line (2025)', () => {
    expect(
      item('2023-2025/update-676-2025-09-05', 'Attendance toolkit for virtual schools').actionRequired,
    ).toBe('Share the toolkit with your virtual school head and designated teachers.');
    expect(
      item('2023-2025/update-676-2025-09-05', 'Quality Assurance Leads Development Day').lines.start,
    ).toBe(36);
  });

  it('reads the 2023 header as furniture, keeping its plan reference', () => {
    const doc = parseFixture('layouts/2023-2025/update-600-2024-03-08.txt');
    expect(doc.issue.planReferences).toEqual(['Our Regional Improvement Plan can be found here']);
    expect(doc.warnings.filter((w) => w.line < 13)).toEqual([]);
  });

  it('reads "Network dates:" lines under one dates item, dated lines as meetings, undated as warnings', () => {
    const doc = parseFixture('layouts/2023-2025/update-600-2024-03-08.txt');
    expect(doc.meetings.map((m) => [m.network, m.date, m.time, m.contact])).toEqual([
      ['AD Education', '2024-03-22', '10:00am', 'Omar Castell'],
      ['Fostering Network', '2024-04-16', null, 'Priya Malhotra'],
    ]);
    expect(doc.warnings).toEqual([
      { line: 44, message: 'no date for "Lead Members Group": not read as a meeting' },
    ]);
    expect(doc.undated.map((m) => [m.network, m.contact, m.line])).toEqual([
      ['Lead Members Group', 'Gareth Pryce', 44],
    ]);
  });

  it('reads a page whose headline stands part-way down, with "Programme:" labels (2022)', () => {
    const doc = parseFixture('layouts/2019-2022/update-505-2022-05-13.txt');
    expect(doc.issue).toMatchObject({ number: 505, date: '2022-05-13', layout: 'workstreams' });
    expect(doc.warnings.map((w) => w.line)).toContain(1);
  });
});

describe('dates lists at the cut of a 2023–2025 page', () => {
  it('reads a last "Network: date" line as a meeting, not as a cut-off title', () => {
    const text = [
      'Update no 601 15th March 2024',
      '',
      'Updates',
      '',
      'Reminders From Previous Weeks',
      '',
      'Future dates for network meetings',
      '',
      'Network dates:',
      '',
      'AD Safeguarding: Friday 12 April 2024 10:00am. More from Priya Malhotra (contact details below)',
      '',
      'Virtual School Heads: Monday 15 April 2024 at 2pm. Plea',
    ].join('\n');
    const doc = parseUpdate(text, 'cut.txt');
    expect(doc.meetings.map((m) => [m.network, m.date, m.time])).toEqual([
      ['AD Safeguarding', '2024-04-12', '10:00am'],
      ['Virtual School Heads', '2024-04-15', '2pm'],
    ]);
  });
});
