import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Mention } from '../../src/extract/resolve.js';
import { loadResolver } from '../../src/load/reference.js';

const resolver = await loadResolver();
const seedDir = new URL('../../seed/', import.meta.url);
const seeds = Object.fromEntries(
  readdirSync(seedDir).map((file) => [
    file.split('-')[1]!,
    readFileSync(new URL(file, seedDir), 'utf8').split('\n'),
  ]),
);
/** Line n (1-based) of the seed Update with that number. */
const seedLine = (update: string, n: number): string => seeds[update]![n - 1]!;
const allSeedLines = Object.values(seeds).flat();

const names = (text: string): string[] => resolver.findMentions(text).map((m) => `${m.kind}:${m.name}`);

describe('resolving a name as written', () => {
  it.each([
    ['qa network', 'network', 'SE Quality Assurance Network'],
    ['AD Education', 'network', 'AD Education Network'],
    ['Education Network', 'network', 'AD Education Network'],
    ['SE19 SEND', 'network', 'SEND SE19'],
    ['Oftsed', 'organisation', 'Ofsted'],
    ['the DfE', 'organisation', 'Department for Education'],
    ['Department for Education’s', 'organisation', 'Department for Education'],
    ['SESLI Programme', 'organisation', 'South East Sector-Led Improvement Programme'],
    ['LG Ombudsman', 'organisation', 'Local Government and Social Care Ombudsman'],
    ['NHS (SE)', 'organisation', 'NHS England (South East)'],
    ['Birmingham University', 'organisation', 'University of Birmingham'],
    ['EIF', 'organisation', 'Early Intervention Foundation'],
    ['IoW', 'authority', 'Isle of Wight'],
    ['ESCC', 'authority', 'East Sussex'],
    ['Kent CC', 'authority', 'Kent'],
    ['Hants', 'authority', 'Hampshire'],
    ['Brighton & Hove', 'authority', 'Brighton and Hove'],
    ['Royal Borough of Windsor and Maidenhead', 'authority', 'Windsor and Maidenhead'],
    ['Essex County Council', 'authority', 'Essex'],
  ])('%s → %s %s', (written, kind, name) => {
    expect(resolver.resolveEntity(written)).toMatchObject({ kind, entry: { name } });
  });

  it('answers only for the kind asked', () => {
    expect(resolver.resolveAuthority('Kent County Council')?.name).toBe('Kent');
    expect(resolver.resolveOrganisation('Kent County Council')).toBeUndefined();
    expect(resolver.resolveNetwork('Ofsted')).toBeUndefined();
    expect(resolver.resolveEntity('Nowhere Borough Council')).toBeUndefined();
  });

  it('keeps the SESLIP Steering Group apart from, and part of, the programme', () => {
    expect(resolver.resolveOrganisation('SESLIP Steering Group')).toMatchObject({
      kind: 'governance body',
      parent: 'South East Sector-Led Improvement Programme',
    });
  });
});

