import { describe, expect, it } from 'vitest';
import { knownAuthorities, type ParseOptions } from '../../src/parse/index.js';
import { parseFixture, parseOptions } from './helpers.js';

/** One handwritten fixture per layout variation the Updates are known to use. */
const variant = (name: string) => parseFixture(`variants/${name}.txt`);
const titles = (name: string) => variant(name).items.map((i) => i.title);

describe('headline and boilerplate', () => {
  it('reads an ordinal, lower-case headline that appears once, skipping the boilerplate after it', () => {
    const doc = variant('headline-once-ordinal');
    expect(doc.issue).toMatchObject({ number: 552, date: '2023-04-14', truncated: false });
    expect(doc.issue.planReferences).toEqual([
      'Our Regional Improvement Plan for 2023-2024 can be found here',
    ]);
    expect(titles('headline-once-ordinal')).toEqual([
      'Family Hubs funding announced',
      'Second item with one blank after its heading',
    ]);
    expect(doc.items[0]?.actionRequired).toBe('Bids close on Friday 28 April 2023.');
    expect(doc.warnings).toEqual([]);
  });

  it('starts the body after the second headline and keeps a lone paragraph inside its item', () => {
    const doc = variant('headline-twice-double-blanks');
    expect(doc.issue).toMatchObject({
      number: 518,
      date: '2022-08-12',
      headline: 'UPDATE NO 518 12 August 2022',
    });
    expect(doc.items.map((i) => [i.title, i.paragraphs])).toEqual([
      ['First item', ['Only paragraph of the first item, standing between double blank lines.']],
      ['Second item', ['Body of the second item.']],
    ]);
    expect(doc.items[0]?.lines).toEqual({ start: 13, end: 16 });
    expect(doc.warnings).toEqual([]);
  });

  it('strips a UTF-8 BOM and accepts CRLF line ends', () => {
    expect(variant('bom').issue.number).toBe(412);
    const crlf = variant('crlf');
    expect(crlf.items.map((i) => [i.title, i.actionRequired])).toEqual([['CRLF item', 'Do it.']]);
    expect(crlf.contacts[0]?.organisation).toBe('East Sussex');
  });
});

describe('items', () => {
  it('uses "Programme:" labels for items and drops the "Update:" divider', () => {
    const doc = variant('programme-labels');
    expect(doc.items.map((i) => [i.title, i.section, i.programme, i.lines.start])).toEqual([
      ['New SESLIP MoU issued', 'main', '', 5],
      ['LGA code of practice on civil claims of non-recent CSA', 'main', '', 17],
      ['Future dates for network meetings', 'network-dates', '', 30],
      ['KS2 national headlines for 2022', 'reminders', '', 42],
    ]);
    expect(doc.items[0]?.paragraphs).toEqual([
      'On 1 July, SESLIP Steering Group issued a new Memorandum of UnderstandingThis reflects extended agreements.',
    ]);
    expect(doc.items[1]?.actionRequired).toBe(
      'It should be read alongside the Code of Practice.\nThis paragraph follows two blank lines but is still part of the item.',
    );
    expect(doc.meetings.map((m) => [m.network, m.date, m.time])).toEqual([
      ['AD Safeguarding', '2022-09-09', '10:00am'],
      ['AD Education', '2022-10-14', '10:00am'],
    ]);
  });

  it('reads Action Required as instructions, as a divider, as empty, and on the same line', () => {
    const doc = variant('action-required');
    expect(doc.items.map((i) => [i.title, i.actionRequired])).toEqual([
      [
        'Real instructions',
        'Please read the document and\n• reply to Isabelle\n• book a place\n2. Then tell your Lead Member.',
      ],
      ['Divider only', 'More body text after the divider.'],
      ['Marker followed by nothing', ''],
      ['Same line instructions', 'Please respond by 20 January.'],
    ]);
    expect(doc.items[0]?.paragraphs).toEqual(['Body text.']);
    expect(doc.items[0]?.lists).toEqual([]);
  });

  it('assigns sections: dates items get their own section and the items after them return', () => {
    const doc = variant('sections');
    expect(doc.items.map((i) => [i.title, i.section])).toEqual([
      ['Main item', 'main'],
      ['Key Dates:', 'key-dates'],
      ['Back in main', 'main'],
      ['Reminder item', 'reminders'],
      ['Network dates:', 'network-dates'],
      ['Back in reminders', 'reminders'],
    ]);
    expect(doc.items[1]?.actionRequired).toBeNull();
    expect(doc.meetings.map((m) => [m.network, m.date, m.time, m.topic, m.contact])).toEqual([
      ['Regional Improvement Summit', '2023-03-24', '10am-3pm', null, null],
      ['self-assessments due', '2023-01-20', null, null, null],
      ['QA Network', '2023-02-15', '2pm', null, 'Amanda Meadows'],
    ]);
    expect(doc.warnings.map((w) => w.message)).toContain(
      'no date for "Triad challenge days": not read as a meeting',
    );
    expect(doc.publications.map((p) => p.title)).toEqual(['SESLIP Leadership Development Prospectus']);
    expect(doc.contacts.map((c) => c.name)).toEqual(['Amanda Meadows']);
  });

  it('keeps bullets (nested by indentation), numbered lists, quotes, run-together words and typos as written', () => {
    const [item] = variant('bullets-and-text').items;
    expect(item?.paragraphs).toEqual([
      'The report, published by Oftsed, lists:',
      '“We have now agreed dates for 2023.  I am booking our normal venue.”',
      'The consultation document is hereThe existing version is here.',
    ]);
    expect(item?.lists).toEqual([
      {
        ordered: false,
        entries: [
          { text: 'inspection outcomes', depth: 0, line: 11 },
          { text: 'for local authorities', depth: 1, line: 12 },
          { text: 'for providers', depth: 1, line: 13 },
          { text: 'the number of providers', depth: 0, line: 14 },
        ],
      },
      {
        ordered: true,
        entries: [
          { text: 'Introduce training', depth: 0, line: 16 },
          { text: 'Adapt the questions', depth: 0, line: 17 },
        ],
      },
    ]);
  });
});