describe('findMentions', () => {
  it('finds the four authorities of seed 412 line 45, in order and where they are', () => {
    const line = seedLine('412', 45);
    const found = resolver.findMentions(line);
    expect(found.map((m) => m.name)).toEqual(['Hampshire', 'Isle of Wight', 'Southampton', 'Portsmouth']);
    for (const m of found) expect(line.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
  });

  it('reads "Kent County Council" (seed 330) as one mention of Kent, and finds the universities', () => {
    const line = seedLine('330', 102);
    expect(line).toMatch(/^Kent County Council have set up a seminar/);
    expect(resolver.findMentions(line).filter((m) => m.kind === 'authority')).toMatchObject([
      { name: 'Kent', text: 'Kent County Council', offset: 0 },
    ]);
    expect(names(line)).toEqual([
      'authority:Kent',
      'organisation:University of Bristol',
      'organisation:University of East Anglia',
    ]);
  });

  it('does not take the verb "reading" for Reading, but does take Reading', () => {
    expect(names(seedLine('515', 117))).toEqual([]);
    expect(seedLine('515', 117)).toMatch(/reading, writing and maths/);
    expect(names(seedLine('412', 83))).toEqual([
      'authority:Isle of Wight',
      'authority:Slough',
      'authority:Isle of Wight',
      'authority:Reading',
    ]);
    expect(names('Please read the slough of reports before reading week in kent.')).toEqual([]);
  });

  it('lets the longest name win', () => {
    expect(names('East Sussex County Council')).toEqual(['authority:East Sussex']);
    expect(names('Research from the University of Kent')).toEqual(['organisation:University of Kent']);
    expect(names('leaders across Hampshire STP')).toEqual([
      'organisation:Hampshire and Isle of Wight Sustainability and Transformation Partnership',
    ]);
    const contact = seedLine('515', 255);
    expect(contact).toBe('NHS (SE) CYP mental health: Gavin Lockhart (NHS England (South East))');
    expect(resolver.findMentions(contact)).toMatchObject([
      { kind: 'network', name: 'CYP Mental Health Network', text: 'NHS (SE) CYP mental health' },
      { kind: 'organisation', name: 'NHS England (South East)', text: 'NHS England (South East)' },
    ]);
  });

  it('matches acronyms only in their own case', () => {
    expect(names('Please send your comments and rip up the old form')).toEqual([]);
    expect(names('Learning from the Programme Review published by RiP')).toEqual([
      'organisation:Research in Practice',
    ]);
    expect(names('carly.bain@iow.gov.uk')).toEqual([]);
    expect(names('Triad 3 – Hampshire and IoW, Milton Keynes and Slough')).toEqual([
      'authority:Hampshire',
      'authority:Isle of Wight',
      'authority:Milton Keynes',
      'authority:Slough',
    ]);
  });

  it('finds possessives and typos the data lists', () => {
    expect(resolver.findMentions('the Department for Education’s innovation programme')).toMatchObject([
      { name: 'Department for Education', text: 'Department for Education’s' },
    ]);
    expect(names('This release, published by Oftsed, contains:')).toEqual(['organisation:Ofsted']);
    expect(names('thanks to Kent’s virtual school')).toEqual(['authority:Kent']);
  });

  it('does not search prose for ambiguous aliases', () => {
    expect(names(seedLine('451', 95))).toEqual(['organisation:Ofsted']);
    expect(seedLine('451', 95)).toMatch(/education inspection framework \(EIF\)/);
    expect(names('The revised EIF is here')).toEqual([]);
    expect(names('a Westminster Hall debate')).toEqual([]);
    expect(names('Westminster City Council')).toEqual(['authority:Westminster']);
  });

  it('matches a lower-case alias in any case, and a dotted abbreviation as its acronym', () => {
    expect(seedLine('451', 89)).toMatch(/sent to the commissioners network/);
    expect(names(seedLine('451', 89))).toEqual([
      'network:Commissioning Network',
      'organisation:Department for Education',
    ]);
    expect(names('The U.K. Trauma Council')).toEqual(['organisation:UK Trauma Council']);
  });

  it('does not join words across a sentence break', () => {
    expect(resolver.findMentions('We met in Kent. County Council officers came.')).toMatchObject([
      { name: 'Kent', text: 'Kent' },
    ]);
  });

  it('finds a body in every publisher the seeds cite', () => {
    const publishers = allSeedLines.flatMap((line) => {
      const by = /published by (?:the )?(.+?) (?:on )?\d{1,2} \w+ \d{4}/.exec(line);
      const on =
        /^On \d{1,2} \w+,? (?:the )?([A-Z].*?) (?:published|launched|updated|released|issued|approved)\b/.exec(
          line,
        );
      return [by?.[1], on?.[1]].filter((p): p is string => p !== undefined);
    });
    expect(publishers.length).toBeGreaterThan(40);
    expect(
      publishers.filter((p) => resolver.findMentions(p).length === 0 && !resolver.resolveEntity(p)),
    ).toEqual([]);
  });

  it('resolves the organisation of every contact in the seeds', () => {
    const organisations = allSeedLines.flatMap((line) => {
      const m = /: [^:]+ \(([^()]*(?:\([^()]*\))?[^()]*)\)\s*$/.exec(line);
      return m?.[1] === undefined || m[1].endsWith('details below') ? [] : [m[1]];
    });
    expect(organisations.length).toBeGreaterThan(40);
    expect(organisations.filter((o) => !resolver.resolveEntity(o))).toEqual([]);
  });

  it("resolves every network in the seeds' meeting lists", () => {
    const networks = allSeedLines.flatMap((line) => {
      // "Name: date … More from …", the name in capitalised words (so not "AD EducationFriday 14 October 10:00am")
      const m =
        /^((?:[A-Z][\w-]*|and|of)(?: (?:[A-Z][\w-]*|and|of))*):\s.*\bMore (?:information )?from\b/.exec(line);
      return m?.[1] === undefined ? [] : [m[1]];
    });
    expect(new Set(networks).size).toBeGreaterThanOrEqual(9);
    expect(networks.filter((n) => !resolver.resolveNetwork(n))).toEqual([]);
  });
});

describe('networkTopics', () => {
  const topics = (text: string): Record<string, string[]> =>
    Object.fromEntries(resolver.networkTopics(text).map((t) => [t.network.name, t.terms]));

  it('derives networks from the lexicon, plurals included', () => {
    expect(topics('pupils with special educational needs and disabilities (SEND) and EHC plans')).toEqual({
      'SEND SE19': ['special educational needs', 'SEND', 'EHC plan'],
    });
    expect(topics(seedLine('451', 85))).toMatchObject({ 'Fostering Network': ['fostering'] });
    expect(Object.keys(topics('Key Stage 2 attainment 2022 national headlines'))).toEqual([
      'AD Education Network',
      'SESLIP Education Data Group',
    ]);
  });

  it('reads the singular of a plural term, but not after an adjective that makes another compound', () => {
    expect(topics('due to medical needs, exclusion or ‘otherwise’')).toEqual({
      'AD Education Network': ['exclusions'],
    });
    expect(topics('support for a care leaver')).toEqual({ 'AD Safeguarding Network': ['care leavers'] });
    expect(topics('Those at risk of social exclusion and isolation')).toEqual({});
    // A single word chosen over its singular stays as written: "Early Adopter" is about schools.
    expect(topics('an Early Adopter of the reforms')).toEqual({});
  });

  it('does not fire on the verb "send" or on words every item uses', () => {
    expect(topics('Please send the education and social care data to your school')).toEqual({});
  });

  it('counts a lower-case topic as a topic but not as a mention of the network', () => {
    const line = 'This reflects extended agreements on data benchmarking on a national basis.';
    expect(names(line)).toEqual([]);
    expect(Object.keys(topics(line))).toEqual(['Data Benchmarking Network']);
  });
});

describe('Mention', () => {
  it('carries the entry, typed by kind', () => {
    const [mention] = resolver.findMentions('Portsmouth') as [Mention];
    expect(mention.kind === 'authority' && mention.entry.seslip).toBe(true);
  });
});

describe('a name is not a network by one shared word', () => {
  it('reads "The Fostering Network" inside a sentence as the national body, named as written', async () => {
    const resolver = await loadResolver();
    const [mention] = resolver.findMentions('A conference run by The Fostering Network and Kent.') as [
      Mention,
    ];
    expect(mention).toMatchObject({ kind: 'organisation', name: 'The Fostering Network', offset: 20 });
    expect(resolver.resolveEntity('The Fostering Network')?.kind).toBe('organisation');
    expect(resolver.resolveNetwork('The Fostering Network')).toBeUndefined();
  });

  it("keeps SESLIP's network as written without the article, and at a sentence's first word", async () => {
    const resolver = await loadResolver();
    expect(resolver.resolveNetwork('Fostering Network')?.name).toBe('Fostering Network');
    expect(resolver.findMentions('More from the Fostering Network.')[0]?.kind).toBe('network');
    expect(resolver.findMentions('The AD Safeguarding Network met in Guildford.')[0]?.kind).toBe('network');
  });
});