describe('contacts, tables, truncation', () => {
  it('reads contacts with nested parentheses, nicknames, and missing email or phone', () => {
    const doc = variant('contacts');
    expect(doc.contacts.map(({ line: _line, ...c }) => c)).toEqual([
      {
        role: 'Children’s Services Performance Manager, Convener Of SE Quality Assurance Network',
        name: 'Amanda Meadows',
        organisation: 'Hampshire',
        email: 'Amanda.meadows@hants.gov.uk',
        phone: '03707 794752',
      },
      {
        role: 'NHS (SE) CYP mental health',
        name: 'Gavin Lockhart',
        organisation: 'NHS England (South East)',
        email: null,
        phone: '07879 488307',
      },
      {
        role: 'LGA Corporate Improvement Adviser',
        name: 'Philip (Phil) Simpkins',
        organisation: 'LGA',
        email: 'philip.simpkins@btinternet.com',
        phone: null,
      },
      { role: 'Independent Chair', name: 'Jo Bloggs', organisation: null, email: null, phone: null },
      {
        role: 'S.E. Region SEND Network Programme Co-ordinator',
        name: 'Sheelagh Sullivan',
        organisation: 'South East Sector-Led Improvement Programme',
        email: null,
        phone: null,
      },
    ]);
    expect(doc.warnings.map((w) => w.line)).toEqual([32]);
  });

  it('reads a flattened inspection table, including two-word grades', () => {
    const [table] = variant('inspection-table').tables;
    expect(table?.item).toBe('ILACS1 inspections completed in the South East');
    expect(table?.lines).toEqual({ start: 15, end: 18 });
    expect(
      table?.rows.map((r) => [
        r.position,
        r.authority,
        r.inspection,
        r.grade,
        r.daysWaited,
        r.nationalRank,
        r.asAt,
      ]),
    ).toEqual([
      [1, 'Oxfordshire', 'ILACS1', 'Good', 1565, 13, '2022-07-29'],
      [2, 'Brighton and Hove', 'ILACS1', 'Good', 1481, 24, '2022-07-29'],
      [6, 'Slough', 'ILACS1', 'Requires Improvement', 1285, 47, '2022-07-29'],
    ]);
  });

  it('parses what is there of a file cut short, recovering the unmarked publication list', () => {
    const doc = variant('truncated');
    expect(doc.issue.truncated).toBe(true);
    expect(doc.items.map((i) => [i.title, i.actionRequired, i.lines.end])).toEqual([
      [
        'High needs provision capital allocations',
        'High needs provision capital allocations are provided to local authorities.',
        13,
      ],
    ]);
    expect(doc.publications.map((p) => [p.title, p.publisher, p.date])).toEqual([
      [
        'We have produced a Regional Improvement Plan which will underpin activities in 2020-2021',
        null,
        null,
      ],
      ['High needs provision capital allocations', 'DfE', '2021-04-09'],
      ['Social Work in England: First Reflections', 'Social Work England', '2021-01-20'],
    ]);
    expect(doc.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('no "Tools & Templates" header'),
      expect.stringContaining('not read as a publication'),
      expect.stringContaining('cut short'),
    ]);
  });
});

describe('meetings announced inside items', () => {
  it('reads dated titles, corrected title years, dates lists, triads and named event bullets', () => {
    const doc = variant('item-events');
    expect(doc.meetings.map((m) => [m.network, m.date, m.time, m.topic, m.participants])).toEqual([
      ['Regional Improvement Summit', '2019-03-22', '9.30am – 3.30pm', null, []],
      ['Public Law Outline Seminar', '2019-02-11', null, null, []],
      ['AD Education Network', '2018-12-14', null, null, []],
      ['AD Education Network', '2019-06-07', '10.30-12.30', null, []],
      ['Triad 3', '2019-02-15', null, 'triad challenge day', ['Hampshire', 'IoW', 'Milton Keynes', 'Slough']],
      [
        'Triad 4',
        '2019-02-15',
        null,
        'triad challenge day',
        ['Medway', 'Oxfordshire', 'Windsor and Maidenhead'],
      ],
      ['KEE 1', '2019-05-21', '1600-1700', 'Alternative Child Care Social Work Service Delivery Models', []],
    ]);
    expect(doc.meetings.every((m) => m.item !== null)).toBe(true);
    expect(doc.warnings.map((w) => w.line)).toEqual([12, 18]); // corrected PLO year; draft date is a document date
  });

  it('keeps an authority named with "and" whole only when the caller gives its name (read from data/)', () => {
    const triads = (options: ParseOptions) =>
      parseFixture('variants/item-events.txt', options)
        .meetings.filter((m) => m.network.startsWith('Triad'))
        .map((m) => m.participants);
    expect(triads(parseOptions)).toEqual([
      ['Hampshire', 'IoW', 'Milton Keynes', 'Slough'],
      ['Medway', 'Oxfordshire', 'Windsor and Maidenhead'],
    ]);
    expect(triads({})).toEqual([
      ['Hampshire', 'IoW', 'Milton Keynes', 'Slough'],
      ['Medway', 'Oxfordshire', 'Windsor', 'Maidenhead'],
    ]);
    expect(triads({ authorities: knownAuthorities(['WINDSOR AND MAIDENHEAD']) })[1]).toEqual([
      'Medway',
      'Oxfordshire',
      'Windsor and Maidenhead',
    ]);
  });
});

describe('publications', () => {
  it('reads every documented line shape', () => {
    const doc = variant('publications');
    expect(doc.publications.map((p) => [p.title, p.publisher, p.date, p.verb])).toEqual([
      ['Main findings: children’s social care in England 2022', 'Ofsted', '2022-07-07', 'published'],
      ['child exploitation disruption toolkit', 'DfE', '2022-07-19', 'updated'],
      ['Local authority school places scorecards 2019', 'DfE', '2020-06-25', 'published'],
      ['Consultation on new standards', 'SWE', '2022-05-09', 'published'],
      ['Teenagers falling through the gaps', 'Children’s Commissioner', '2020-07-07', 'published'],
      [
        'Briefing 56: Trauma, mental health and coronavirus',
        'Centre for Mental Health',
        '2020-05-05',
        'published',
      ],
      [
        'Coronavirus: children and young people’s mental health',
        'Centre for Mental Health',
        '2020-06-26',
        null,
      ],
      ['Research Briefing One: Risks from COVID-19', 'Birmingham University', '2020-07-03', null],
      [
        'The Liberty Protection Safeguards: Considerations for Consultation',
        'Dr Camilla Parker',
        '2022-05-20',
        null,
      ],
      ['proposals for a new judgement', 'Ofsted', '2022-06-20', 'launched a consultation'],
      ['press statement on SEND services', 'LGA', '2022-06-29', 'released'],
      ['Regional Improvement Plan 2022-2023', 'SESLIP Steering Group', '2022-07-01', 'approved'],
      ['new Memorandum of Understanding', 'SESLIP Steering Group', '2022-07-01', 'issued'],
      ['Improving families’ lives', 'DfE', null, 'published'],
      [
        'The MoC area of the Seslip website now includes the latest versions of key documents, including the:',
        null,
        null,
        null,
      ],
    ]);
    expect(doc.warnings.map((w) => [w.line, w.message])).toEqual([
      [39, 'year "202" in "26 March 202" cannot be read'],
      [41, expect.stringContaining('not read as a publication')],
    ]);
  });
});
